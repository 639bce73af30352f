/*
 * The map's layers: vector tiles of our own territory from tiles/{layer}/{z}/{x}/{y}.mvt (works
 * offline), and the external basemap when api/info names one.
 */
import { EXCHANGES_MIN_ZOOM, PREMISES_MIN_ZOOM, TILE_MAX_ZOOM } from './config.js';
import { noteTile } from './tile-notice.js';
import { reportLoadError } from './panel.js';
import { app, data, layers } from './state.js';
import { communeStyle, exchangeStyle, premiseStyle, ruhdStyle, styles, zoneStyle } from './styles.js';
import { renderCommunesLegend } from './legends.js';
import { escapeHtml } from '../lib/dom.js';
import { t } from './map-i18n.js';

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

// name: the server's tile layer; mapLayer: the map's layer it feeds, when its name differs (the
// map's "premises" points are the server's "buildings"), which the tile counters and notices key on.
function tileSource(name, options, mapLayer = name) {
  return new ol.source.VectorTile(Object.assign({
    format: new ol.format.MVT({ layers: [name] }),
    url: 'tiles/' + name + '/{z}/{x}/{y}.mvt',
    // 256-pixel tiles, so that tile z equals the view zoom: the server's "points from zoom 15"
    // and our "premises from level 15" then mean the same thing.
    tileGrid: ol.tilegrid.createXYZ({ tileSize: 256, maxZoom: TILE_MAX_ZOOM[name] }),
    tileLoadFunction: tileLoadFunction(mapLayer),
    wrapX: false
  }, options));
}

function tileLayer(name, source, style, options) {
  const layer = new ol.layer.VectorTile(Object.assign({ source, style, declutter: false }, options));
  layer.set('name', name);
  return layer;
}

function attributionText() {
  const territory = data.info && data.info.territorySource ? data.info.territorySource : t('attr.defaultSource');
  // the public perimeter and the communes' figures come from the Arcep observatory when it is imported
  const source = data.info && data.info.arcepSource ? territory + ' ; ' + data.info.arcepSource : territory;
  // OpenLayers renders attributions as HTML: escape the server's text.
  return escapeHtml(t('attr.territory', { source }));
}

export function buildLayers() {
  const departmentsSource = tileSource('departments', { overlaps: false });
  // The same departments tiles twice: a land fill at the bottom (our offline base map) and the
  // borders on top of the communes' colours.
  app.landLayer = tileLayer('land', departmentsSource, styles.land);
  layers.departments = tileLayer('departments', departmentsSource, styles.departments);
  layers.communes = tileLayer('communes', tileSource('communes', { overlaps: false }), communeStyle);
  layers.zones = tileLayer('zones', tileSource('zones'), zoneStyle);
  // below level 10 the commune colours already tell the story: premises circles would only clutter it
  layers.premises = tileLayer('premises', tileSource('buildings', {}, 'premises'), premiseStyle,
    { minZoom: PREMISES_MIN_ZOOM - 0.001 });
  // OpenLayers shows a layer when zoom > minZoom (exclusive): a hair below the minimum makes that level itself show.
  layers.exchanges = tileLayer('exchanges', tileSource('exchanges'), exchangeStyle,
    { minZoom: EXCHANGES_MIN_ZOOM - 0.001 });
  layers.ruhd = tileLayer('ruhd', tileSource('ruhd'), ruhdStyle);
  // A function, so that the text follows the language and api/info without touching the sources
  // (a source change would make OpenLayers drop and refetch its tiles).
  for (const name of ['departments', 'communes']) layers[name].getSource().setAttributions(attributionText);
}

export function addBasemap(basemap) {
  if (!app.map || app.basemapLayer || !basemap || !basemap.url) return;
  app.basemapLayer = new ol.layer.Tile({
    source: new ol.source.XYZ({
      url: basemap.url,
      attributions: basemap.attribution ? escapeHtml(basemap.attribution) : undefined
    })
  });
  app.basemapLayer.set('name', 'basemap');
  app.map.getLayers().insertAt(0, app.basemapLayer);
  // Our land fill would hide the basemap, and the choropleth becomes see-through.
  app.landLayer.setVisible(false);
  layers.communes.changed();
  renderCommunesLegend();
}
