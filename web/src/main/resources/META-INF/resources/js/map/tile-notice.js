/*
 * Tiles the server capped (X-Tile-Truncated: true) must be announced in #tile-notice, never shown
 * as if they were complete; the notice names the visible layers with such a tile in view.
 */
import { LAYER_NAMES, TRUNCATED_MAX } from './config.js';
import { app, layers, thdState } from './state.js';
import { $, el } from '../lib/dom.js';
import { t } from './map-i18n.js';

// Tile URL → {layer, z, extent}.
const truncatedTiles = new Map();
let timer = null;

/** A tile has arrived: counted for the tests, remembered when capped, forgotten when complete again. */
export function noteTile(name, url, z, extent, truncated) {
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

function scheduleTileNotice() {
  if (timer) return;
  timer = setTimeout(() => { timer = null; renderTileNotice(); }, 100);
}

/** Names of the visible layers one of whose capped tiles is drawn in the current view. */
function truncatedLayersInView() {
  const found = new Set();
  const map = app.map;
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

export function renderTileNotice() {
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
