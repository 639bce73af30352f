/*
 * THD Tracker public eligibility map: vector tiles of our own territory (works offline), communes
 * coloured by eligibility on a chosen date, address search, popups that say in plain words what
 * a premise can get, the phases table and the FR/EN switch.
 *
 * Plain script on purpose (no bundler): OpenLayers comes from the WebJar as the global `ol`.
 * Data never goes through innerHTML: text is set with textContent / Text nodes (see el()), and the
 * only HTML sink we feed (OpenLayers attributions) gets escaped strings.
 *
 * For tests: window.thdMap (ol.Map), window.thdLayers (by name), window.thdState, and
 * data-ready="true" on #map once the first communes tile has been drawn.
 */
(function () {
  'use strict';

  const { el, validIso } = window.thd; // js/common.js

  // ---------------------------------------------------------------- constants

  const LANG_KEY = 'thd.lang';
  const MIN_DATE = '2014-01-01';
  const SLIDER_FIRST_YEAR = 2016;
  // The server sends one point per premise from this tile zoom up, aggregates below it.
  const PREMISES_DETAIL_ZOOM = 15;
  const PREMISES_MIN_ZOOM = 10;
  const EXCHANGES_MIN_ZOOM = 10;
  const LOOKUP_ZOOM = 17;
  const SUGGEST_MIN_CHARS = 3;
  const SUGGEST_DELAY_MS = 200;
  // Dragging the quarter slider must not fire one areas request per quarter crossed (the public
  // eligibility API is rate limited per client).
  const AREAS_DELAY_MS = 250;
  const SUGGESTIONS_MAX = 10;
  // Deepest tile zoom we ask for, per layer; deeper views over-zoom these tiles. Admin boundaries
  // gain nothing past 12–14; premises go further so that a tile the server had to cap (dense town
  // centres) can still be split by zooming in.
  const TILE_MAX_ZOOM = { departments: 12, communes: 14, zones: 14, premises: 18, exchanges: 14, ruhd: 14 };
  // Truncated tiles remembered for the notice; past this the oldest are forgotten.
  const TRUNCATED_MAX = 2000;
  const BRITTANY_LONLAT = [-5.2, 47.25, -1.0, 48.95];
  const LAYER_NAMES = ['departments', 'communes', 'zones', 'premises', 'exchanges', 'ruhd'];
  // Topmost first: a click on a premise inside a zone inside a commune opens the premise.
  const PICK_ORDER = ['premises', 'exchanges', 'ruhd', 'zones', 'communes', 'departments'];
  const POINTER_LAYERS = new Set(['premises', 'exchanges', 'ruhd']);

  const TRANCHES = ['P1T1', 'P1T2', 'P2', 'P3'];
  const STATES = ['CIBLE', 'SIGNE', 'EN_COURS', 'DEPLOYE', 'RACCORDABLE_DEMANDE', 'ABANDONNE'];
  const SPEED_CLASSES = ['INELIGIBLE', 'BELOW_3', 'FROM_3', 'FROM_8', 'FROM_30', 'FROM_100', 'FROM_1000'];
  const LOTS = [1, 2, 3];

  // Colours live here, next to the styles that use them: the legends are drawn from the very same
  // ol.style objects, so map and legend cannot drift apart.
  const COLOURS = {
    land: '#f4f1ea',
    department: '#4d4d4d',
    communeOutline: 'rgba(60, 60, 60, 0.35)',
    noData: '#d9d9d9',
    tranche: { P1T1: '#1b7837', P1T2: '#5aae61', P2: '#f1a340', P3: '#998ec3', _: '#888888' },
    state: {
      CIBLE: '#bdbdbd', SIGNE: '#9ecae1', EN_COURS: '#fdae6b', DEPLOYE: '#31a354',
      RACCORDABLE_DEMANDE: '#74c476', ABANDONNE: '#de2d26', _: '#888888'
    },
    // Arcep speed classes, worst to best (RdYlGn): used in the popups' bars and their legend.
    speed: {
      INELIGIBLE: '#7f7f7f', BELOW_3: '#d73027', FROM_3: '#fc8d59', FROM_8: '#fee08b',
      FROM_30: '#d9ef8b', FROM_100: '#91cf60', FROM_1000: '#1a9850'
    },
    // Aggregates: share deployed in fifths. A diverging palette, unlike the sequential choropleth
    // underneath, so the circles read as a separate layer.
    aggregate: ['#d7191c', '#fdae61', '#ffffbf', '#a6d96a', '#1a9641'],
    // No blue and no green: the choropleth underneath is one or the other, and a navy NRA on the
    // darkest blue class would read as a hollow (planned) one.
    exchange: { NRA: '#111111', NRA_HD: '#8c510a', NRA_ZO: '#ff7f00' },
    lot: { 1: '#e7298a', 2: '#ffd92f', 3: '#00bcd4', _: '#969696' },
    ruhd: '#6a3d9a'
  };

  // Arcep coverage classes of a share (0 %, >0–5, 5–10, 10–25, 25–50, 50–80, ≥80 %): the lower
  // bounds of classes 2..6; class 0 is exactly zero, class 1 anything above it up to 5 %.
  const SHARE_BREAKS = [0.05, 0.10, 0.25, 0.50, 0.80];
  const SHARE_BOUNDS_PCT = [0, 5, 10, 25, 50, 80];
  const CHOROPLETH = {
    fibre: {
      colours: ['#edf8e9', '#c7e9c0', '#a1d99b', '#74c476', '#41ab5d', '#238b45', '#005a32'],
      // ftth/premises rather than fibreOpenShare when we can: the server rounds the share to four
      // decimals, which would put a big commune with a handful of open lines in the "0 %" class.
      share: (a) => (a.premises > 0
        ? (a.bestTechnology && typeof a.bestTechnology.ftth === 'number'
          ? a.bestTechnology.ftth / a.premises : numberOr(a.fibreOpenShare, null))
        : null)
    },
    thd: {
      colours: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'],
      share: (a) => (a.premises > 0 && a.cumulative && typeof a.cumulative.atLeast30 === 'number'
        ? a.cumulative.atLeast30 / a.premises : null)
    }
  };

  // Aggregate circles: radius = k·√count, so the area is proportional to the count.
  const AGG_RADIUS_K = 0.25;
  const AGG_RADIUS_MIN = 3;
  const AGG_RADIUS_MAX = 40;
  const AGG_LABEL_MIN_RADIUS = 11;
  const AGG_LEGEND_COUNTS = [100, 1000, 10000];

  const I18N = {
    fr: {
      'panel.toggle': 'Panneau', 'panel.label': 'Panneau d’informations', 'map.label': 'Carte d’éligibilité',
      'user.login': 'Se connecter', 'user.logout': 'Se déconnecter', 'user.signedIn': 'Connecté : {name}',
      'lang.toggle': 'EN', 'lang.toggleLabel': 'Switch to English', 'lang.target': 'en',
      'info.loading': 'Chargement…', 'info.refresh': 'Données au {date}',
      'info.unknown': 'Date des données inconnue', 'info.unavailable': 'Informations indisponibles',
      'info.demo': 'Données de démonstration (graine {seed}, échelle {scale})',
      'attr.territory': 'Limites : {source} — © contributeurs OpenStreetMap pour les routes le cas échéant',
      'attr.defaultSource': 'IGN ADMIN EXPRESS / INSEE',
      'asof.title': 'Éligibilité des communes', 'asof.label': 'Situation au', 'asof.slider': 'Trimestre',
      'asof.hint': 'Faites glisser le curseur pour voir le déploiement trimestre par trimestre.',
      'quarter': 'T{q} {year}',
      'areas.loading': 'Chargement de la situation au {date}…',
      'areas.loaded': '{n} communes, situation au {date}.',
      'areas.error': 'Les chiffres des communes n’ont pas pu être chargés.',
      'choropleth.label': 'Colorier les communes selon',
      'choropleth.fibre': 'Part des locaux raccordables à la fibre',
      'choropleth.thd': 'Part des locaux en très haut débit (≥ 30 Mbit/s)',
      'legend.noData': 'Pas de données', 'legend.notLoaded': 'Chargement des données…',
      'layers.title': 'Couches', 'layer.departments': 'Départements', 'layer.communes': 'Communes (éligibilité)',
      'layer.zones': 'Zones de déploiement', 'layer.premises': 'Locaux',
      'layer.exchanges': 'Centraux et armoires (NRA)', 'layer.ruhd': 'Réseau régional (RUHD)',
      'load.areas': 'chiffres des communes',
      'premises.hintAggregated': 'Les locaux apparaissent à partir du niveau 10, regroupés en cercles (touchez-en un pour zoomer) ; chaque immeuble ou maison à partir du niveau 15.',
      'premises.hintDetail': 'Touchez un local pour voir à quoi il est éligible.',
      'exchanges.hint': 'Zoomez pour voir les centraux et armoires (à partir du niveau 10).',
      'tiles.truncated': 'Certaines tuiles sont incomplètes : zoomez',
      'tiles.truncatedLayers': ' ({layers})',
      'error.load': 'Échec du chargement : {what}.',
      'legend.title': 'Légende', 'legend.speed': 'Classes de débit (Arcep)',
      'legend.aggregates': 'Locaux regroupés (vue éloignée)',
      'legend.aggregatesNote': 'Taille du cercle : nombre de locaux. Couleur : part des locaux déployés.',
      'legend.aggCount': '{n} locaux', 'legend.aggShare': '{from}–{to} déployés',
      'legend.premises': 'Locaux, par état (à partir du niveau 15)',
      'legend.zones': 'Zones de déploiement, par tranche',
      'legend.exchanges': 'Centraux et armoires (à partir du niveau 10)',
      'legend.ruhd': 'Réseau régional (RUHD)',
      'legend.lot': 'NRA-MED, lot {lot}', 'legend.lotNone': 'NRA-MED, hors lot',
      'legend.cabinetPlanned': 'Armoire prévue, en études ou en travaux (creuse)',
      'legend.cabinetAbandoned': 'Armoire abandonnée (grise)',
      'legend.site': 'Site du réseau régional',
      'speed.INELIGIBLE': 'inéligible', 'speed.BELOW_3': '< 3 Mbit/s', 'speed.FROM_3': '3–8 Mbit/s',
      'speed.FROM_8': '8–30 Mbit/s', 'speed.FROM_30': '30–100 Mbit/s', 'speed.FROM_100': '≥ 100 Mbit/s',
      'speed.FROM_1000': '≥ 1 000 Mbit/s',
      'tranche.P1T1': 'Phase 1, tranche 1', 'tranche.P1T2': 'Phase 1, tranche 2',
      'tranche.P2': 'Phase 2', 'tranche.P3': 'Phase 3',
      'state.CIBLE': 'Cible', 'state.SIGNE': 'Signé', 'state.EN_COURS': 'En cours de déploiement',
      'state.DEPLOYE': 'Déployé (raccordable)', 'state.RACCORDABLE_DEMANDE': 'Raccordable sur demande',
      'state.ABANDONNE': 'Abandonné',
      // GraceTHD l_statut
      'study.PRE': 'Études préliminaires', 'study.DIA': 'Diagnostic', 'study.AVP': 'Avant-projet',
      'study.PRO': 'Projet', 'study.ACT': 'Passation des marchés de travaux',
      'study.EXE': 'Études d’exécution', 'study.TVX': 'Travaux', 'study.REC': 'Récolement',
      'study.MCO': 'Maintien en conditions opérationnelles',
      'type.NRA': 'NRA', 'type.NRA_HD': 'NRA-HD', 'type.NRA_MED': 'NRA-MED', 'type.NRA_ZO': 'NRA-ZO',
      'type.PM': 'Point de mutualisation',
      'typeLong.NRA': 'NRA (central téléphonique)', 'typeLong.NRA_HD': 'NRA-HD (central haut débit)',
      'typeLong.NRA_MED': 'NRA-MED (montée en débit)', 'typeLong.NRA_ZO': 'NRA-ZO (zone d’ombre)',
      'op.PLANNED': 'Prévu', 'op.STUDY': 'En études', 'op.WORKS': 'En travaux', 'op.IN_SERVICE': 'En service',
      'op.ABANDONED': 'Abandonné',
      'ofds.operational': 'En service', 'ofds.planned': 'Prévu', 'ofds.underConstruction': 'En construction',
      'ofds.proposed': 'Proposé', 'ofds.inactive': 'Inactif', 'ofds.decommissioned': 'Désaffecté',
      'ruhd.operational': 'Lien en service (trait plein)', 'ruhd.underConstruction': 'Lien en construction (tirets longs)',
      'ruhd.planned': 'Lien prévu (tirets)',
      'tech.FTTH': 'Fibre optique (FTTH)', 'tech.VDSL2': 'Cuivre (VDSL2)', 'tech.ADSL2PLUS': 'Cuivre (ADSL2+)',
      'tech.NONE': 'Aucune', 'techShort.FTTH': 'FTTH', 'techShort.VDSL2': 'VDSL2',
      'techShort.ADSL2PLUS': 'ADSL2+', 'techShort.NONE': 'aucune',
      'phases.title': 'Avancement par tranche', 'phases.tranche': 'Tranche', 'phases.lines': 'Lignes',
      'phases.deployed': 'Déployées', 'phases.percent': '% déployées', 'phases.total': 'Total',
      'phases.empty': 'Aucune donnée.', 'phases.error': 'Avancement indisponible.',
      'phases.target': 'échéance : {date}', 'phases.note': 'Déployées : raccordables, y compris sur demande.',
      'search.label': 'Rechercher une adresse', 'search.placeholder': 'Votre adresse : 12 rue de la Mairie, Dinan',
      'search.submit': 'Rechercher', 'search.suggestions': 'Suggestions d’adresses',
      'search.searching': 'Recherche…', 'search.error': 'La recherche a échoué, réessayez.',
      'search.others': 'Autres voies possibles :',
      'kind.premise': 'Local', 'kind.commune': 'Commune', 'kind.zone': 'Zone de déploiement',
      'kind.exchange': 'Central ou armoire', 'kind.ruhdLink': 'Lien du réseau régional',
      'kind.ruhdSite': 'Site du réseau régional', 'kind.department': 'Département',
      'f.code': 'Code', 'f.tranche': 'Tranche', 'f.phase': 'Phase',
      'f.studyStatus': 'Statut d’étude', 'f.contractor': 'Entreprise', 'f.type': 'Type', 'f.lot': 'Lot',
      'f.operationStatus': 'État', 'f.vdsl2': 'VDSL2', 'f.status': 'État', 'f.capacity': 'Capacité',
      'f.siteKind': 'Type de site', 'f.insee': 'INSEE', 'f.department': 'Département',
      'f.premises': 'Locaux', 'f.fibreShare': 'Raccordables à la fibre', 'f.thdShare': 'Très haut débit (≥ 30 Mbit/s)',
      'f.equipment': 'Équipement', 'f.line': 'Longueur de ligne', 'f.attenuation': 'Affaiblissement',
      'f.copper': 'Cuivre', 'f.programme': 'Programme', 'f.state': 'État du local',
      'best.servedBy': 'Desservi par : {what}', 'labelValue': '{label} : {value}',
      'yes': 'Oui', 'no': 'Non', 'gbps': '{n} Gbit/s',
      'popup.close': 'Fermer', 'popup.loading': 'Chargement…', 'popup.error': 'Informations indisponibles.',
      'popup.asOf': 'Situation au {date}', 'popup.refresh': 'Données au {date}',
      'commune.noData': 'Aucune donnée d’éligibilité pour cette commune.',
      'commune.classes': 'Locaux par classe de débit',
      'fibre.available': 'Fibre disponible', 'fibre.planned': 'Fibre prévue : {when}',
      'fibre.plannedPhase': 'Fibre prévue avec la {phase}', 'fibre.targetEnd': 'échéance : {date}',
      'fibre.abandoned': 'Fibre : déploiement abandonné pour ce local', 'fibre.notPlanned': 'Fibre : pas encore de date prévue',
      'best.title': 'Meilleure technologie : {tech}', 'best.upTo': 'jusqu’à {speed}', 'best.none': 'Aucune offre filaire : inéligible',
      'copper.title': 'Ligne téléphonique (cuivre)', 'copper.speed': '{tech}, jusqu’à {speed}',
      'line.ROAD_NETWORK': 'mesurée le long des routes', 'line.STRAIGHT_LINE_WITH_DETOUR': 'estimée à vol d’oiseau × 1,4',
      'premise.noAddress': 'Adresse inconnue',
      'zoom.in': 'Zoom avant', 'zoom.out': 'Zoom arrière'
    },
    en: {
      'panel.toggle': 'Panel', 'panel.label': 'Information panel', 'map.label': 'Eligibility map',
      'user.login': 'Sign in', 'user.logout': 'Sign out', 'user.signedIn': 'Signed in as {name}',
      'lang.toggle': 'FR', 'lang.toggleLabel': 'Passer en français', 'lang.target': 'fr',
      'info.loading': 'Loading…', 'info.refresh': 'Data as of {date}',
      'info.unknown': 'Data date unknown', 'info.unavailable': 'Information unavailable',
      'info.demo': 'Demo data (seed {seed}, scale {scale})',
      'attr.territory': 'Boundaries: {source} — roads © OpenStreetMap contributors where applicable',
      'attr.defaultSource': 'IGN ADMIN EXPRESS / INSEE',
      'asof.title': 'Commune eligibility', 'asof.label': 'As of', 'asof.slider': 'Quarter',
      'asof.hint': 'Drag the slider to watch the rollout quarter by quarter.',
      'quarter': 'Q{q} {year}',
      'areas.loading': 'Loading the situation as of {date}…',
      'areas.loaded': '{n} communes, as of {date}.',
      'areas.error': 'Commune figures could not be loaded.',
      'choropleth.label': 'Colour communes by',
      'choropleth.fibre': 'Share of premises connectable to fibre',
      'choropleth.thd': 'Share of premises with very high speed (≥ 30 Mbit/s)',
      'legend.noData': 'No data', 'legend.notLoaded': 'Loading data…',
      'layers.title': 'Layers', 'layer.departments': 'Départements', 'layer.communes': 'Communes (eligibility)',
      'layer.zones': 'Deployment zones', 'layer.premises': 'Premises',
      'layer.exchanges': 'Exchanges and cabinets (NRA)', 'layer.ruhd': 'Regional backbone (RUHD)',
      'load.areas': 'commune figures',
      'premises.hintAggregated': 'Premises show from level 10, grouped in circles (tap one to zoom in); single buildings from level 15.',
      'premises.hintDetail': 'Tap a premise to see what it can get.',
      'exchanges.hint': 'Zoom in to see exchanges and cabinets (level 10 and above).',
      'tiles.truncated': 'Some tiles are incomplete: zoom in',
      'tiles.truncatedLayers': ' ({layers})',
      'error.load': 'Could not load: {what}.',
      'legend.title': 'Legend', 'legend.speed': 'Speed classes (Arcep)',
      'legend.aggregates': 'Grouped premises (zoomed out)',
      'legend.aggregatesNote': 'Circle size: number of premises. Colour: share of premises deployed.',
      'legend.aggCount': '{n} premises', 'legend.aggShare': '{from}–{to} deployed',
      'legend.premises': 'Premises, by state (level 15 and above)',
      'legend.zones': 'Deployment zones, by tranche',
      'legend.exchanges': 'Exchanges and cabinets (level 10 and above)',
      'legend.ruhd': 'Regional backbone (RUHD)',
      'legend.lot': 'NRA-MED, lot {lot}', 'legend.lotNone': 'NRA-MED, no lot',
      'legend.cabinetPlanned': 'Cabinet planned, in study or in works (hollow)',
      'legend.cabinetAbandoned': 'Abandoned cabinet (grey)',
      'legend.site': 'Backbone site',
      'speed.INELIGIBLE': 'ineligible', 'speed.BELOW_3': '< 3 Mbit/s', 'speed.FROM_3': '3–8 Mbit/s',
      'speed.FROM_8': '8–30 Mbit/s', 'speed.FROM_30': '30–100 Mbit/s', 'speed.FROM_100': '≥ 100 Mbit/s',
      'speed.FROM_1000': '≥ 1,000 Mbit/s',
      'tranche.P1T1': 'Phase 1, tranche 1', 'tranche.P1T2': 'Phase 1, tranche 2',
      'tranche.P2': 'Phase 2', 'tranche.P3': 'Phase 3',
      'state.CIBLE': 'Target', 'state.SIGNE': 'Signed', 'state.EN_COURS': 'Deployment in progress',
      'state.DEPLOYE': 'Deployed (connectable)', 'state.RACCORDABLE_DEMANDE': 'Connectable on request',
      'state.ABANDONNE': 'Abandoned',
      'study.PRE': 'Preliminary studies', 'study.DIA': 'Diagnosis', 'study.AVP': 'Outline design',
      'study.PRO': 'Detailed design', 'study.ACT': 'Works tendering',
      'study.EXE': 'Execution studies', 'study.TVX': 'Works', 'study.REC': 'As-built survey',
      'study.MCO': 'Operation and maintenance',
      'type.NRA': 'NRA', 'type.NRA_HD': 'NRA-HD', 'type.NRA_MED': 'NRA-MED', 'type.NRA_ZO': 'NRA-ZO',
      'type.PM': 'Fibre access point (PM)',
      'typeLong.NRA': 'NRA (telephone exchange)', 'typeLong.NRA_HD': 'NRA-HD (high-speed exchange)',
      'typeLong.NRA_MED': 'NRA-MED (speed-upgrade cabinet)', 'typeLong.NRA_ZO': 'NRA-ZO (not-spot cabinet)',
      'op.PLANNED': 'Planned', 'op.STUDY': 'In study', 'op.WORKS': 'In works', 'op.IN_SERVICE': 'In service',
      'op.ABANDONED': 'Abandoned',
      'ofds.operational': 'Operational', 'ofds.planned': 'Planned', 'ofds.underConstruction': 'Under construction',
      'ofds.proposed': 'Proposed', 'ofds.inactive': 'Inactive', 'ofds.decommissioned': 'Decommissioned',
      'ruhd.operational': 'Operational link (solid)', 'ruhd.underConstruction': 'Link under construction (long dashes)',
      'ruhd.planned': 'Planned link (dashed)',
      'tech.FTTH': 'Fibre (FTTH)', 'tech.VDSL2': 'Copper (VDSL2)', 'tech.ADSL2PLUS': 'Copper (ADSL2+)',
      'tech.NONE': 'None', 'techShort.FTTH': 'FTTH', 'techShort.VDSL2': 'VDSL2',
      'techShort.ADSL2PLUS': 'ADSL2+', 'techShort.NONE': 'none',
      'phases.title': 'Progress by tranche', 'phases.tranche': 'Tranche', 'phases.lines': 'Lines',
      'phases.deployed': 'Deployed', 'phases.percent': '% deployed', 'phases.total': 'Total',
      'phases.empty': 'No data.', 'phases.error': 'Progress unavailable.',
      'phases.target': 'due: {date}', 'phases.note': 'Deployed: connectable, including on request.',
      'search.label': 'Search an address', 'search.placeholder': 'Your address: 12 rue de la Mairie, Dinan',
      'search.submit': 'Search', 'search.suggestions': 'Address suggestions',
      'search.searching': 'Searching…', 'search.error': 'The search failed, please try again.',
      'search.others': 'Other possible streets:',
      'kind.premise': 'Premise', 'kind.commune': 'Commune', 'kind.zone': 'Deployment zone',
      'kind.exchange': 'Exchange or cabinet', 'kind.ruhdLink': 'Backbone link',
      'kind.ruhdSite': 'Backbone site', 'kind.department': 'Département',
      'f.code': 'Code', 'f.tranche': 'Tranche', 'f.phase': 'Phase',
      'f.studyStatus': 'Study status', 'f.contractor': 'Contractor', 'f.type': 'Type', 'f.lot': 'Lot',
      'f.operationStatus': 'Status', 'f.vdsl2': 'VDSL2', 'f.status': 'Status', 'f.capacity': 'Capacity',
      'f.siteKind': 'Site type', 'f.insee': 'INSEE code', 'f.department': 'Département',
      'f.premises': 'Premises', 'f.fibreShare': 'Connectable to fibre', 'f.thdShare': 'Very high speed (≥ 30 Mbit/s)',
      'f.equipment': 'Equipment', 'f.line': 'Line length', 'f.attenuation': 'Attenuation',
      'f.copper': 'Copper', 'f.programme': 'Programme', 'f.state': 'Premise state',
      'best.servedBy': 'Served by: {what}', 'labelValue': '{label}: {value}',
      'yes': 'Yes', 'no': 'No', 'gbps': '{n} Gbit/s',
      'popup.close': 'Close', 'popup.loading': 'Loading…', 'popup.error': 'Information unavailable.',
      'popup.asOf': 'As of {date}', 'popup.refresh': 'Data as of {date}',
      'commune.noData': 'No eligibility data for this commune.',
      'commune.classes': 'Premises by speed class',
      'fibre.available': 'Fibre available', 'fibre.planned': 'Fibre planned: {when}',
      'fibre.plannedPhase': 'Fibre planned with {phase}', 'fibre.targetEnd': 'due: {date}',
      'fibre.abandoned': 'Fibre: deployment abandoned for this premise', 'fibre.notPlanned': 'Fibre: no date planned yet',
      'best.title': 'Best technology: {tech}', 'best.upTo': 'up to {speed}', 'best.none': 'No wired offer: ineligible',
      'copper.title': 'Telephone line (copper)', 'copper.speed': '{tech}, up to {speed}',
      'line.ROAD_NETWORK': 'measured along roads', 'line.STRAIGHT_LINE_WITH_DETOUR': 'estimated as the crow flies × 1.4',
      'premise.noAddress': 'Unknown address',
      'zoom.in': 'Zoom in', 'zoom.out': 'Zoom out'
    }
  };

  // ---------------------------------------------------------------- state

  let lang = storedLanguage();
  const data = { info: null, infoError: false, phases: null, phasesError: false, me: null };
  const loadErrors = new Set();
  let map = null;
  let overlay = null;
  let landLayer = null;
  let basemapLayer = null;
  const layers = {};
  let choroplethMode = 'fibre';
  // Areas of the date on screen: {asOf, dataRefreshDate, byCode: Map<INSEE, area>}, null until the first answer.
  let areas = null;
  const areasRequest = { seq: 0, timer: null, controller: null, loading: false, error: false, retried: null };
  let popupState = null;
  let popupSeq = 0;
  // Tile URL → {layer, z, extent} of the tiles the server capped (X-Tile-Truncated: true).
  const truncatedTiles = new Map();
  let tileNoticeTimer = null;
  const search = { timer: null, controller: null, items: [], active: -1, seq: 0 };
  const state = { asOf: todayIso(), sliderMax: 0 };

  // The contract with the browser tests: kept as one object, updated in place.
  // tilesLoaded: tiles received per layer, so that a test can wait for a layer's data.
  const thdState = {
    asOf: state.asOf, areasLoaded: false, areasAsOf: null, lastPopupPremiseId: null,
    tilesLoaded: Object.fromEntries(LAYER_NAMES.map((n) => [n, 0]))
  };
  window.thdState = thdState;

  // ---------------------------------------------------------------- helpers

  function $(id) { return document.getElementById(id); }

  function t(key, params) {
    const s = I18N[lang][key] ?? I18N.fr[key] ?? key;
    return params ? s.replace(/\{(\w+)\}/g, (m, k) => (params[k] ?? '')) : s;
  }

  /** Label of a code (state, study status…), or the raw code when we have no translation. */
  function label(prefix, code) {
    if (code == null || code === '') return null;
    const key = prefix + code;
    return I18N[lang][key] ?? I18N.fr[key] ?? String(code);
  }

  function locale() { return lang === 'fr' ? 'fr-FR' : 'en-GB'; }

  function numberOr(v, fallback) {
    const n = typeof v === 'number' ? v : (typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN);
    return Number.isFinite(n) ? n : fallback;
  }

  function fmtNumber(n, digits) {
    if (typeof n !== 'number' || !Number.isFinite(n)) return null;
    return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits ?? 0 }).format(n);
  }

  function fmtCompact(n) {
    return new Intl.NumberFormat(locale(), { notation: 'compact', maximumFractionDigits: 1 }).format(n);
  }

  /** A share 0..1 as a percentage; one decimal so that 0.4 % does not read as 0 %. */
  function fmtShare(share) {
    if (typeof share !== 'number' || !Number.isFinite(share)) return null;
    return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(share);
  }

  function fmtPercent(part, whole) {
    if (typeof part !== 'number' || typeof whole !== 'number' || whole <= 0) return null;
    return fmtShare(part / whole);
  }

  /** "12 %" in French (narrow no-break space), "12%" in English. */
  function pct(value) {
    return fmtNumber(value) + (lang === 'fr' ? '\u202f%' : '%');
  }

  function fmtMbps(mbps) {
    const n = numberOr(mbps, null);
    if (n == null) return null;
    return fmtNumber(n, n < 10 ? 1 : 0) + ' Mbit/s';
  }

  /** "YYYY-MM-DD" (or an ISO date-time) as a long local date, formatted in UTC so no time zone shifts the day. */
  function fmtDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
    if (!m) return iso || null;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeZone: 'UTC' }).format(d);
  }

  function pad2(n) { return String(n).padStart(2, '0'); }

  function isoDate(year, month, day) { return year + '-' + pad2(month) + '-' + pad2(day); }

  /** Today in the visitor's own time zone: an elected official in Brest expects their own date. */
  function todayIso() {
    const d = new Date();
    return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
  }


  /** Quarters counted from Q1 of SLIDER_FIRST_YEAR (0), possibly negative or past the slider's end. */
  function quarterIndex(iso) {
    return (+iso.slice(0, 4) - SLIDER_FIRST_YEAR) * 4 + Math.floor((+iso.slice(5, 7) - 1) / 3);
  }

  function quarterLastDay(index) {
    const year = SLIDER_FIRST_YEAR + Math.floor(index / 4);
    const q = ((index % 4) + 4) % 4;
    const last = new Date(Date.UTC(year, q * 3 + 3, 0)); // day 0 of the next month
    return isoDate(last.getUTCFullYear(), last.getUTCMonth() + 1, last.getUTCDate());
  }

  /** "T3 2027" / "Q3 2027" from a date; the server's own text when it sent no date. */
  function quarterText(iso, fallback) {
    if (!validIso(iso)) return fallback || null;
    return t('quarter', { q: Math.floor((+iso.slice(5, 7) - 1) / 3) + 1, year: iso.slice(0, 4) });
  }


  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, (c) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  function withAlpha(hex, alpha) {
    const m = /^#([0-9a-f]{6})$/i.exec(hex);
    if (!m) return hex;
    const n = parseInt(m[1], 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
  }

  function truthy(v) { return v === true || v === 'true' || v === 1 || v === '1'; }

  function reducedMotion() {
    return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  // X-Requested-With makes Spring Security answer 401 instead of redirecting to the login page.
  function request(url, accept, extra) {
    return fetch(url, Object.assign({
      credentials: 'same-origin',
      headers: { Accept: accept || 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
    }, extra));
  }

  /**
   * JSON of a GET; on failure an Error carrying the HTTP status and the problem's `detail`
   * (the API words its errors for people: we show them as they are).
   */
  function fetchJson(url, extra) {
    return request(url, 'application/json, application/problem+json;q=0.9', extra).then((res) => {
      if (res.ok) return res.json();
      return res.json().catch(() => null).then((body) => {
        const detail = body && typeof body.detail === 'string' ? body.detail : null;
        const err = new Error(detail || url + ': HTTP ' + res.status);
        err.status = res.status;
        err.detail = detail;
        throw err;
      });
    });
  }

  const isAbort = (err) => err && err.name === 'AbortError';

  function storedLanguage() {
    try {
      const s = localStorage.getItem(LANG_KEY);
      if (s && Object.prototype.hasOwnProperty.call(I18N, s)) return s;
    } catch (e) { /* storage disabled: keep the default */ }
    return 'fr';
  }

  // ---------------------------------------------------------------- styles

  function stroke(color, width, lineDash) {
    return new ol.style.Stroke({ color, width, lineDash, lineCap: lineDash ? 'butt' : 'round' });
  }

  function fill(color) { return new ol.style.Fill({ color }); }

  const styles = {};

  function makeStyles() {
    styles.land = new ol.style.Style({ fill: fill(COLOURS.land) });
    // A white halo under the dark line keeps department borders visible over any choropleth class.
    styles.departments = [
      new ol.style.Style({ stroke: stroke('rgba(255,255,255,0.8)', 3.5) }),
      new ol.style.Style({ stroke: stroke(COLOURS.department, 1.4) })
    ];
    styles.zones = {};
    for (const code of TRANCHES.concat('_')) {
      const c = COLOURS.tranche[code];
      styles.zones[code] = new ol.style.Style({ fill: fill(withAlpha(c, 0.12)), stroke: stroke(c, 2) });
    }
    styles.premises = {};
    for (const code of STATES.concat('_')) {
      styles.premises[code] = new ol.style.Style({
        image: new ol.style.Circle({ radius: 5, fill: fill(COLOURS.state[code]), stroke: stroke('#333333', 0.75) })
      });
    }
    styles.aggregates = new Map();
    styles.communes = new Map();
    styles.exchanges = new Map();
    styles.ruhd = new Map();
  }

  /** -1: no premises (no data); 0: exactly 0 %; 1..6: the Arcep coverage classes above it. */
  function shareClass(share) {
    if (share == null || !Number.isFinite(share)) return -1;
    if (share <= 0) return 0;
    let c = 1;
    for (const b of SHARE_BREAKS) if (share >= b) c++;
    return c;
  }

  function shareClassLabel(c) {
    if (c === 0) return pct(0);
    if (c === 1) return '> 0–' + pct(SHARE_BOUNDS_PCT[1]);
    if (c === SHARE_BOUNDS_PCT.length) return '≥ ' + pct(SHARE_BOUNDS_PCT[c - 1]);
    return fmtNumber(SHARE_BOUNDS_PCT[c - 1]) + '–' + pct(SHARE_BOUNDS_PCT[c]);
  }

  /** Fill of a choropleth class; more transparent over an external basemap so it shows through. */
  function choroplethColour(mode, c) {
    const base = c < 0 ? COLOURS.noData : CHOROPLETH[mode].colours[c];
    return withAlpha(base, basemapLayer ? 0.7 : 0.9);
  }

  function communeStyle(feature, resolution) {
    let c = 'none'; // areas not loaded yet: outline only, the land shows through
    if (areas) {
      const area = areas.byCode.get(String(feature.get('insee')));
      c = area ? shareClass(CHOROPLETH[choroplethMode].share(area)) : -1;
    }
    // Below zoom 9 communes are a few pixels wide: a lighter outline keeps the colours readable.
    const fine = resolution > 300;
    const key = choroplethMode + '|' + c + '|' + fine + '|' + !!basemapLayer;
    let style = styles.communes.get(key);
    if (!style) {
      style = new ol.style.Style({
        fill: c === 'none' ? undefined : fill(choroplethColour(choroplethMode, c)),
        stroke: stroke(COLOURS.communeOutline, fine ? 0.4 : 0.7)
      });
      styles.communes.set(key, style);
    }
    return style;
  }

  function isAggregate(feature) { return truthy(feature.get('aggregated')); }

  function aggregateRadius(count) {
    return Math.max(AGG_RADIUS_MIN, Math.min(AGG_RADIUS_MAX, AGG_RADIUS_K * Math.sqrt(Math.max(0, count))));
  }

  /** Share deployed, in fifths (0..4): deployed = DEPLOYE + RACCORDABLE_DEMANDE, as in the phases table. */
  function deployedClass(share) { return Math.max(0, Math.min(4, Math.floor(share * 5))); }

  function aggregateStyleFor(radius, colourClass, text) {
    const r = Math.round(radius * 2) / 2;
    const key = r + '|' + colourClass + '|' + text;
    let style = styles.aggregates.get(key);
    if (!style) {
      if (styles.aggregates.size > 3000) styles.aggregates.clear(); // bounded: labels vary with counts
      style = new ol.style.Style({
        image: new ol.style.Circle({
          radius: r, fill: fill(withAlpha(COLOURS.aggregate[colourClass], 0.85)), stroke: stroke('#333333', 1)
        }),
        text: text ? new ol.style.Text({
          text, font: '600 11px system-ui, sans-serif', fill: fill('#111111'),
          stroke: stroke('rgba(255,255,255,0.85)', 3)
        }) : undefined
      });
      styles.aggregates.set(key, style);
    }
    return style;
  }

  function premiseStyle(feature) {
    if (!isAggregate(feature)) return styles.premises[feature.get('state')] || styles.premises._;
    const count = numberOr(feature.get('count'), 0);
    const deployed = numberOr(feature.get('deploye'), 0) + numberOr(feature.get('raccordable_demande'), 0);
    const radius = aggregateRadius(count);
    const text = radius >= AGG_LABEL_MIN_RADIUS ? fmtCompact(count) : '';
    return aggregateStyleFor(radius, deployedClass(count > 0 ? deployed / count : 0), text);
  }

  /** Cabinets not yet in service are hollow, abandoned ones grey: the type stays readable by shape. */
  function exchangeStyleFor(type, lot, status) {
    const phase = status === 'ABANDONED' ? 'abandoned'
      : (status === 'PLANNED' || status === 'STUDY' || status === 'WORKS') ? 'planned' : 'live';
    const lotKey = LOTS.includes(numberOr(lot, null)) ? numberOr(lot, null) : '_';
    const key = type + '|' + lotKey + '|' + phase;
    let style = styles.exchanges.get(key);
    if (style) return style;
    let colour = type === 'NRA_MED' ? COLOURS.lot[lotKey] : (COLOURS.exchange[type] || COLOURS.exchange.NRA);
    if (phase === 'abandoned') colour = '#bdbdbd';
    const solid = phase !== 'planned';
    const f = fill(solid ? colour : '#ffffff');
    const s = stroke(solid ? '#ffffff' : colour, solid ? 1.5 : 2.5);
    let image;
    if (type === 'NRA') {
      image = new ol.style.RegularShape({ points: 4, radius: 8, angle: Math.PI / 4, fill: f, stroke: s });
    } else if (type === 'NRA_HD') {
      image = new ol.style.Circle({ radius: 6.5, fill: f, stroke: s });
    } else if (type === 'NRA_MED') {
      image = new ol.style.RegularShape({ points: 3, radius: 7.5, fill: f, stroke: s });
    } else { // NRA_ZO and anything unknown
      image = new ol.style.RegularShape({ points: 4, radius: 7, angle: 0, fill: f, stroke: s });
    }
    style = new ol.style.Style({ image });
    styles.exchanges.set(key, style);
    return style;
  }

  function exchangeStyle(feature) {
    return exchangeStyleFor(feature.get('type'), feature.get('lot'), feature.get('operationStatus'));
  }

  function ruhdDash(status) {
    if (status === 'operational') return undefined;
    return status === 'underConstruction' ? [10, 5] : [5, 5];
  }

  function ruhdLinkStyleFor(status, capacityGbps) {
    const width = numberOr(capacityGbps, 0) >= 100 ? 4 : 2.5;
    const key = 'link|' + status + '|' + width;
    let style = styles.ruhd.get(key);
    if (!style) {
      style = [
        new ol.style.Style({ stroke: stroke('rgba(255,255,255,0.7)', width + 2.5) }),
        new ol.style.Style({ stroke: stroke(COLOURS.ruhd, width, ruhdDash(status)) })
      ];
      styles.ruhd.set(key, style);
    }
    return style;
  }

  function ruhdSiteStyle() {
    let style = styles.ruhd.get('site');
    if (!style) {
      style = new ol.style.Style({
        image: new ol.style.RegularShape({
          points: 4, radius: 6.5, angle: Math.PI / 4, fill: fill(COLOURS.ruhd), stroke: stroke('#ffffff', 1.5)
        })
      });
      styles.ruhd.set('site', style);
    }
    return style;
  }

  function ruhdStyle(feature) {
    const isSite = feature.get('kind') === 'site' || /Point/.test(feature.getGeometry().getType());
    return isSite ? ruhdSiteStyle() : ruhdLinkStyleFor(feature.get('status'), feature.get('capacityGbps'));
  }

  // ---------------------------------------------------------------- vector tiles

  /**
   * fetch() instead of OpenLayers' XHR so that the X-Tile-Truncated header can be read: a tile the
   * server capped must be announced (#tile-notice), never shown as if it were complete.
   */
  function tileLoadFunction(name) {
    return (tile, url) => {
      tile.setLoader((extent, resolution, projection) => {
        fetch(url, { credentials: 'same-origin' }).then((res) => {
          if (!res.ok) throw new Error(url + ': HTTP ' + res.status);
          const truncated = (res.headers.get('X-Tile-Truncated') || '').trim().toLowerCase() === 'true';
          return res.arrayBuffer().then((buffer) => {
            // 204 or an empty body: a tile with nothing in it, which is not an error.
            const features = buffer.byteLength
              ? tile.getFormat().readFeatures(buffer, { extent, featureProjection: projection }) : [];
            tile.setFeatures(features);
            noteTile(name, url, tile.getTileCoord()[0], extent, truncated);
          });
        }).catch((err) => {
          if (typeof tile.onError === 'function') tile.onError();
          else tile.setState(3); // TileState.ERROR
          reportLoadError('layer.' + name, err);
        });
      });
    };
  }

  function noteTile(name, url, z, extent, truncated) {
    thdState.tilesLoaded[name]++;
    if (truncated) {
      truncatedTiles.delete(url); // re-inserted last: the Map keeps insertion order for the cap below
      truncatedTiles.set(url, { layer: name, z, extent: extent.slice() });
      if (truncatedTiles.size > TRUNCATED_MAX) truncatedTiles.delete(truncatedTiles.keys().next().value);
    } else if (!truncatedTiles.delete(url)) {
      return; // nothing changed for the notice
    }
    scheduleTileNotice();
  }

  function tileSource(name, options) {
    return new ol.source.VectorTile(Object.assign({
      format: new ol.format.MVT({ layers: [name] }),
      url: 'tiles/' + name + '/{z}/{x}/{y}.mvt',
      // 256-pixel tiles, so that tile z equals the view zoom: the server's "points from zoom 15"
      // and our "premises from level 15" then mean the same thing.
      tileGrid: ol.tilegrid.createXYZ({ tileSize: 256, maxZoom: TILE_MAX_ZOOM[name] }),
      tileLoadFunction: tileLoadFunction(name),
      wrapX: false
    }, options));
  }

  function tileLayer(name, source, style, options) {
    const layer = new ol.layer.VectorTile(Object.assign({ source, style, declutter: false }, options));
    layer.set('name', name);
    return layer;
  }

  function attributionText() {
    const source = data.info && data.info.territorySource ? data.info.territorySource : t('attr.defaultSource');
    // OpenLayers renders attributions as HTML: escape the server's text.
    return escapeHtml(t('attr.territory', { source }));
  }

  function buildLayers() {
    const departmentsSource = tileSource('departments', { overlaps: false });
    // The same departments tiles twice: a land fill at the bottom (our offline base map) and the
    // borders on top of the communes' colours.
    landLayer = tileLayer('land', departmentsSource, styles.land);
    layers.departments = tileLayer('departments', departmentsSource, styles.departments);
    layers.communes = tileLayer('communes', tileSource('communes', { overlaps: false }), communeStyle);
    layers.zones = tileLayer('zones', tileSource('zones'), (f) => styles.zones[f.get('tranche')] || styles.zones._);
    // below level 10 the commune colours already tell the story: premises circles would only clutter it
    layers.premises = tileLayer('premises', tileSource('premises'), premiseStyle,
      { minZoom: PREMISES_MIN_ZOOM - 0.001 });
    // OpenLayers shows a layer when zoom > minZoom (exclusive): a hair below the minimum makes that level itself show.
    layers.exchanges = tileLayer('exchanges', tileSource('exchanges'), exchangeStyle,
      { minZoom: EXCHANGES_MIN_ZOOM - 0.001 });
    layers.ruhd = tileLayer('ruhd', tileSource('ruhd'), ruhdStyle);
    // A function, so that the text follows the language and api/info without touching the sources
    // (a source change would make OpenLayers drop and refetch its tiles).
    for (const name of ['departments', 'communes']) layers[name].getSource().setAttributions(attributionText);
  }

  // ---------------------------------------------------------------- legends

  /** A small canvas drawn with the map's own style: the legend cannot disagree with the map. */
  function symbol(style, kind, width, height) {
    const w = width || 28;
    const h = height || 18;
    const canvas = document.createElement('canvas');
    canvas.className = 'legend-symbol';
    canvas.setAttribute('aria-hidden', 'true');
    const ctx = ol.render.toContext(canvas.getContext('2d'), { size: [w, h], pixelRatio: window.devicePixelRatio || 1 });
    let geometry;
    if (kind === 'line') geometry = new ol.geom.LineString([[2, h / 2], [w - 2, h / 2]]);
    else if (kind === 'area') geometry = new ol.geom.Polygon([[[2, 2], [w - 2, 2], [w - 2, h - 2], [2, h - 2], [2, 2]]]);
    else geometry = new ol.geom.Point([w / 2, h / 2]);
    for (const s of [].concat(style)) {
      ctx.setStyle(s);
      ctx.drawGeometry(geometry);
    }
    return canvas;
  }

  function swatch(colour, extraClass) {
    const node = el('span', { class: 'swatch ' + (extraClass || 'swatch-area'), 'aria-hidden': 'true' });
    node.style.backgroundColor = colour;
    return node;
  }

  function legendItem(symbolNode, text, sub) {
    return el('li', {}, [symbolNode, el('span', { text }), sub ? el('span', { class: 'legend-sub', text: sub }) : null]);
  }

  function renderCommunesLegend() {
    const box = $('legend-communes');
    const mode = CHOROPLETH[choroplethMode];
    const items = mode.colours.map((c, i) => legendItem(swatch(choroplethColour(choroplethMode, i)), shareClassLabel(i)));
    items.push(legendItem(swatch(choroplethColour(choroplethMode, -1)), t('legend.noData')));
    box.replaceChildren(
      el('h3', { text: t('choropleth.' + choroplethMode) }),
      el('ul', { class: 'legend legend-classes', 'data-mode': choroplethMode }, items));
  }

  function renderLegends() {
    renderCommunesLegend();
    $('legend-speed').replaceChildren(...SPEED_CLASSES.map((c) =>
      legendItem(swatch(COLOURS.speed[c]), t('speed.' + c))));
    if (typeof ol === 'undefined' || !styles.premises) return; // symbols need OpenLayers

    const neutral = COLOURS.aggregate.length - 1;
    const sizes = AGG_LEGEND_COUNTS.map((n) => {
      const r = aggregateRadius(n);
      const size = Math.ceil(2 * r + 4);
      return legendItem(symbol(aggregateStyleFor(r, neutral, ''), 'point', Math.max(28, size), Math.max(18, size)),
        t('legend.aggCount', { n: fmtNumber(n) }));
    });
    const shares = COLOURS.aggregate.map((c, i) =>
      legendItem(symbol(aggregateStyleFor(7, i, ''), 'point'),
        t('legend.aggShare', { from: fmtNumber(i * 20), to: pct((i + 1) * 20) })));
    $('legend-aggregates').replaceChildren(...sizes, ...shares);

    $('legend-premises').replaceChildren(...STATES.map((s) =>
      legendItem(symbol(styles.premises[s], 'point'), label('state.', s))));
    $('legend-zones').replaceChildren(...TRANCHES.map((tr) =>
      legendItem(symbol(styles.zones[tr], 'area'), tr, label('tranche.', tr))));
    $('legend-exchanges').replaceChildren(
      legendItem(symbol(exchangeStyleFor('NRA', null, 'IN_SERVICE'), 'point'), label('typeLong.', 'NRA')),
      legendItem(symbol(exchangeStyleFor('NRA_HD', null, 'IN_SERVICE'), 'point'), label('typeLong.', 'NRA_HD')),
      ...LOTS.map((lot) => legendItem(symbol(exchangeStyleFor('NRA_MED', lot, 'IN_SERVICE'), 'point'),
        t('legend.lot', { lot }))),
      legendItem(symbol(exchangeStyleFor('NRA_MED', null, 'IN_SERVICE'), 'point'), t('legend.lotNone')),
      legendItem(symbol(exchangeStyleFor('NRA_ZO', null, 'IN_SERVICE'), 'point'), label('typeLong.', 'NRA_ZO')),
      legendItem(symbol(exchangeStyleFor('NRA_MED', 1, 'WORKS'), 'point'), t('legend.cabinetPlanned')),
      legendItem(symbol(exchangeStyleFor('NRA_MED', 1, 'ABANDONED'), 'point'), t('legend.cabinetAbandoned')));
    $('legend-ruhd').replaceChildren(
      ...['operational', 'underConstruction', 'planned'].map((s) =>
        legendItem(symbol(ruhdLinkStyleFor(s, 10), 'line', 36), t('ruhd.' + s))),
      legendItem(symbol(ruhdSiteStyle(), 'point'), t('legend.site')));
  }

  // ---------------------------------------------------------------- panel rendering

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach((n) => { n.textContent = t(n.dataset.i18n); });
    document.querySelectorAll('[data-i18n-aria]').forEach((n) => n.setAttribute('aria-label', t(n.dataset.i18nAria)));
    document.querySelectorAll('[data-i18n-placeholder]').forEach((n) => n.setAttribute('placeholder', t(n.dataset.i18nPlaceholder)));
    const toggle = $('lang-toggle');
    toggle.textContent = t('lang.toggle');
    toggle.setAttribute('aria-label', t('lang.toggleLabel'));
    toggle.setAttribute('lang', t('lang.target'));
    document.querySelectorAll('.ol-zoom-in').forEach((b) => { b.title = t('zoom.in'); });
    document.querySelectorAll('.ol-zoom-out').forEach((b) => { b.title = t('zoom.out'); });
    renderInfo();
    renderPhases();
    renderUser();
    renderLoadErrors();
    renderLegends();
    renderSliderLabel();
    renderAreasStatus();
    renderHints();
    renderTileNotice();
    renderSuggestions();
    if (layers.premises) {
      styles.aggregates.clear(); // compact counts are language-formatted ("1,2 k" / "1.2K")
      layers.premises.changed();
    }
    if (popupState) renderPopup();
  }

  function renderInfo() {
    const node = $('refresh-date');
    const info = data.info;
    if (data.infoError) node.textContent = t('info.unavailable');
    else if (!info) node.textContent = t('info.loading');
    else node.textContent = info.refreshDate ? t('info.refresh', { date: fmtDate(info.refreshDate) }) : t('info.unknown');
    const demo = $('demo-notice');
    demo.hidden = !(info && info.demo);
    if (info && info.demo) {
      demo.textContent = t('info.demo', { seed: info.demo.seed, scale: fmtNumber(info.demo.scale, 3) ?? info.demo.scale });
    }
    if (map) map.render(); // the attribution control re-reads attributionText() on the next frame
  }

  function addBasemap(basemap) {
    if (!map || basemapLayer || !basemap || !basemap.url) return;
    basemapLayer = new ol.layer.Tile({
      source: new ol.source.XYZ({
        url: basemap.url,
        attributions: basemap.attribution ? escapeHtml(basemap.attribution) : undefined
      })
    });
    basemapLayer.set('name', 'basemap');
    map.getLayers().insertAt(0, basemapLayer);
    // Our land fill would hide the basemap, and the choropleth becomes see-through.
    landLayer.setVisible(false);
    layers.communes.changed();
    renderCommunesLegend();
  }

  function renderUser() {
    const me = data.me;
    const name = $('user-name');
    name.hidden = !me;
    $('login-link').hidden = !!me;
    $('logout-link').hidden = !me;
    if (me) {
      name.textContent = t('user.signedIn', { name: me.username });
      name.title = Array.isArray(me.roles) ? me.roles.join(', ') : '';
    }
  }

  function renderLoadErrors() {
    const node = $('load-errors');
    node.hidden = loadErrors.size === 0;
    node.textContent = loadErrors.size ? t('error.load', { what: [...loadErrors].map((k) => t(k)).join(', ') }) : '';
  }

  function reportLoadError(key, err) {
    console.error(err);
    if (loadErrors.has(key)) return;
    loadErrors.add(key);
    renderLoadErrors();
  }

  /** Deployed lines of a byState: DEPLOYE plus RACCORDABLE_DEMANDE, the same reading as the map's circles. */
  function deployedOf(byState) {
    if (!byState) return 0;
    return numberOr(byState.DEPLOYE, 0) + numberOr(byState.RACCORDABLE_DEMANDE, 0);
  }

  function phaseRow(cls, head, title, lines, deployed) {
    return el('tr', { class: cls }, [
      el('th', { scope: 'row', title }, head),
      el('td', { class: 'num', text: fmtNumber(lines) ?? '—' }),
      el('td', { class: 'num', text: fmtNumber(deployed) ?? '—' }),
      el('td', { class: 'num', text: fmtPercent(deployed, lines) ?? '—' })
    ]);
  }

  function renderPhases() {
    const table = $('phases-table');
    const body = table.tBodies[0];
    const foot = table.tFoot;
    foot.replaceChildren();
    const message = data.phasesError ? t('phases.error') : !data.phases ? t('info.loading')
      : data.phases.length === 0 ? t('phases.empty') : null;
    if (message) {
      body.replaceChildren(el('tr', {}, [el('td', { colspan: '4', text: message })]));
      return;
    }
    const rows = [];
    let totalLines = 0;
    let totalDeployed = 0;
    for (const phase of data.phases) {
      const tranches = Array.isArray(phase.tranches) ? phase.tranches : [];
      // A subtotal row only helps when the phase has several tranches (P1); P2 and P3 have one.
      if (tranches.length !== 1) {
        rows.push(phaseRow('phase-row', [phase.code],
          [phase.name, phase.targetEndDate ? t('phases.target', { date: fmtDate(phase.targetEndDate) }) : null]
            .filter(Boolean).join(' — '),
          phase.lines, deployedOf(phase.byState)));
      }
      for (const tr of tranches) {
        const sw = TRANCHES.includes(tr.code) ? swatch(COLOURS.tranche[tr.code]) : null;
        const title = [tr.name, tr.targetEndDate ? t('phases.target', { date: fmtDate(tr.targetEndDate) }) : null]
          .filter(Boolean).join(' — ');
        rows.push(phaseRow('tranche-row', [sw, tr.code], title, tr.lines, deployedOf(tr.byState)));
      }
      totalLines += numberOr(phase.lines, 0);
      totalDeployed += deployedOf(phase.byState);
    }
    body.replaceChildren(...rows);
    foot.append(phaseRow('total-row', [t('phases.total')], null, totalLines, totalDeployed));
  }

  function renderHints() {
    const zoom = map ? map.getView().getZoom() : 0;
    const premisesHint = $('premises-hint');
    premisesHint.hidden = !$('layer-premises').checked;
    premisesHint.textContent = zoom >= PREMISES_DETAIL_ZOOM ? t('premises.hintDetail') : t('premises.hintAggregated');
    const exchangesHint = $('exchanges-hint');
    exchangesHint.hidden = !$('layer-exchanges').checked || zoom >= EXCHANGES_MIN_ZOOM;
    exchangesHint.textContent = t('exchanges.hint');
  }

  function scheduleTileNotice() {
    if (tileNoticeTimer) return;
    tileNoticeTimer = setTimeout(() => { tileNoticeTimer = null; renderTileNotice(); }, 100);
  }

  /** Names of the visible layers one of whose capped tiles is drawn in the current view. */
  function truncatedLayersInView() {
    const found = new Set();
    if (!map || !map.getSize()) return found;
    const view = map.getView();
    const resolution = view.getResolution();
    const zoom = view.getZoom();
    const viewExtent = view.calculateExtent(map.getSize());
    for (const entry of truncatedTiles.values()) {
      if (found.has(entry.layer)) continue;
      const layer = layers[entry.layer];
      if (!layer.getVisible() || zoom <= layer.getMinZoom() || zoom > layer.getMaxZoom()) continue;
      const source = layer.getSource();
      if (source.getTileGrid().getZForResolution(resolution, source.zDirection) !== entry.z) continue;
      if (ol.extent.intersects(entry.extent, viewExtent)) found.add(entry.layer);
    }
    return found;
  }

  function renderTileNotice() {
    const node = $('tile-notice');
    const names = truncatedLayersInView();
    node.hidden = names.size === 0;
    if (!names.size) {
      node.replaceChildren();
      return;
    }
    node.replaceChildren(t('tiles.truncated'), el('span', {
      class: 'notice-sub',
      text: t('tiles.truncatedLayers', { layers: LAYER_NAMES.filter((n) => names.has(n)).map((n) => t('layer.' + n)).join(', ') })
    }));
  }

  // ---------------------------------------------------------------- date and areas

  function initDateControls() {
    const input = $('asof-date');
    const slider = $('asof-slider');
    input.min = MIN_DATE;
    input.value = state.asOf;
    state.sliderMax = Math.max(0, quarterIndex(todayIso()));
    slider.max = String(state.sliderMax);
    slider.value = String(clampQuarter(quarterIndex(state.asOf)));

    // 'change' fires for every complete date while the year is being typed (0002, 0020, 0202,
    // 2020): dates before the minimum are ignored rather than corrected under the user's fingers.
    input.addEventListener('change', () => {
      if (validIso(input.value) && input.value >= MIN_DATE) setAsOf(input.value, { delay: AREAS_DELAY_MS });
    });
    input.addEventListener('blur', () => {
      if (!validIso(input.value) || input.value < MIN_DATE) input.value = state.asOf;
    });
    slider.addEventListener('input', () => {
      // The last day of the quarter ("where were we at the end of Q3 2020?"), today for the current one.
      const end = quarterLastDay(Number(slider.value));
      const today = todayIso();
      setAsOf(end > today ? today : end, { fromSlider: true, delay: AREAS_DELAY_MS });
    });
    $('choropleth-mode').addEventListener('change', (e) => {
      choroplethMode = CHOROPLETH[e.target.value] ? e.target.value : 'fibre';
      if (layers.communes) layers.communes.changed();
      renderCommunesLegend();
    });
    renderSliderLabel();
  }

  function clampQuarter(index) { return Math.max(0, Math.min(state.sliderMax, index)); }

  function renderSliderLabel() {
    const text = quarterText(state.asOf);
    $('asof-slider-label').textContent = text;
    $('asof-slider').setAttribute('aria-valuetext', text + ' — ' + fmtDate(state.asOf));
  }

  function setAsOf(date, options) {
    const opts = options || {};
    if (!validIso(date)) return;
    if (date < MIN_DATE) date = MIN_DATE;
    if (date === state.asOf && areas && areas.asOf === date) return;
    state.asOf = date;
    thdState.asOf = date;
    thdState.areasLoaded = !!areas && areas.asOf === date;
    $('asof-date').value = date;
    if (!opts.fromSlider) $('asof-slider').value = String(clampQuarter(quarterIndex(date)));
    renderSliderLabel();
    scheduleAreas(opts.delay || 0);
    // An open premise popup follows the date; a commune popup is redrawn when its areas arrive.
    if (popupState && popupState.kind === 'premise') loadPremisePopup(popupState.premiseId, popupState.coordinate);
  }

  function scheduleAreas(delay) {
    clearTimeout(areasRequest.timer);
    areasRequest.loading = true;
    renderAreasStatus();
    areasRequest.timer = setTimeout(loadAreas, delay);
  }

  function loadAreas() {
    const asOf = state.asOf;
    const seq = ++areasRequest.seq;
    if (areasRequest.controller) areasRequest.controller.abort();
    const controller = new AbortController();
    areasRequest.controller = controller;
    areasRequest.loading = true;
    renderAreasStatus();
    fetchJson('api/eligibility/areas?level=commune&asOf=' + encodeURIComponent(asOf), { signal: controller.signal })
      .then((json) => {
        if (seq !== areasRequest.seq) return;
        const byCode = new Map();
        for (const a of Array.isArray(json && json.areas) ? json.areas : []) {
          if (a && a.code != null) byCode.set(String(a.code), a);
        }
        areas = { asOf, dataRefreshDate: json.dataRefreshDate || null, byCode };
        areasRequest.loading = false;
        areasRequest.error = false;
        loadErrors.delete('load.areas');
        renderLoadErrors();
        thdState.areasAsOf = asOf;
        thdState.areasLoaded = asOf === state.asOf;
        if (layers.communes) layers.communes.changed();
        renderAreasStatus();
        if (popupState && popupState.kind === 'commune') renderPopup();
      })
      .catch((err) => {
        if (isAbort(err) || seq !== areasRequest.seq) return;
        // One quiet retry when rate limited (slider played too fast): the server asks for a second.
        if (err.status === 429 && areasRequest.retried !== asOf) {
          areasRequest.retried = asOf;
          scheduleAreas(1100);
          return;
        }
        areasRequest.loading = false;
        areasRequest.error = true;
        reportLoadError('load.areas', err);
        renderAreasStatus();
      });
  }

  function renderAreasStatus() {
    const node = $('areas-status');
    if (areasRequest.loading) node.textContent = t('areas.loading', { date: fmtDate(state.asOf) });
    else if (areasRequest.error) node.textContent = t('areas.error');
    else if (areas) node.textContent = t('areas.loaded', { n: fmtNumber(areas.byCode.size), date: fmtDate(areas.asOf) });
    else node.textContent = '';
  }

  // ---------------------------------------------------------------- address search

  function initSearch() {
    const input = $('search-input');
    input.addEventListener('input', () => {
      clearTimeout(search.timer);
      const q = input.value.trim();
      if (q.length < SUGGEST_MIN_CHARS) {
        closeSuggestions();
        return;
      }
      search.timer = setTimeout(() => loadSuggestions(q), SUGGEST_DELAY_MS);
    });
    input.addEventListener('keydown', (e) => {
      const open = !$('search-suggestions').hidden;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (!search.items.length) return;
        e.preventDefault();
        const n = search.items.length;
        if (!open) search.active = e.key === 'ArrowDown' ? 0 : n - 1;
        else search.active = e.key === 'ArrowDown' ? (search.active + 1) % n : (search.active - 1 + n) % n;
        showSuggestions(true);
      } else if (e.key === 'Enter') {
        e.preventDefault();
        if (open && search.active >= 0 && search.items[search.active]) chooseSuggestion(search.items[search.active]);
        else lookupText(input.value);
      } else if (e.key === 'Escape' && open) {
        e.stopPropagation(); // only the list closes, not the popup or the panel
        closeSuggestions();
      }
    });
    // Late enough for a click on a suggestion to land first (mousedown is also prevented there).
    input.addEventListener('blur', () => setTimeout(closeSuggestions, 150));
    $('search-form').addEventListener('submit', (e) => {
      e.preventDefault();
      lookupText(input.value);
    });
  }

  function loadSuggestions(q) {
    if (search.controller) search.controller.abort();
    const controller = new AbortController();
    search.controller = controller;
    fetchJson('api/eligibility/suggest?q=' + encodeURIComponent(q), { signal: controller.signal })
      .then((items) => {
        if ($('search-input').value.trim() !== q) return; // typed on since
        search.items = (Array.isArray(items) ? items : [])
          .filter((s) => s && typeof s.label === 'string' && s.label).slice(0, SUGGESTIONS_MAX);
        search.active = -1;
        showSuggestions(document.activeElement === $('search-input'));
      })
      .catch((err) => {
        // Suggestions are a convenience: Enter still looks the typed text up.
        if (!isAbort(err)) console.warn('suggestions:', err);
      });
  }

  function showSuggestions(open) {
    renderSuggestions();
    const list = $('search-suggestions');
    const visible = open && search.items.length > 0;
    list.hidden = !visible;
    $('search-input').setAttribute('aria-expanded', String(visible));
  }

  function renderSuggestions() {
    const list = $('search-suggestions');
    const input = $('search-input');
    list.replaceChildren(...search.items.map((s, i) => {
      // The label usually ends with the commune already; the INSEE code then tells namesakes apart.
      const secondary = s.commune && !s.label.includes(s.commune)
        ? [s.commune, s.insee ? '(' + s.insee + ')' : null].filter(Boolean).join(' ')
        : (s.insee ? s.insee : null);
      const li = el('li', {
        id: 'search-option-' + i, role: 'option', class: 'search-option',
        'aria-selected': String(i === search.active), 'data-index': String(i)
      }, [el('span', { class: 'search-option-label', text: s.label }),
        secondary ? el('span', { class: 'search-option-sub', text: secondary }) : null]);
      li.addEventListener('mousedown', (e) => e.preventDefault()); // keep the focus in the input
      li.addEventListener('click', () => chooseSuggestion(s));
      return li;
    }));
    if (search.active >= 0 && search.items[search.active]) {
      input.setAttribute('aria-activedescendant', 'search-option-' + search.active);
      const active = $('search-option-' + search.active);
      if (active && active.scrollIntoView) active.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function closeSuggestions() {
    search.active = -1;
    showSuggestions(false);
  }

  function chooseSuggestion(s) {
    $('search-input').value = s.label;
    lookupText(s.label);
  }

  function setSearchMessage(text, isError) {
    const node = $('search-message');
    node.hidden = !text;
    node.textContent = text || '';
    node.classList.toggle('search-message-error', !!isError);
    node.setAttribute('role', isError ? 'alert' : 'status');
  }

  function lookupText(text) {
    const q = (text || '').trim();
    clearTimeout(search.timer);
    if (search.controller) search.controller.abort();
    closeSuggestions();
    if (!q) return;
    const seq = ++search.seq;
    setSearchMessage(t('search.searching'), false);
    renderCandidates(null);
    fetchJson('api/eligibility/lookup?q=' + encodeURIComponent(q) + '&asOf=' + encodeURIComponent(state.asOf))
      .then((answer) => {
        if (seq !== search.seq) return;
        setSearchMessage(null);
        renderCandidates(answer);
        showPremiseAnswer(answer, { fly: true });
      })
      .catch((err) => {
        if (seq !== search.seq) return;
        console.warn('lookup:', err);
        setSearchMessage(err.detail || t('search.error'), true);
      });
  }

  /** Other streets the lookup considered: one tap opens that one instead. */
  function renderCandidates(answer) {
    const box = $('search-candidates');
    const others = answer && Array.isArray(answer.candidates)
      ? answer.candidates.filter((c) => c && c.premiseId != null && c.premiseId !== answer.premiseId) : [];
    box.hidden = others.length === 0;
    if (!others.length) {
      box.replaceChildren();
      return;
    }
    box.replaceChildren(el('span', { class: 'search-candidates-title', text: t('search.others') }),
      ...others.map((c) => {
        const button = el('button', { type: 'button', class: 'search-candidate', 'data-premise-id': String(c.premiseId) },
          [[c.street, c.commune].filter(Boolean).join(', ')]);
        button.addEventListener('click', () => {
          renderCandidates(null);
          const seq = ++search.seq;
          fetchJson('api/eligibility/premises/' + encodeURIComponent(String(c.premiseId)) + '?asOf=' + encodeURIComponent(state.asOf))
            .then((a) => { if (seq === search.seq) showPremiseAnswer(a, { fly: true }); })
            .catch((err) => { if (seq === search.seq) setSearchMessage(err.detail || t('search.error'), true); });
        });
        return button;
      }));
  }

  // ---------------------------------------------------------------- popups

  function dl(rows) {
    const list = el('dl', {});
    for (const [key, value] of rows) {
      if (value == null || value === '') continue;
      list.append(el('dt', { text: t(key) }), el('dd', {}, [].concat(value)));
    }
    return list;
  }

  function popupHeader(kindKey, title, sub) {
    return [
      el('p', { class: 'popup-kind', text: t(kindKey) }),
      title ? el('h3', { class: 'popup-title', text: title }) : null,
      sub ? el('p', { class: 'popup-sub', text: sub }) : null
    ];
  }

  function popupFooter(asOf, refreshDate) {
    return el('p', { class: 'popup-footer' }, [
      asOf ? t('popup.asOf', { date: fmtDate(asOf) }) : null,
      asOf && refreshDate ? ' · ' : null,
      refreshDate ? el('span', { class: 'popup-refresh', text: t('popup.refresh', { date: fmtDate(refreshDate) }) }) : null
    ]);
  }

  function speedBadge(speedClass, fallbackLabel) {
    const text = SPEED_CLASSES.includes(speedClass) ? t('speed.' + speedClass) : fallbackLabel;
    if (!text) return null;
    return el('span', { class: 'speed-badge', 'data-class': speedClass || '' },
      [swatch(COLOURS.speed[speedClass] || COLOURS.noData, 'swatch-dot'), text]);
  }

  function servedByText(servedBy) {
    if (!servedBy) return null;
    const type = servedBy.type ? label('type.', servedBy.type) : null;
    return [type, servedBy.code].filter(Boolean).join(' ') + (servedBy.name ? ' — ' + servedBy.name : '');
  }

  function fibreStatus(a) {
    if (a.openToFibre === true) {
      return el('p', { class: 'fibre-status fibre-ok', text: t('fibre.available') });
    }
    const p = a.programme || {};
    const phase = p.phaseName || p.phase || null;
    const when = quarterText(p.fibreForecastDate, p.fibreForecastQuarter);
    let text;
    if (when) text = t('fibre.planned', { when }) + (phase ? ' (' + phase + ')' : '');
    else if (a.state === 'ABANDONNE') text = t('fibre.abandoned');
    else if (phase) {
      text = t('fibre.plannedPhase', { phase }) +
        (p.phaseTargetEnd ? ', ' + t('fibre.targetEnd', { date: fmtDate(p.phaseTargetEnd) }) : '');
    } else text = t('fibre.notPlanned');
    return el('p', { class: 'fibre-status fibre-planned', text });
  }

  function bestBlock(best) {
    if (!best || !best.technology || best.technology === 'NONE') {
      return el('div', { class: 'best' }, [el('p', { class: 'best-tech', text: t('best.none') }),
        best ? speedBadge(best.speedClass || 'INELIGIBLE', best.speedClassLabel) : null]);
    }
    const speed = fmtMbps(best.maxMbps ?? best.minMbps);
    return el('div', { class: 'best' }, [
      el('p', { class: 'best-tech', text: t('best.title', { tech: label('tech.', best.technology) }) }),
      el('p', { class: 'best-speed' }, [
        speed ? el('strong', { text: t('best.upTo', { speed }) }) : null,
        speed ? ' ' : null,
        speedBadge(best.speedClass, best.speedClassLabel)
      ]),
      best.technology === 'FTTH' && best.servedBy
        ? el('p', { class: 'popup-sub', text: t('best.servedBy', { what: servedByText(best.servedBy) }) })
        : null
    ]);
  }

  /** The copper line; its speed row is left out when the best technology above already says it. */
  function copperBlock(copper, speedShownAbove) {
    const line = copper.line || {};
    const km = numberOr(line.lengthM, null);
    const lineText = km == null ? null
      : fmtNumber(km / 1000, km < 1000 ? 2 : 1) + ' km' +
        (line.measuredAlong ? ', ' + label('line.', line.measuredAlong) : '');
    const speed = fmtMbps(copper.maxMbps ?? copper.minMbps);
    const tech = copper.technology && copper.technology !== 'NONE'
      ? el('span', {}, [speed ? t('copper.speed', { tech: label('techShort.', copper.technology), speed })
        : label('techShort.', copper.technology), ' ', speedBadge(copper.speedClass, copper.speedClassLabel)])
      : speedBadge(copper.speedClass || 'INELIGIBLE', copper.speedClassLabel);
    const attenuation = numberOr(line.attenuationDb, null);
    return el('div', { class: 'copper' }, [
      el('h4', { text: t('copper.title') }),
      dl([
        ['f.copper', speedShownAbove ? null : tech],
        ['f.equipment', servedByText(copper.servedBy)],
        ['f.line', lineText],
        ['f.attenuation', attenuation == null ? null : fmtNumber(attenuation, 1) + ' dB']
      ])
    ]);
  }

  function renderPremise(a) {
    const p = a.programme || {};
    const programme = [p.phaseName || p.phase, p.trancheName || p.tranche]
      .filter((v, i, all) => v && all.indexOf(v) === i).join(' — ');
    const commune = a.commune ? [a.commune.name, a.commune.insee ? '(' + a.commune.insee + ')' : null]
      .filter(Boolean).join(' ') : null;
    return [
      ...popupHeader('kind.premise', a.address || t('premise.noAddress'), commune),
      fibreStatus(a),
      bestBlock(a.best),
      a.copper ? copperBlock(a.copper, !!a.best && a.best.technology === a.copper.technology) : null,
      dl([['f.programme', programme], ['f.state', label('state.', a.state)]]),
      popupFooter(a.asOf || state.asOf, a.dataRefreshDate || (data.info && data.info.refreshDate))
    ];
  }

  function classBar(byClass, total) {
    const bar = el('div', { class: 'class-bar', role: 'img' });
    const parts = [];
    const list = el('ul', { class: 'class-list' });
    for (const c of SPEED_CLASSES) {
      const n = numberOr(byClass[c], 0);
      if (n <= 0) continue;
      const share = fmtPercent(n, total);
      const seg = el('span', { class: 'class-bar-seg', title: t('labelValue', { label: t('speed.' + c), value: fmtNumber(n) }) });
      seg.style.width = (100 * n / total) + '%';
      seg.style.backgroundColor = COLOURS.speed[c];
      bar.append(seg);
      parts.push(t('speed.' + c) + ' ' + share);
      list.append(el('li', {}, [swatch(COLOURS.speed[c], 'swatch-dot'),
        el('span', { class: 'class-name', text: t('speed.' + c) }),
        el('span', { class: 'class-count', text: fmtNumber(n) + ' (' + share + ')' })]));
    }
    bar.setAttribute('aria-label', parts.join(', '));
    return [el('h4', { text: t('commune.classes') }), bar, list];
  }

  function renderCommune(props) {
    const insee = props.insee != null ? String(props.insee) : null;
    const area = areas && insee ? areas.byCode.get(insee) : null;
    const sub = [insee ? t('f.insee') + ' ' + insee : null,
      props.department ? t('f.department') + ' ' + props.department : null].filter(Boolean).join(' · ');
    const head = popupHeader('kind.commune', props.name || (area && area.name) || insee, sub);
    if (!areas) return [...head, el('p', { text: t('legend.notLoaded') })];
    if (!area) return [...head, el('p', { text: t('commune.noData') }), popupFooter(areas.asOf, areas.dataRefreshDate)];
    const total = numberOr(area.premises, 0);
    return [
      ...head,
      dl([
        ['f.premises', fmtNumber(total)],
        ['f.fibreShare', fmtShare(CHOROPLETH.fibre.share(area))],
        ['f.thdShare', fmtShare(CHOROPLETH.thd.share(area))]
      ]),
      total > 0 && area.byClass ? classBar(area.byClass, total) : null,
      popupFooter(areas.asOf, areas.dataRefreshDate)
    ].flat();
  }

  function renderFeaturePopup(kind, p) {
    if (kind === 'zone') {
      return [...popupHeader('kind.zone', p.name || p.code), dl([
        ['f.code', p.code],
        ['f.tranche', p.tranche ? p.tranche + ' — ' + label('tranche.', p.tranche) : null],
        ['f.phase', p.phase],
        ['f.studyStatus', p.studyStatus ? label('study.', p.studyStatus) + ' (' + p.studyStatus + ')' : null],
        ['f.contractor', p.contractor]
      ])];
    }
    if (kind === 'exchange') {
      return [...popupHeader('kind.exchange', p.name || p.code), dl([
        ['f.code', p.code],
        ['f.type', label('typeLong.', p.type)],
        ['f.lot', p.lot != null && p.lot !== '' ? String(p.lot) : null],
        ['f.operationStatus', label('op.', p.operationStatus)],
        ['f.vdsl2', p.vdsl2 == null || p.vdsl2 === '' ? null : (truthy(p.vdsl2) ? t('yes') : t('no'))]
      ])];
    }
    if (kind === 'ruhdSite') {
      return [...popupHeader('kind.ruhdSite', p.name || p.code), dl([['f.code', p.code], ['f.siteKind', p.siteKind]])];
    }
    if (kind === 'ruhdLink') {
      const capacity = numberOr(p.capacityGbps, null);
      return [...popupHeader('kind.ruhdLink', p.code), dl([
        ['f.status', label('ofds.', p.status)],
        ['f.capacity', capacity == null ? null : t('gbps', { n: fmtNumber(capacity, 1) })]
      ])];
    }
    return [...popupHeader('kind.department', p.name || p.code), dl([['f.code', p.code]])];
  }

  function renderPopup() {
    if (!popupState) return;
    const s = popupState;
    let nodes;
    if (s.kind === 'premise') {
      if (s.answer) nodes = renderPremise(s.answer);
      else if (s.error) nodes = [...popupHeader('kind.premise'), el('p', { class: 'popup-error', text: s.error })];
      else nodes = [...popupHeader('kind.premise'), el('p', { class: 'popup-loading', text: t('popup.loading') })];
    } else if (s.kind === 'commune') {
      nodes = renderCommune(s.props);
    } else {
      nodes = renderFeaturePopup(s.kind, s.props);
    }
    const content = $('popup-content');
    content.dataset.kind = s.kind;
    if (s.kind === 'premise' && s.premiseId != null) content.dataset.premiseId = String(s.premiseId);
    else delete content.dataset.premiseId;
    content.replaceChildren(...nodes.filter(Boolean));
  }

  function openPopup(newState) {
    popupSeq++;
    popupState = newState;
    renderPopup();
    overlay.setPosition(newState.coordinate);
    panPopupIntoView();
  }

  /**
   * Our own auto-pan rather than the Overlay's: the popup must also clear the search box that
   * floats over the top of the map, or the address (its first line) would hide under it.
   */
  function panPopupIntoView() {
    if (!popupState || !popupState.coordinate) return;
    map.renderSync(); // places the overlay, so that it can be measured
    const mapBox = map.getTargetElement().getBoundingClientRect();
    const box = $('popup').getBoundingClientRect();
    if (!box.width) return;
    const margin = 10;
    const arrow = 12;
    let top = mapBox.top + margin;
    const search = $('search-form').getBoundingClientRect();
    if (box.left < search.right && box.right > search.left) top = Math.max(top, search.bottom + margin);
    let dx = 0;
    let dy = 0;
    if (box.left < mapBox.left + margin) dx = mapBox.left + margin - box.left;
    else if (box.right > mapBox.right - margin) dx = mapBox.right - margin - box.right;
    // The top wins over the bottom: the address and the verdict come first; the rest scrolls.
    if (box.top < top) dy = top - box.top;
    else if (box.bottom + arrow > mapBox.bottom - margin) dy = Math.max(top - box.top, mapBox.bottom - margin - arrow - box.bottom);
    if (Math.abs(dx) < 1 && Math.abs(dy) < 1) return;
    const view = map.getView();
    const resolution = view.getResolution();
    const center = view.getCenter();
    view.animate({ center: [center[0] - dx * resolution, center[1] + dy * resolution], duration: reducedMotion() ? 0 : 200 });
  }

  function closePopup() {
    popupSeq++;
    popupState = null;
    if (overlay) overlay.setPosition(undefined);
  }

  function loadPremisePopup(id, coordinate) {
    openPopup({ kind: 'premise', premiseId: id, coordinate, answer: null, error: null });
    const seq = popupSeq;
    fetchJson('api/eligibility/premises/' + encodeURIComponent(String(id)) + '?asOf=' + encodeURIComponent(state.asOf))
      .then((answer) => {
        if (seq !== popupSeq) return; // closed or replaced meanwhile
        showPremiseAnswer(answer, { fly: false, coordinate });
      })
      .catch((err) => {
        if (seq !== popupSeq) return;
        console.warn('premise:', err);
        popupState.error = err.detail || t('popup.error');
        renderPopup();
      });
  }

  function answerCoordinate(answer) {
    const loc = answer && answer.location;
    const lon = loc ? numberOr(loc.lon, null) : null;
    const lat = loc ? numberOr(loc.lat, null) : null;
    return lon != null && lat != null ? ol.proj.fromLonLat([lon, lat]) : null;
  }

  /** The popup of an eligibility answer (premise or lookup); with fly, the map first goes there at zoom 17. */
  function showPremiseAnswer(answer, options) {
    const coordinate = answerCoordinate(answer) || options.coordinate;
    const open = () => {
      openPopup({ kind: 'premise', premiseId: answer.premiseId, coordinate, answer, error: null });
      thdState.lastPopupPremiseId = answer.premiseId ?? null;
    };
    if (!options.fly || !coordinate) {
      if (coordinate) open();
      return;
    }
    setPanelOpen(false);
    // Leave the search box, so that the popup goes over it (and a phone's keyboard folds away).
    if (document.activeElement && document.activeElement.closest('#search-form')) document.activeElement.blur();
    const view = map.getView();
    view.cancelAnimations();
    // The premise lands at 70 % of the map's height: the popup above it then clears the search box.
    const size = map.getSize();
    const shift = size ? 0.2 * size[1] * view.getResolutionForZoom(LOOKUP_ZOOM) : 0;
    const center = [coordinate[0], coordinate[1] + shift];
    if (reducedMotion()) {
      view.setCenter(center);
      view.setZoom(LOOKUP_ZOOM);
      open();
    } else {
      // Opened once the flight ends: panPopupIntoView() would otherwise fight the animation.
      view.animate({ center, zoom: LOOKUP_ZOOM, duration: 600 }, open);
    }
  }

  function pointOf(feature, fallback) {
    const geometry = feature.getGeometry();
    if (geometry && geometry.getType() === 'Point') {
      const c = geometry.getFlatCoordinates();
      return [c[0], c[1]];
    }
    return fallback;
  }

  function onMapClick(evt) {
    const hits = {};
    const touch = evt.originalEvent && evt.originalEvent.pointerType === 'touch';
    map.forEachFeatureAtPixel(evt.pixel, (feature, layer) => {
      const name = layer && layer.get('name');
      if (name && layers[name] && !hits[name]) hits[name] = feature;
    }, { hitTolerance: touch ? 10 : 4 });
    const name = PICK_ORDER.find((k) => hits[k]);
    if (!name) {
      closePopup();
      return;
    }
    const feature = hits[name];
    const props = feature.getProperties();
    if (name === 'premises') {
      if (isAggregate(feature)) {
        // A circle stands for many premises: zooming in is the only useful answer.
        closePopup();
        const view = map.getView();
        view.animate({ center: pointOf(feature, evt.coordinate), zoom: view.getZoom() + 2,
          duration: reducedMotion() ? 0 : 350 });
        return;
      }
      if (props.id == null) return;
      loadPremisePopup(props.id, pointOf(feature, evt.coordinate));
    } else if (name === 'communes') {
      openPopup({ kind: 'commune', props, coordinate: evt.coordinate });
    } else if (name === 'zones') {
      openPopup({ kind: 'zone', props, coordinate: evt.coordinate });
    } else if (name === 'exchanges') {
      openPopup({ kind: 'exchange', props, coordinate: pointOf(feature, evt.coordinate) });
    } else if (name === 'ruhd') {
      const site = props.kind === 'site' || feature.getGeometry().getType() === 'Point';
      openPopup({ kind: site ? 'ruhdSite' : 'ruhdLink', props, coordinate: pointOf(feature, evt.coordinate) });
    } else {
      openPopup({ kind: 'department', props, coordinate: evt.coordinate });
    }
  }

  // ---------------------------------------------------------------- map

  function buildMap() {
    makeStyles();
    buildLayers();

    const popupEl = $('popup');
    popupEl.hidden = false;
    overlay = new ol.Overlay({ element: popupEl, positioning: 'bottom-center', offset: [0, -12], stopEvent: true });

    map = new ol.Map({
      target: 'map',
      layers: [landLayer, layers.communes, layers.zones, layers.departments, layers.ruhd, layers.premises, layers.exchanges],
      overlays: [overlay],
      controls: ol.control.defaults.defaults({ attributionOptions: { collapsible: false } })
        .extend([new ol.control.ScaleLine()]),
      view: new ol.View({
        projection: 'EPSG:3857', center: ol.proj.fromLonLat([-3.0, 48.1]), zoom: 8, minZoom: 5, maxZoom: 20
      })
    });
    // Brittany whatever the screen: a phone gets a lower zoom than a desktop.
    map.getView().fit(ol.proj.transformExtent(BRITTANY_LONLAT, 'EPSG:4326', 'EPSG:3857'),
      { size: map.getSize() || [800, 600], padding: [10, 10, 10, 10] });

    map.on('singleclick', onMapClick);
    map.on('pointermove', (evt) => {
      if (evt.dragging || !evt.originalEvent || evt.originalEvent.pointerType !== 'mouse') return;
      const hit = map.hasFeatureAtPixel(evt.pixel, { layerFilter: (l) => POINTER_LAYERS.has(l.get('name')), hitTolerance: 4 });
      map.getTargetElement().style.cursor = hit ? 'pointer' : '';
    });
    map.on('moveend', () => {
      renderHints();
      renderTileNotice();
    });

    // data-ready once the first communes tile has arrived and been drawn (the frame after its load).
    const communes = layers.communes.getSource();
    const readyKey = communes.on('tileloadend', () => {
      ol.Observable.unByKey(readyKey);
      map.once('postrender', () => { $('map').dataset.ready = 'true'; });
      map.render();
    });

    $('popup-closer').addEventListener('click', closePopup);
    document.querySelectorAll('input[data-layer]').forEach((box) => {
      const layer = layers[box.dataset.layer];
      layer.setVisible(box.checked);
      box.addEventListener('change', () => {
        layer.setVisible(box.checked);
        const kinds = { premises: ['premise'], communes: ['commune'], zones: ['zone'], exchanges: ['exchange'],
          ruhd: ['ruhdLink', 'ruhdSite'], departments: ['department'] }[box.dataset.layer];
        if (!box.checked && popupState && kinds.includes(popupState.kind)) closePopup();
        renderHints();
        renderTileNotice();
      });
    });

    window.thdMap = map;
    window.thdLayers = layers;
    // links from the dashboard (late zones) open the map on a place: #zone=<code>&lon=<lon>&lat=<lat>
    const showPlaceFromHash = () => {
      const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
      const lon = parseFloat(params.get('lon'));
      const lat = parseFloat(params.get('lat'));
      if (Number.isFinite(lon) && Number.isFinite(lat)) {
        map.getView().animate({ center: ol.proj.fromLonLat([lon, lat]), zoom: 12, duration: 0 });
      }
    };
    window.addEventListener('hashchange', showPlaceFromHash);
    showPlaceFromHash();
  }

  // ---------------------------------------------------------------- start

  function setPanelOpen(open) {
    $('app-main').classList.toggle('panel-open', open);
    $('panel-toggle').setAttribute('aria-expanded', String(open));
  }

  function start() {
    $('lang-toggle').addEventListener('click', () => {
      lang = lang === 'fr' ? 'en' : 'fr';
      try { localStorage.setItem(LANG_KEY, lang); } catch (e) { /* not remembered, still switched */ }
      applyLanguage();
    });
    $('panel-toggle').addEventListener('click', () =>
      setPanelOpen(!$('app-main').classList.contains('panel-open')));
    document.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      if (popupState) closePopup();
      else setPanelOpen(false);
    });

    initDateControls();
    initSearch();
    if (typeof ol === 'undefined') {
      reportLoadError('map.label', new Error('OpenLayers (webjars/ol/dist/ol.js) did not load'));
    } else {
      buildMap();
    }
    applyLanguage();
    loadAreas();

    fetchJson('api/info').then((info) => { data.info = info; }, (err) => { console.error(err); data.infoError = true; })
      .then(() => {
        renderInfo();
        if (data.info && data.info.basemap) addBasemap(data.info.basemap);
      });
    fetchJson('api/phases').then((phases) => { data.phases = Array.isArray(phases) ? phases : []; },
      (err) => { console.error(err); data.phasesError = true; }).then(renderPhases);
    // 200 {username, roles} when signed in; 401 (or a redirect, made opaque here) when anonymous.
    request('api/me', 'application/json', { redirect: 'manual' })
      .then((res) => (res.ok && (res.headers.get('Content-Type') || '').includes('json') ? res.json() : null))
      .catch(() => null)
      .then((me) => { data.me = me && me.username ? me : null; renderUser(); });
  }

  start();
})();
