/*
 * The Excel progress report from the dashboard: started in the background on the server (a POST,
 * sent with the CSRF token by the api client), its progress shown here, then offered for download.
 */
import { fetchJson, postJson } from '../lib/api.js';
import { $ } from '../lib/dom.js';
import { t } from './dashboard-i18n.js';

const POLL_MS = 400;

export function reportUrl(scope, asOf) {
  const params = new URLSearchParams({ scope });
  if (asOf) params.set('asOf', asOf);
  return 'api/reports/progress?' + params;
}

async function poll(id) {
  const status = $('report-status');
  const bar = $('report-progress');
  for (;;) {
    const job = await fetchJson('api/reports/jobs/' + encodeURIComponent(id));
    bar.value = job.percent;
    status.textContent = job.step + ' (' + job.percent + ' %)';
    if (job.finished) {
      if (job.error) throw new Error(job.error);
      const link = $('report-link');
      link.href = job.download;
      link.hidden = false;
      status.textContent = t('report.ready');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function start() {
  const button = $('report-button');
  const date = $('dashboard-date') && $('dashboard-date').value;
  button.disabled = true;
  $('report-link').hidden = true;
  $('report-progress').hidden = false;
  $('report-progress').value = 0;
  $('report-status').textContent = '…';
  try {
    const job = await postJson(reportUrl($('report-scope').value, date));
    await poll(job.id);
  } catch (e) {
    $('report-status').textContent = t('report.failed', { message: e.message });
  } finally {
    button.disabled = false;
  }
}

export function initReport() {
  const button = $('report-button');
  if (button) button.addEventListener('click', start);
}
