/*
 * THD Tracker home page: the map, the layer switcher, the phases table and the FR/EN switch.
 * Plain script on purpose (no bundler): OpenLayers comes from the WebJar as the global `ol`.
 * Data never goes through innerHTML: text is set with textContent / Text nodes, and the only
 * HTML sink we feed (OpenLayers attributions) gets escaped strings.
 */
(function () {
  'use strict';

  const PREMISES_MIN_ZOOM = 13;
  // OpenLayers shows a layer only when view zoom > minZoom (exclusive), so a hair below 13
  // makes zoom 13 itself show premises, as the panel promises.
  const PREMISES_LAYER_MIN_ZOOM = PREMISES_MIN_ZOOM - 0.01;
  const PREMISES_LIMIT = 5000;
  // Beyond this the premises source is emptied: hours of panning would otherwise keep every
  // point ever fetched in memory.
  const PREMISES_CACHE_MAX = 50000;
  const LANG_KEY = 'thd.lang';
  const GEOJSON = 'application/geo+json, application/json;q=0.9';
  const TRANCHES = ['P1T1', 'P1T2', 'P2', 'P3'];
  const STATES = ['CIBLE', 'SIGNE', 'EN_COURS', 'DEPLOYE', 'RACCORDABLE_DEMANDE', 'ABANDONNE'];
  // Topmost first: a click on a premise inside a zone inside a commune opens the premise.
  const PICK_ORDER = ['premises', 'zones', 'communes', 'departments'];

  const I18N = {
    fr: {
      'panel.toggle': 'Panneau', 'panel.label': 'Panneau d’informations', 'map.label': 'Carte du déploiement',
      'user.login': 'Se connecter', 'user.logout': 'Se déconnecter', 'user.signedIn': 'Connecté : {name}',
      'lang.toggle': 'EN', 'lang.toggleLabel': 'Switch to English', 'lang.target': 'en',
      'info.loading': 'Chargement…', 'info.refresh': 'Données au {date}',
      'info.unknown': 'Date des données inconnue', 'info.unavailable': 'Informations indisponibles',
      'info.demo': 'Données de démonstration (graine {seed}, échelle {scale})',
      'attr.territory': 'Limites : {source}',
      'layers.title': 'Couches', 'layer.departments': 'Départements', 'layer.communes': 'Communes',
      'layer.zones': 'Zones de déploiement', 'layer.premises': 'Locaux (lignes)',
      'premises.hint': 'Zoomez pour voir les locaux (à partir du niveau 13).',
      'premises.loading': 'Chargement des locaux…',
      'premises.truncated': 'Affichage limité à {n} locaux : zoomez pour les voir tous.',
      'premises.truncatedTotal': 'Affichage limité à {n} locaux : zoomez pour voir les {total} locaux de la vue.',
      'premises.error': 'Les locaux n’ont pas pu être chargés.',
      'error.load': 'Échec du chargement : {what}.',
      'legend.title': 'Légende', 'legend.zones': 'Zones de déploiement, par tranche',
      'legend.premises': 'Locaux, par état (IPE)',
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
      'building.PAVILLON': 'Pavillon', 'building.IMMEUBLE': 'Immeuble',
      'phases.title': 'Avancement par tranche', 'phases.tranche': 'Tranche', 'phases.lines': 'Lignes',
      'phases.deployed': 'Déployées', 'phases.percent': '% déployées', 'phases.total': 'Total',
      'phases.empty': 'Aucune donnée.', 'phases.error': 'Avancement indisponible.',
      'phases.target': 'échéance : {date}',
      'kind.zones': 'Zone de déploiement', 'kind.premises': 'Local', 'kind.communes': 'Commune',
      'kind.departments': 'Département',
      'f.name': 'Nom', 'f.code': 'Code', 'f.tranche': 'Tranche', 'f.phase': 'Phase',
      'f.studyStatus': 'Statut d’étude', 'f.contractor': 'Entreprise', 'f.lines': 'Lignes',
      'f.deployed': 'Lignes déployées', 'f.address': 'Adresse', 'f.commune': 'Commune',
      'f.state': 'État', 'f.buildingType': 'Type', 'f.dwellings': 'Logements', 'f.insee': 'INSEE',
      'f.population': 'Population', 'f.department': 'Département', 'f.id': 'Identifiant',
      'popup.close': 'Fermer', 'zoom.in': 'Zoom avant', 'zoom.out': 'Zoom arrière'
    },
    en: {
      'panel.toggle': 'Panel', 'panel.label': 'Information panel', 'map.label': 'Deployment map',
      'user.login': 'Sign in', 'user.logout': 'Sign out', 'user.signedIn': 'Signed in as {name}',
      'lang.toggle': 'FR', 'lang.toggleLabel': 'Passer en français', 'lang.target': 'fr',
      'info.loading': 'Loading…', 'info.refresh': 'Data as of {date}',
      'info.unknown': 'Data date unknown', 'info.unavailable': 'Information unavailable',
      'info.demo': 'Demo data (seed {seed}, scale {scale})',
      'attr.territory': 'Boundaries: {source}',
      'layers.title': 'Layers', 'layer.departments': 'Départements', 'layer.communes': 'Communes',
      'layer.zones': 'Deployment zones', 'layer.premises': 'Premises (lines)',
      'premises.hint': 'Zoom in to see premises (level 13 and above).',
      'premises.loading': 'Loading premises…',
      'premises.truncated': 'Display limited to {n} premises: zoom in to see them all.',
      'premises.truncatedTotal': 'Display limited to {n} premises: zoom in to see all {total} premises in view.',
      'premises.error': 'Premises could not be loaded.',
      'error.load': 'Could not load: {what}.',
      'legend.title': 'Legend', 'legend.zones': 'Deployment zones, by tranche',
      'legend.premises': 'Premises, by state (IPE)',
      'tranche.P1T1': 'Phase 1, tranche 1', 'tranche.P1T2': 'Phase 1, tranche 2',
      'tranche.P2': 'Phase 2', 'tranche.P3': 'Phase 3',
      'state.CIBLE': 'Target', 'state.SIGNE': 'Signed', 'state.EN_COURS': 'Deployment in progress',
      'state.DEPLOYE': 'Deployed (connectable)', 'state.RACCORDABLE_DEMANDE': 'Connectable on request',
      'state.ABANDONNE': 'Abandoned',
      'study.PRE': 'Preliminary studies', 'study.DIA': 'Diagnosis', 'study.AVP': 'Outline design',
      'study.PRO': 'Detailed design', 'study.ACT': 'Works tendering',
      'study.EXE': 'Execution studies', 'study.TVX': 'Works', 'study.REC': 'As-built survey',
      'study.MCO': 'Operation and maintenance',
      'building.PAVILLON': 'House', 'building.IMMEUBLE': 'Apartment building',
      'phases.title': 'Progress by tranche', 'phases.tranche': 'Tranche', 'phases.lines': 'Lines',
      'phases.deployed': 'Deployed', 'phases.percent': '% deployed', 'phases.total': 'Total',
      'phases.empty': 'No data.', 'phases.error': 'Progress unavailable.',
      'phases.target': 'due: {date}',
      'kind.zones': 'Deployment zone', 'kind.premises': 'Premise', 'kind.communes': 'Commune',
      'kind.departments': 'Département',
      'f.name': 'Name', 'f.code': 'Code', 'f.tranche': 'Tranche', 'f.phase': 'Phase',
      'f.studyStatus': 'Study status', 'f.contractor': 'Contractor', 'f.lines': 'Lines',
      'f.deployed': 'Deployed lines', 'f.address': 'Address', 'f.commune': 'Commune',
      'f.state': 'State', 'f.buildingType': 'Type', 'f.dwellings': 'Dwellings', 'f.insee': 'INSEE code',
      'f.population': 'Population', 'f.department': 'Département', 'f.id': 'Identifier',
      'popup.close': 'Close', 'zoom.in': 'Zoom in', 'zoom.out': 'Zoom out'
    }
  };

  let lang = storedLanguage();
  const data = { info: null, infoError: false, phases: null, phasesError: false, me: null };
  const premisesStatus = { loading: 0, truncated: false, shown: 0, matched: null, error: false };
  const loadErrors = new Set();
  // Premise extents whose answer was truncated or failed: forgotten by the source on the next
  // moveend so that zooming into them fetches again. Not at once: the source re-renders after
  // every addFeatures and would refetch the same extent in a loop.
  const staleExtents = [];
  let premisesSeq = 0;
  let map = null;
  let overlay = null;
  let popupState = null;
  const layers = {};

  // ---------------------------------------------------------------- helpers

  function $(id) { return document.getElementById(id); }

  function t(key, params) {
    const s = I18N[lang][key] ?? I18N.fr[key] ?? key;
    return params ? s.replace(/\{(\w+)\}/g, (m, k) => (params[k] ?? '')) : s;
  }

  /** Label of a code (state, study status…), or the raw code when we have no translation. */
  function label(prefix, code) {
    if (code == null || code === '') return null;
    return (prefix + code) in I18N[lang] ? t(prefix + code) : String(code);
  }

  function locale() { return lang === 'fr' ? 'fr-FR' : 'en-GB'; }

  function fmtNumber(n) {
    return typeof n === 'number' && isFinite(n) ? new Intl.NumberFormat(locale()).format(n) : null;
  }

  function fmtPercent(part, whole) {
    if (typeof part !== 'number' || typeof whole !== 'number' || whole <= 0) return null;
    return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(part / whole);
  }

  /** "YYYY-MM-DD" as a long local date; formatted in UTC so no time zone can shift the day. */
  function fmtDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    if (!m) return iso || null;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeZone: 'UTC' }).format(d);
  }

  function el(tag, props, children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v == null) continue;
      if (k === 'text') node.textContent = v;
      else if (k === 'class') node.className = v;
      else node.setAttribute(k, v);
    }
    for (const c of children || []) if (c != null) node.append(c); // strings become Text nodes
    return node;
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, (c) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  function meta(name) {
    const m = document.querySelector('meta[name="' + name + '"]');
    return m ? (m.getAttribute('content') || '').trim() : '';
  }

  function cssVar(name, fallback) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
  }

  function withAlpha(hex, alpha) {
    const m = /^#([0-9a-f]{6})$/i.exec(hex);
    if (!m) return hex;
    const n = parseInt(m[1], 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
  }

  // X-Requested-With makes Spring Security answer 401 instead of redirecting to the login page.
  function request(url, accept, extra) {
    return fetch(url, Object.assign({
      credentials: 'same-origin',
      headers: { Accept: accept || 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
    }, extra));
  }

  function fetchJson(url, accept) {
    return request(url, accept).then((res) => {
      if (!res.ok) throw new Error(url + ': HTTP ' + res.status);
      return res.json();
    });
  }

  function storedLanguage() {
    try {
      const s = localStorage.getItem(LANG_KEY);
      if (s && Object.prototype.hasOwnProperty.call(I18N, s)) return s;
    } catch (e) { /* storage disabled: keep the default */ }
    return 'fr';
  }

  // ---------------------------------------------------------------- panel rendering

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach((n) => { n.textContent = t(n.dataset.i18n); });
    document.querySelectorAll('[data-i18n-aria]').forEach((n) => n.setAttribute('aria-label', t(n.dataset.i18nAria)));
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
    renderPremisesStatus();
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
      demo.textContent = t('info.demo', { seed: info.demo.seed, scale: fmtNumber(info.demo.scale) ?? info.demo.scale });
    }
    if (layers.departments && info && info.territorySource) {
      // OpenLayers renders attributions as HTML: escape the server's text.
      layers.departments.getSource().setAttributions(escapeHtml(t('attr.territory', { source: info.territorySource })));
    }
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
    loadErrors.add(key);
    renderLoadErrors();
  }

  function deployedOf(byState) {
    return byState && typeof byState.DEPLOYE === 'number' ? byState.DEPLOYE : 0;
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
        const swatch = TRANCHES.includes(tr.code)
          ? el('span', { class: 'swatch swatch-area tranche-' + tr.code, 'aria-hidden': 'true' }) : null;
        const title = [tr.name, tr.targetEndDate ? t('phases.target', { date: fmtDate(tr.targetEndDate) }) : null]
          .filter(Boolean).join(' — ');
        rows.push(phaseRow('tranche-row', [swatch, tr.code], title, tr.lines, deployedOf(tr.byState)));
      }
      totalLines += typeof phase.lines === 'number' ? phase.lines : 0;
      totalDeployed += deployedOf(phase.byState);
    }
    body.replaceChildren(...rows);
    foot.append(phaseRow('total-row', [t('phases.total')], null, totalLines, totalDeployed));
  }

  function renderPremisesStatus() {
    const layer = layers.premises;
    const visible = layer ? layer.getVisible() : $('layer-premises').checked;
    const zoom = map ? map.getView().getZoom() : 0;
    const inRange = zoom > PREMISES_LAYER_MIN_ZOOM;
    $('premises-hint').hidden = !visible || inRange;
    $('premises-loading').hidden = !(visible && inRange && premisesStatus.loading > 0);
    const notice = $('premises-notice');
    let text = null;
    if (visible && inRange && premisesStatus.error) text = t('premises.error');
    else if (visible && inRange && premisesStatus.truncated) {
      const n = fmtNumber(premisesStatus.shown);
      text = premisesStatus.matched != null
        ? t('premises.truncatedTotal', { n, total: fmtNumber(premisesStatus.matched) })
        : t('premises.truncated', { n });
    }
    notice.hidden = !text;
    notice.textContent = text || '';
  }

  // ---------------------------------------------------------------- popup

  const POPUPS = {
    zones: (p) => [
      ['f.name', p.name], ['f.code', p.code],
      ['f.tranche', p.tranche ? p.tranche + ' — ' + label('tranche.', p.tranche) : null],
      ['f.studyStatus', p.studyStatus ? label('study.', p.studyStatus) + ' (' + p.studyStatus + ')' : null],
      ['f.contractor', p.contractor], ['f.lines', fmtNumber(p.lines)],
      ['f.deployed', fmtNumber(p.deployed) != null
        ? fmtNumber(p.deployed) + (fmtPercent(p.deployed, p.lines) ? ' (' + fmtPercent(p.deployed, p.lines) + ')' : '')
        : null]
    ],
    premises: (p) => [
      ['f.address', p.address], ['f.commune', p.commune], ['f.state', label('state.', p.state)],
      ['f.buildingType', label('building.', p.buildingType)], ['f.dwellings', fmtNumber(p.dwellings)],
      ['f.id', p.id != null ? String(p.id) : null]
    ],
    communes: (p) => [
      ['f.name', p.name], ['f.insee', p.insee], ['f.department', p.department],
      ['f.population', fmtNumber(p.population)], ['f.lines', fmtNumber(p.lines)]
    ],
    departments: (p) => [['f.name', p.name], ['f.code', p.code]]
  };

  function renderPopup() {
    const { kind, feature } = popupState;
    const rows = POPUPS[kind](feature.getProperties());
    const dl = el('dl', {});
    for (const [key, value] of rows) {
      dl.append(el('dt', { text: t(key) }), el('dd', { text: value == null || value === '' ? '—' : String(value) }));
    }
    $('popup-content').replaceChildren(el('p', { class: 'popup-kind', text: t('kind.' + kind) }), dl);
  }

  function openPopup(kind, feature, coordinate) {
    popupState = { kind, feature };
    renderPopup();
    overlay.setPosition(coordinate);
  }

  function closePopup() {
    popupState = null;
    if (overlay) overlay.setPosition(undefined);
  }

  // ---------------------------------------------------------------- map

  function makeStyles(withBasemap) {
    const land = cssVar('--land', '#f4f1ea');
    // Over an external basemap our land fill would hide it: keep just a tint for hit detection.
    const departments = new ol.style.Style({
      fill: new ol.style.Fill({ color: withAlpha(land, withBasemap ? 0.05 : 1) }),
      stroke: new ol.style.Stroke({ color: cssVar('--outline-department', '#6b6b6b'), width: 1.6 })
    });
    const communes = new ol.style.Style({
      fill: new ol.style.Fill({ color: withAlpha(land, withBasemap ? 0.02 : 0.5) }),
      stroke: new ol.style.Stroke({ color: cssVar('--outline-commune', '#a9a9a9'), width: 0.6 })
    });
    const zoneStyles = {};
    for (const code of TRANCHES.concat('_')) {
      const c = cssVar('--tranche-' + code, '#888888');
      zoneStyles[code] = new ol.style.Style({
        fill: new ol.style.Fill({ color: withAlpha(c, 0.45) }),
        stroke: new ol.style.Stroke({ color: c, width: 1.2 })
      });
    }
    const premiseStyles = {};
    for (const code of STATES.concat('_')) {
      premiseStyles[code] = new ol.style.Style({
        image: new ol.style.Circle({
          radius: 5,
          fill: new ol.style.Fill({ color: cssVar('--state-' + code, '#888888') }),
          stroke: new ol.style.Stroke({ color: '#333333', width: 0.75 })
        })
      });
    }
    return {
      departments, communes,
      zones: (f) => zoneStyles[f.get('tranche')] || zoneStyles._,
      premises: (f) => premiseStyles[f.get('state')] || premiseStyles._
    };
  }

  const geojson = () => new ol.format.GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

  /** Features of a FeatureCollection, with the id taken from a property when the server puts it there. */
  function readFeatures(format, json, idProperty) {
    const features = format.readFeatures(json);
    for (const f of features) {
      if (f.getId() === undefined && f.get(idProperty) != null) f.setId(f.get(idProperty));
    }
    return features;
  }

  function staticLayer(url, idProperty, style, errorKey) {
    const format = geojson();
    const source = new ol.source.Vector({
      strategy: ol.loadingstrategy.all,
      loader: (extent, resolution, projection, success, failure) => {
        fetchJson(url, GEOJSON).then((json) => {
          const features = readFeatures(format, json, idProperty);
          source.addFeatures(features);
          success(features);
        }).catch((err) => { reportLoadError(errorKey, err); failure(); });
      }
    });
    return new ol.layer.Vector({ source, style });
  }

  function premisesLayer(style) {
    const format = geojson();
    const source = new ol.source.Vector({
      strategy: ol.loadingstrategy.bbox,
      loader: (extent, resolution, projection, success, failure) => {
        if (source.getFeatures().length > PREMISES_CACHE_MAX) source.clear(true);
        const b = ol.proj.transformExtent(extent, projection, 'EPSG:4326');
        const lon = (v) => Math.max(-180, Math.min(180, v)).toFixed(6);
        const lat = (v) => Math.max(-90, Math.min(90, v)).toFixed(6);
        const url = 'api/layers/premises?bbox=' + [lon(b[0]), lat(b[1]), lon(b[2]), lat(b[3])].join(',') +
          '&limit=' + PREMISES_LIMIT;
        const seq = ++premisesSeq;
        fetchJson(url, GEOJSON).then((json) => {
          const features = readFeatures(format, json, 'id');
          source.addFeatures(features);
          const truncated = json.truncated === true;
          if (truncated) staleExtents.push(extent);
          // Only the latest request speaks for the current view.
          if (seq === premisesSeq) {
            Object.assign(premisesStatus, {
              truncated, error: false, shown: features.length,
              matched: typeof json.numberMatched === 'number' ? json.numberMatched : null
            });
          }
          success(features);
        }).catch((err) => {
          console.error(err);
          staleExtents.push(extent);
          if (seq === premisesSeq) premisesStatus.error = true;
          failure();
        }).finally(renderPremisesStatus);
      }
    });
    source.on('featuresloadstart', () => { premisesStatus.loading++; renderPremisesStatus(); });
    const done = () => { premisesStatus.loading = Math.max(0, premisesStatus.loading - 1); renderPremisesStatus(); };
    source.on('featuresloadend', done);
    source.on('featuresloaderror', done);
    return new ol.layer.Vector({ source, style, minZoom: PREMISES_LAYER_MIN_ZOOM });
  }

  function basemapLayer() {
    const url = meta('thd-basemap');
    if (!url) return null;
    const credit = meta('thd-basemap-attribution');
    return new ol.layer.Tile({
      source: new ol.source.XYZ({ url, attributions: credit ? escapeHtml(credit) : undefined })
    });
  }

  function buildMap() {
    const basemap = basemapLayer();
    const styles = makeStyles(!!basemap);
    if (basemap) layers.basemap = basemap;
    layers.departments = staticLayer('api/layers/departments', 'code', styles.departments, 'layer.departments');
    layers.communes = staticLayer('api/layers/communes', 'insee', styles.communes, 'layer.communes');
    layers.zones = staticLayer('api/layers/zones', 'code', styles.zones, 'layer.zones');
    layers.premises = premisesLayer(styles.premises);
    for (const [name, layer] of Object.entries(layers)) layer.set('name', name);

    const popupEl = $('popup');
    popupEl.hidden = false;
    overlay = new ol.Overlay({
      element: popupEl, positioning: 'bottom-center', offset: [0, -12], stopEvent: true,
      autoPan: { animation: { duration: 200 } }
    });

    map = new ol.Map({
      target: 'map',
      layers: Object.values(layers),
      overlays: [overlay],
      controls: ol.control.defaults.defaults().extend([new ol.control.ScaleLine()]),
      view: new ol.View({
        projection: 'EPSG:3857', center: ol.proj.fromLonLat([-3.0, 48.1]), zoom: 8, minZoom: 5, maxZoom: 20
      })
    });

    map.on('singleclick', (evt) => {
      const hits = {};
      map.forEachFeatureAtPixel(evt.pixel, (feature, layer) => {
        const name = layer && layer.get('name');
        if (name && !hits[name]) hits[name] = feature;
      }, { hitTolerance: 4 });
      const kind = PICK_ORDER.find((k) => hits[k]);
      if (kind) openPopup(kind, hits[kind], evt.coordinate);
      else closePopup();
    });

    map.on('moveend', () => {
      if (staleExtents.length) {
        staleExtents.splice(0).forEach((e) => layers.premises.getSource().removeLoadedExtent(e));
        layers.premises.getSource().changed(); // re-render so the current view is reconsidered
      }
      renderPremisesStatus();
    });

    $('popup-closer').addEventListener('click', closePopup);
    document.querySelectorAll('input[data-layer]').forEach((box) => {
      const layer = layers[box.dataset.layer];
      layer.setVisible(box.checked);
      box.addEventListener('change', () => {
        layer.setVisible(box.checked);
        if (!box.checked && popupState && popupState.kind === box.dataset.layer) closePopup();
        renderPremisesStatus();
      });
    });

    window.thdMap = map;
    window.thdLayers = layers;
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

    if (typeof ol === 'undefined') {
      reportLoadError('map.label', new Error('OpenLayers (webjars/ol/dist/ol.js) did not load'));
    } else {
      buildMap();
    }
    applyLanguage();

    fetchJson('api/info').then((info) => { data.info = info; }, (err) => { console.error(err); data.infoError = true; })
      .then(renderInfo);
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
