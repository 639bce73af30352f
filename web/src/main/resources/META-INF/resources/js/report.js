/* The Excel progress report from the dashboard: started in the background on the server, its
   progress shown here, then offered for download. POST needs the CSRF token Spring Security sets
   in the XSRF-TOKEN cookie. */
(function () {
  'use strict';

  function csrfToken() {
    const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : '';
  }

  function el(id) { return document.getElementById(id); }

  async function poll(id) {
    const status = el('report-status');
    const bar = el('report-progress');
    for (;;) {
      const r = await fetch('api/reports/jobs/' + encodeURIComponent(id),
        { headers: { 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'same-origin' });
      if (!r.ok) throw new Error('HTTP ' + r.status);
      const job = await r.json();
      bar.value = job.percent;
      status.textContent = job.step + ' (' + job.percent + ' %)';
      if (job.finished) {
        if (job.error) throw new Error(job.error);
        const link = el('report-link');
        link.href = job.download;
        link.hidden = false;
        status.textContent = 'Rapport prêt / Report ready';
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
  }

  async function start() {
    const button = el('report-button');
    const date = el('dashboard-date') && el('dashboard-date').value;
    const scope = el('report-scope').value;
    button.disabled = true;
    el('report-link').hidden = true;
    el('report-progress').hidden = false;
    el('report-progress').value = 0;
    el('report-status').textContent = '…';
    try {
      const params = new URLSearchParams({ scope });
      if (date) params.set('asOf', date);
      const r = await fetch('api/reports/progress?' + params, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': csrfToken() }
      });
      if (r.status !== 202) throw new Error('HTTP ' + r.status);
      const job = await r.json();
      await poll(job.id);
    } catch (e) {
      el('report-status').textContent = 'Échec / Failed: ' + e.message;
    } finally {
      button.disabled = false;
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    const button = el('report-button');
    if (button) button.addEventListener('click', start);
  });
})();
