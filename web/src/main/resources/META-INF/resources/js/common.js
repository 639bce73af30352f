/* Helpers shared by the map (map.js) and the dashboard (dashboard.js). Loaded first, deferred. */
window.thd = window.thd || {};
(function (thd) {
  'use strict';

  /** A real calendar date written YYYY-MM-DD. */
  thd.validIso = function (s) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || '');
    if (!m) return false;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
  };

  /** An element with attributes and children; text only ever through textContent (no HTML injection). */
  thd.el = function (tag, props, children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v == null) continue;
      if (k === 'text') node.textContent = v;
      else if (k === 'class') node.className = v;
      else node.setAttribute(k, v);
    }
    for (const c of children || []) if (c != null) node.append(c); // strings become Text nodes
    return node;
  };
})(window.thd);
