/* The OpenLayers map itself: view, controls, clicks, layer check boxes and links to a place. */
import { BRITTANY_LONLAT, PICK_ORDER, POINTER_LAYERS } from './config.js';
import { buildLayers } from './layers.js';
import { renderHints } from './panel.js';
import { closePopup, loadPremisePopup, openPopup } from './popups.js';
import { app, layers } from './state.js';
import { isAggregate, makeStyles } from './styles.js';
import { renderTileNotice } from './tile-notice.js';
import { $, reducedMotion } from '../lib/dom.js';

// Popup kinds of each layer: unticking a layer closes its popup.
const POPUP_KINDS = {
  premises: ['premise'], communes: ['commune'], zones: ['zone'], exchanges: ['exchange'],
  ruhd: ['ruhdLink', 'ruhdSite'], departments: ['department']
};

function pointOf(feature, fallback) {
  const geometry = feature.getGeometry();
  if (geometry && geometry.getType() === 'Point') {
    const c = geometry.getFlatCoordinates();
    return [c[0], c[1]];
  }
  return fallback;
}

function onMapClick(evt) {
  const map = app.map;
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

function wireLayerBoxes() {
  document.querySelectorAll('input[data-layer]').forEach((box) => {
    const layer = layers[box.dataset.layer];
    layer.setVisible(box.checked);
    box.addEventListener('change', () => {
      layer.setVisible(box.checked);
      const kinds = POPUP_KINDS[box.dataset.layer];
      if (!box.checked && app.popup && kinds.includes(app.popup.kind)) closePopup();
      renderHints();
      renderTileNotice();
    });
  });
}

/** Links from the dashboard (late zones) open the map on a place: #zone=<code>&lon=<lon>&lat=<lat>. */
function showPlaceFromHash() {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const lon = parseFloat(params.get('lon'));
  const lat = parseFloat(params.get('lat'));
  if (Number.isFinite(lon) && Number.isFinite(lat)) {
    app.map.getView().animate({ center: ol.proj.fromLonLat([lon, lat]), zoom: 12, duration: 0 });
  }
}

export function buildMap() {
  makeStyles();
  buildLayers();

  const popupEl = $('popup');
  popupEl.hidden = false;
  app.overlay = new ol.Overlay({ element: popupEl, positioning: 'bottom-center', offset: [0, -12], stopEvent: true });

  const map = new ol.Map({
    target: 'map',
    layers: [app.landLayer, layers.communes, layers.zones, layers.departments, layers.ruhd, layers.premises, layers.exchanges],
    overlays: [app.overlay],
    controls: ol.control.defaults.defaults({ attributionOptions: { collapsible: false } })
      .extend([new ol.control.ScaleLine()]),
    view: new ol.View({
      projection: 'EPSG:3857', center: ol.proj.fromLonLat([-3.0, 48.1]), zoom: 8, minZoom: 5, maxZoom: 20
    })
  });
  app.map = map;
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
  wireLayerBoxes();

  window.thdMap = map;
  window.thdLayers = layers;
  window.addEventListener('hashchange', showPlaceFromHash);
  showPlaceFromHash();
}
