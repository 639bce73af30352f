/*
 * The address search over the map: suggestions while typing (api/eligibility/suggest), the numbers
 * of a street once it is chosen (api/eligibility/suggest/numbers), a lookup on Enter or on a
 * suggestion (api/eligibility/lookup), and the other streets it considered.
 */
import { NUMBERS_MAX, SUGGEST_DELAY_MS } from './config.js';
import {
  candidateLabel, lookupUrl, nextActive, normaliseQuery, numbersUrl, otherCandidates, premiseUrl, suggestionAction,
  suggestionSecondary, suggestUrl, usableSuggestions, wantsSuggestions
} from './search-query.js';
import { showPremiseAnswer } from './popups.js';
import { app } from './state.js';
import { fetchJson, isAbort } from '../lib/api.js';
import { $, el } from '../lib/dom.js';
import { t } from './map-i18n.js';

const search = { timer: null, controller: null, items: [], active: -1, seq: 0 };

export function initSearch() {
  const input = $('search-input');
  input.addEventListener('input', () => {
    clearTimeout(search.timer);
    const q = normaliseQuery(input.value);
    if (!wantsSuggestions(q)) {
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
      search.active = nextActive(search.active, search.items.length, e.key, open);
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
  fetchJson(suggestUrl(q), { signal: controller.signal })
    .then((items) => {
      if (normaliseQuery($('search-input').value) !== q) return; // typed on since
      search.items = usableSuggestions(items);
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
  const visible = open && search.items.length > 0;
  $('search-suggestions').hidden = !visible;
  $('search-input').setAttribute('aria-expanded', String(visible));
}

export function renderSuggestions() {
  const input = $('search-input');
  $('search-suggestions').replaceChildren(...search.items.map((s, i) => {
    const secondary = suggestionSecondary(s);
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
  const action = suggestionAction(s);
  if (action === 'premise') openPremise(s.buildingId);
  else if (action === 'numbers') loadNumbers(s);
  else lookupText(s.label);
}

/** A street was chosen: its numbers replace the suggestions; a street without numbers is looked up. */
function loadNumbers(street) {
  clearTimeout(search.timer);
  if (search.controller) search.controller.abort();
  const controller = new AbortController();
  search.controller = controller;
  const label = street.label;
  fetchJson(numbersUrl(street), { signal: controller.signal })
    .then((items) => {
      if ($('search-input').value !== label) return; // typed on since
      const numbers = usableSuggestions(items, NUMBERS_MAX);
      if (!numbers.length) { lookupText(label); return; }
      search.items = numbers;
      search.active = -1;
      $('search-input').focus();
      showSuggestions(true);
    })
    .catch((err) => {
      if (!isAbort(err)) lookupText(label); // the street alone can still be looked up
    });
}

/** A number was chosen: its line's answer, the same as a click on the map. */
function openPremise(id) {
  clearTimeout(search.timer);
  if (search.controller) search.controller.abort();
  closeSuggestions();
  renderCandidates(null);
  const seq = ++search.seq;
  setSearchMessage(t('search.searching'), false);
  fetchJson(premiseUrl(id, app.asOf))
    .then((a) => {
      if (seq !== search.seq) return;
      setSearchMessage(null);
      showPremiseAnswer(a, { fly: true });
    })
    .catch((err) => { if (seq === search.seq) setSearchMessage(err.detail || t('search.error'), true); });
}

function setSearchMessage(text, isError) {
  const node = $('search-message');
  node.hidden = !text;
  node.textContent = text || '';
  node.classList.toggle('search-message-error', !!isError);
  node.setAttribute('role', isError ? 'alert' : 'status');
}

function lookupText(text) {
  const q = normaliseQuery(text);
  clearTimeout(search.timer);
  if (search.controller) search.controller.abort();
  closeSuggestions();
  if (!q) return;
  const seq = ++search.seq;
  setSearchMessage(t('search.searching'), false);
  renderCandidates(null);
  fetchJson(lookupUrl(q, app.asOf))
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
  const others = otherCandidates(answer);
  box.hidden = others.length === 0;
  if (!others.length) {
    box.replaceChildren();
    return;
  }
  box.replaceChildren(el('span', { class: 'search-candidates-title', text: t('search.others') }),
    ...others.map((c) => {
      const button = el('button', { type: 'button', class: 'search-candidate', 'data-premise-id': String(c.buildingId) },
        [candidateLabel(c)]);
      button.addEventListener('click', () => {
        renderCandidates(null);
        const seq = ++search.seq;
        fetchJson(premiseUrl(c.buildingId, app.asOf))
          .then((a) => { if (seq === search.seq) showPremiseAnswer(a, { fly: true }); })
          .catch((err) => { if (seq === search.seq) setSearchMessage(err.detail || t('search.error'), true); });
      });
      return button;
    }));
}
