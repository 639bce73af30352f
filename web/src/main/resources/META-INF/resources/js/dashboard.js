/*
 * THD Tracker rollout dashboard (signed-in users): regional KPIs, phases table, S-curves, per
 * department / contractor bars and late zones, all "as of" a chosen date.
 *
 * Plain script (no bundler): Chart.js 4 comes from the WebJar as the global `Chart`. Data never
 * goes through innerHTML: text is set with textContent (see el()).
 *
 * For tests: window.thdDashboard = {charts: {scurves, departments, contractors}, loaded, error};
 * loaded turns true once every request of the current date has answered and been drawn.
 */
(function () {
  'use strict';

  const { el, validIso } = window.thd; // js/common.js

  const LANG_KEY = 'thd.lang';
  const SERIES_FROM = '2016-01-01';
  const COLOURS = {
    built: '#31a354', inWorks: '#fdae6b', inStudy: '#9ecae1',
    // one colour per phase in the S-curves; the three measures of a phase differ by dash pattern
    phases: ['#1b7837', '#f1a340', '#998ec3', '#0b5cad', '#d7191c', '#636363']
  };

  const I18N = {
    fr: {
      'title': 'Avancement du déploiement', 'page.title': 'Tableau de bord du déploiement — THD Tracker',
      'nav.map': '← Carte', 'lang.toggle': 'EN', 'lang.toggleLabel': 'Switch to English', 'lang.target': 'en',
      'asof.label': 'Situation au', 'info.refresh': 'Données au {date}',
      'status.loading': 'Chargement…',
      'auth.required': 'Ce tableau de bord est réservé aux utilisateurs connectés.', 'auth.login': 'Se connecter',
      'error.load': 'Échec du chargement : {what}.',
      'what.region': 'chiffres régionaux', 'what.phases': 'phases', 'what.departments': 'départements',
      'what.contractors': 'entreprises', 'what.series': 'courbes', 'what.late': 'zones en retard',
      'error.noChart': 'Les graphiques ne sont pas disponibles (Chart.js n’a pas été chargé).',
      'kpis.title': 'Région Bretagne',
      'kpi.targeted': 'Lignes ciblées', 'kpi.inWorks': 'En travaux', 'kpi.built': 'Construites',
      'kpi.open': 'Ouvertes à la commercialisation', 'kpi.subscribed': 'Abonnées',
      'kpi.takeUp': 'Taux de pénétration', 'kpi.pace': 'Lignes construites / mois (12 mois)',
      'phases.title': 'Avancement par phase', 'phases.phase': 'Phase',
      'col.targeted': 'Lignes ciblées', 'col.built': 'Construites', 'col.builtPct': '% construites',
      'col.pace': 'Rythme (lignes / mois, 12 mois)', 'col.target': 'Date cible', 'col.forecast': 'Fin prévue',
      'col.delay': 'Retard',
      'phase.completed': 'Terminée', 'phase.noForecast': 'Non estimable', 'phase.onTime': 'Dans les temps',
      'phase.delay': '{n} j', 'phase.ahead': '{n} j d’avance',
      'empty': 'Aucune donnée.', 'unavailable': 'Indisponible.',
      'scurves.title': 'Courbes de déploiement par phase (cumul)',
      'measure.built': 'construites', 'measure.open': 'ouvertes', 'measure.subscribed': 'abonnées',
      'departments.title': 'Par département', 'contractors.title': 'Par entreprise',
      'bar.built': 'Construites', 'bar.inWorks': 'En travaux', 'bar.inStudy': 'En étude',
      'late.title': 'Zones en retard',
      'late.hint': 'Zones dont la fin prévue est passée et qui ne sont pas entièrement construites.',
      'late.code': 'Code', 'late.name': 'Nom', 'late.tranche': 'Tranche', 'late.contractor': 'Entreprise',
      'late.end': 'Fin prévue', 'late.lines': 'Lignes', 'late.map': 'Voir sur la carte',
      'late.none': 'Aucune zone en retard à cette date.'
    },
    en: {
      'title': 'Rollout progress', 'page.title': 'Rollout dashboard — THD Tracker',
      'nav.map': '← Map', 'lang.toggle': 'FR', 'lang.toggleLabel': 'Passer en français', 'lang.target': 'fr',
      'asof.label': 'As of', 'info.refresh': 'Data as of {date}',
      'status.loading': 'Loading…',
      'auth.required': 'This dashboard is for signed-in users.', 'auth.login': 'Sign in',
      'error.load': 'Failed to load: {what}.',
      'what.region': 'regional figures', 'what.phases': 'phases', 'what.departments': 'departments',
      'what.contractors': 'contractors', 'what.series': 'curves', 'what.late': 'late zones',
      'error.noChart': 'Charts are unavailable (Chart.js did not load).',
      'kpis.title': 'Brittany region',
      'kpi.targeted': 'Targeted lines', 'kpi.inWorks': 'Under construction', 'kpi.built': 'Built',
      'kpi.open': 'Open for sale', 'kpi.subscribed': 'Subscribed',
      'kpi.takeUp': 'Take-up rate', 'kpi.pace': 'Lines built / month (12 months)',
      'phases.title': 'Progress by phase', 'phases.phase': 'Phase',
      'col.targeted': 'Targeted lines', 'col.built': 'Built', 'col.builtPct': '% built',
      'col.pace': 'Pace (lines / month, 12 months)', 'col.target': 'Target date', 'col.forecast': 'Forecast completion',
      'col.delay': 'Delay',
      'phase.completed': 'Completed', 'phase.noForecast': 'Cannot be estimated', 'phase.onTime': 'On time',
      'phase.delay': '{n} d', 'phase.ahead': '{n} d ahead',
      'empty': 'No data.', 'unavailable': 'Unavailable.',
      'scurves.title': 'Rollout curves by phase (cumulative)',
      'measure.built': 'built', 'measure.open': 'open', 'measure.subscribed': 'subscribed',
      'departments.title': 'By department', 'contractors.title': 'By contractor',
      'bar.built': 'Built', 'bar.inWorks': 'Under construction', 'bar.inStudy': 'In study',
      'late.title': 'Late zones',
      'late.hint': 'Zones past their planned end date that are not fully built.',
      'late.code': 'Code', 'late.name': 'Name', 'late.tranche': 'Tranche', 'late.contractor': 'Contractor',
      'late.end': 'Planned end', 'late.lines': 'Lines', 'late.map': 'Show on the map',
      'late.none': 'No late zones on this date.'
    }
  };

  // ---------------------------------------------------------------- state

  let lang = storedLanguage();
  let seq = 0;
  // Answers of the date on screen, by part: {ok: true, value} or {ok: false, error}; null while loading.
  let results = null;
  let info = null;

  const dashboard = { charts: { scurves: null, departments: null, contractors: null }, loaded: false, error: null };
  window.thdDashboard = dashboard;

  // ---------------------------------------------------------------- helpers

  function $(id) { return document.getElementById(id); }

  function storedLanguage() {
    try {
      const v = localStorage.getItem(LANG_KEY);
      if (v === 'fr' || v === 'en') return v;
    } catch (e) { /* storage blocked: French */ }
    return 'fr';
  }

  function t(key, params) {
    const s = I18N[lang][key] ?? I18N.fr[key] ?? key;
    return params ? s.replace(/\{(\w+)\}/g, (m, k) => (params[k] ?? '')) : s;
  }

  // Numbers in the French way, as asked for the whole page (the English view keeps them too).
  const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
  const PERCENT = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

  function num(n) { return typeof n === 'number' && Number.isFinite(n) ? NUMBER.format(n) : '—'; }
  function share(x) { return typeof x === 'number' && Number.isFinite(x) ? PERCENT.format(x) : '—'; }
  function ratio(part, whole) { return typeof whole === 'number' && whole > 0 ? share(part / whole) : '—'; }

  function locale() { return lang === 'fr' ? 'fr-FR' : 'en-GB'; }

  /** "YYYY-MM-DD" as a local date, formatted in UTC so that no time zone shifts the day. */
  function fmtDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
    if (!m) return iso || '—';
    return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' })
      .format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
  }

  /** "2016-01" → "janv. 2016". */
  function fmtMonth(ym) {
    const m = /^(\d{4})-(\d{2})$/.exec(ym || '');
    if (!m) return String(ym);
    return new Intl.DateTimeFormat(locale(), { month: 'short', year: 'numeric', timeZone: 'UTC' })
      .format(new Date(Date.UTC(+m[1], +m[2] - 1, 1)));
  }

  function pad2(n) { return String(n).padStart(2, '0'); }

  function todayIso() {
    const d = new Date();
    return d.getFullYear() + '-' + pad2(d.getMonth() + 1) + '-' + pad2(d.getDate());
  }



  /** JSON of a GET; X-Requested-With makes Spring Security answer 401 rather than redirect. */
  function fetchJson(url) {
    return fetch(url, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
    }).then((res) => {
      if (res.ok) return res.json();
      return res.json().catch(() => null).then((body) => {
        const detail = body && typeof body.detail === 'string' ? body.detail : null;
        const err = new Error(detail || url + ': HTTP ' + res.status);
        err.status = res.status;
        throw err;
      });
    });
  }

  function progressUrl(by, asOf) {
    return 'api/progress?asOf=' + encodeURIComponent(asOf) + '&by=' + by;
  }

  function groupsOf(part) {
    return part && part.ok && part.value && Array.isArray(part.value.groups) ? part.value.groups : null;
  }

  // ---------------------------------------------------------------- loading

  const PARTS = {
    region: (d) => progressUrl('region', d),
    phases: (d) => progressUrl('phase', d),
    departments: (d) => progressUrl('department', d),
    contractors: (d) => progressUrl('contractor', d),
    series: (d) => 'api/progress/series?by=phase&from=' + SERIES_FROM + '&to=' + encodeURIComponent(d),
    late: (d) => 'api/progress/late-zones?asOf=' + encodeURIComponent(d)
  };

  function load(asOf) {
    const mine = ++seq;
    results = null; // until the new answers arrive, a language switch must not redraw the old ones
    dashboard.loaded = false;
    dashboard.error = null;
    $('dash-status').textContent = t('status.loading');
    const names = Object.keys(PARTS);
    Promise.allSettled(names.map((n) => fetchJson(PARTS[n](asOf)))).then((settled) => {
      if (mine !== seq) return; // a later date was asked for meanwhile
      results = {};
      names.forEach((n, i) => {
        const s = settled[i];
        results[n] = s.status === 'fulfilled' ? { ok: true, value: s.value } : { ok: false, error: s.reason };
      });
      render();
    });
  }

  function loadInfo() {
    fetchJson('api/info').then((body) => { info = body; renderInfo(); }).catch(() => { /* date just not shown */ });
  }

  // ---------------------------------------------------------------- rendering

  function render() {
    if (!results) return;
    const failed = Object.keys(results).filter((n) => !results[n].ok);
    const unauthorized = failed.some((n) => results[n].error && results[n].error.status === 401);
    $('dash-auth').hidden = !unauthorized;
    $('dash-content').hidden = unauthorized;
    $('dash-status').textContent = '';
    if (unauthorized) {
      destroyCharts();
      $('dash-error').hidden = true;
      dashboard.error = 'unauthorized';
      return;
    }

    renderKpis();
    renderPhases();
    renderLateZones();
    renderCharts();

    const errors = failed.map((n) => t('what.' + n));
    const messages = [];
    if (errors.length) messages.push(t('error.load', { what: errors.join(', ') }));
    if (typeof window.Chart !== 'function') messages.push(t('error.noChart'));
    $('dash-error').textContent = messages.join(' ');
    $('dash-error').hidden = messages.length === 0;
    dashboard.error = messages.length ? messages.join(' ') : null;
    dashboard.loaded = messages.length === 0;
  }

  function renderInfo() {
    $('refresh-date').textContent = info && info.refreshDate ? t('info.refresh', { date: fmtDate(info.refreshDate) }) : '';
  }

  function renderKpis() {
    const box = $('kpis');
    const groups = groupsOf(results.region);
    if (!groups) { box.replaceChildren(el('p', { class: 'hint', text: t('unavailable') })); return; }
    const g = groups[0] || {};
    const pace = g.builtPerMonth ? g.builtPerMonth.last12Months : null;
    const tiles = [
      ['targeted', num(g.targeted)], ['inWorks', num(g.inWorks)], ['built', num(g.built)],
      ['open', num(g.openForSale)], ['subscribed', num(g.subscribed)],
      ['takeUp', share(g.takeUpRate)], ['pace', num(pace)]
    ];
    box.replaceChildren(...tiles.map(([key, value]) => el('div', { class: 'kpi', 'data-kpi': key }, [
      el('span', { class: 'kpi-value', text: value }),
      el('span', { class: 'kpi-label', text: t('kpi.' + key) })
    ])));
  }

  /** Forecast and delay cells of a phase: completed, not estimable, late (red) or on time. */
  function delayCells(g) {
    if (g.completed) {
      return [el('td', { text: t('phase.completed'), class: 'on-time' }), el('td', { class: 'num', text: '—' })];
    }
    const forecast = el('td', { text: g.forecastCompletion ? fmtDate(g.forecastCompletion) : t('phase.noForecast') });
    const d = g.forecastDelayDays;
    let delay;
    if (typeof d !== 'number') delay = el('td', { class: 'num', text: '—' });
    else if (d > 0) delay = el('td', { class: 'num late', text: t('phase.delay', { n: num(d) }) });
    else if (d < 0) delay = el('td', { class: 'num on-time', text: t('phase.ahead', { n: num(-d) }) });
    else delay = el('td', { class: 'num on-time', text: t('phase.onTime') });
    if (typeof d === 'number' && d > 0) forecast.className = 'late';
    return [forecast, delay];
  }

  function messageRow(tbody, colspan, text) {
    tbody.replaceChildren(el('tr', {}, [el('td', { colspan: String(colspan), text })]));
  }

  function renderPhases() {
    const tbody = $('phases').tBodies[0];
    const groups = groupsOf(results.phases);
    if (!groups) { messageRow(tbody, 8, t('unavailable')); return; }
    if (!groups.length) { messageRow(tbody, 8, t('empty')); return; }
    tbody.replaceChildren(...groups.map((g) => el('tr', { 'data-code': g.code }, [
      el('th', { scope: 'row', text: g.name || g.code }),
      el('td', { class: 'num', text: num(g.targeted) }),
      el('td', { class: 'num', text: num(g.built) }),
      el('td', { class: 'num', text: ratio(g.built, g.targeted) }),
      el('td', { class: 'num', text: num(g.builtPerMonth ? g.builtPerMonth.last12Months : null) }),
      el('td', { text: g.targetDate ? fmtDate(g.targetDate) : '—' }),
      ...delayCells(g)
    ])));
  }

  function renderLateZones() {
    const tbody = $('late-zones').tBodies[0];
    const part = results.late;
    const zones = part.ok && part.value && Array.isArray(part.value.zones) ? part.value.zones : null;
    if (!zones) { messageRow(tbody, 9, t('unavailable')); return; }
    if (!zones.length) { messageRow(tbody, 9, t('late.none')); return; }
    tbody.replaceChildren(...zones.map((z) => {
      let href = './#zone=' + encodeURIComponent(z.code);
      if (Number.isFinite(z.lon) && Number.isFinite(z.lat)) href += '&lon=' + z.lon + '&lat=' + z.lat;
      return el('tr', { 'data-code': z.code }, [
        el('td', { text: z.code }),
        el('td', { text: z.name || '—' }),
        el('td', { text: z.tranche || '—' }),
        el('td', { text: z.contractor || '—' }),
        el('td', { class: 'late', text: fmtDate(z.planned_end_date) }),
        el('td', { class: 'num', text: num(z.lines) }),
        el('td', { class: 'num', text: num(z.built) }),
        el('td', { class: 'num', text: ratio(z.built, z.lines) }),
        el('td', {}, [el('a', { href, text: t('late.map') })])
      ]);
    }));
  }

  // ---------------------------------------------------------------- charts

  function destroyCharts() {
    for (const name of Object.keys(dashboard.charts)) {
      if (dashboard.charts[name]) dashboard.charts[name].destroy();
      dashboard.charts[name] = null;
    }
  }

  function baseOptions() {
    return {
      locale: 'fr-FR', // tooltips and ticks use Intl.NumberFormat('fr-FR')
      responsive: true,
      maintainAspectRatio: false,
      animation: false, // drawn once created: "loaded" then means drawn
      interaction: { mode: 'index', intersect: false }
    };
  }

  function renderCharts() {
    destroyCharts();
    if (typeof window.Chart !== 'function') return;
    const series = results.series;
    if (series.ok && series.value) dashboard.charts.scurves = scurvesChart(series.value);
    const deps = groupsOf(results.departments);
    if (deps) dashboard.charts.departments = stackedChart('chart-departments', deps);
    const cons = groupsOf(results.contractors);
    if (cons) dashboard.charts.contractors = stackedChart('chart-contractors', cons);
  }

  function scurvesChart(body) {
    const months = Array.isArray(body.months) ? body.months : [];
    const measures = [['built', 'built', []], ['openForSale', 'open', [6, 4]], ['subscribed', 'subscribed', [2, 3]]];
    const datasets = [];
    (body.series || []).forEach((s, i) => {
      const colour = COLOURS.phases[i % COLOURS.phases.length];
      for (const [field, key, dash] of measures) {
        datasets.push({
          label: (s.name || s.code) + ' — ' + t('measure.' + key),
          data: Array.isArray(s[field]) ? s[field] : [],
          borderColor: colour, backgroundColor: colour, borderDash: dash,
          borderWidth: 2, pointRadius: 0, tension: 0.1
        });
      }
    });
    const options = baseOptions();
    options.scales = { y: { beginAtZero: true } };
    options.plugins = { legend: { position: 'bottom' } };
    return new window.Chart($('chart-scurves'), {
      type: 'line',
      data: { labels: months.map(fmtMonth), datasets },
      options
    });
  }

  function stackedChart(canvasId, groups) {
    const bar = (key, field, colour) => ({
      label: t('bar.' + key), data: groups.map((g) => g[field] || 0), backgroundColor: colour
    });
    const options = baseOptions();
    options.scales = { x: { stacked: true }, y: { stacked: true, beginAtZero: true } };
    options.plugins = { legend: { position: 'bottom' } };
    return new window.Chart($(canvasId), {
      type: 'bar',
      data: {
        labels: groups.map((g) => g.name || g.code),
        datasets: [
          bar('built', 'built', COLOURS.built),
          bar('inWorks', 'inWorks', COLOURS.inWorks),
          bar('inStudy', 'inStudy', COLOURS.inStudy)
        ]
      },
      options
    });
  }

  // ---------------------------------------------------------------- language

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.title = t('page.title');
    document.querySelectorAll('[data-i18n]').forEach((n) => { n.textContent = t(n.dataset.i18n); });
    document.querySelectorAll('[data-i18n-aria]').forEach((n) => n.setAttribute('aria-label', t(n.dataset.i18nAria)));
    const toggle = $('lang-toggle');
    toggle.textContent = t('lang.toggle');
    toggle.setAttribute('aria-label', t('lang.toggleLabel'));
    toggle.setAttribute('lang', t('lang.target'));
  }

  // ---------------------------------------------------------------- start

  function start() {
    applyLanguage();
    const input = $('dashboard-date');
    input.value = todayIso();
    input.addEventListener('change', () => { if (validIso(input.value)) load(input.value); });
    $('lang-toggle').addEventListener('click', () => {
      lang = lang === 'fr' ? 'en' : 'fr';
      try { localStorage.setItem(LANG_KEY, lang); } catch (e) { /* not remembered, still switched */ }
      applyLanguage();
      renderInfo();
      if (results) render(); // labels of tables and charts follow the language
      else $('dash-status').textContent = t('status.loading');
    });
    loadInfo();
    load(input.value);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
