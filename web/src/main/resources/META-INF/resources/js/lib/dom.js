/* DOM helpers shared by the pages. Text only ever goes in through textContent / Text nodes. */

export function $(id) { return document.getElementById(id); }

/** An element with attributes and children; strings become Text nodes (no HTML injection). */
export function el(tag, props, children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v == null) continue;
    if (k === 'text') node.textContent = v;
    else if (k === 'class') node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children || []) if (c != null) node.append(c);
  return node;
}

/** A coloured square or dot in front of a label (legends, popups, the phases table). */
export function swatch(colour, extraClass) {
  const node = el('span', { class: 'swatch ' + (extraClass || 'swatch-area'), 'aria-hidden': 'true' });
  node.style.backgroundColor = colour;
  return node;
}

/** For the one HTML sink we feed (OpenLayers attributions). */
export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) =>
    ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

export function reducedMotion() {
  return !!(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);
}

/** Runs start once the document is parsed (module scripts usually run after that already). */
export function whenReady(start) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
