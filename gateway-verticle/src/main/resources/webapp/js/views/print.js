// Print & subscribe: a plan's PDF queued and its status followed live, the PDFs made before
// (download, delete), and the plan's calendar feed to subscribe to.
import { all, api } from '../api.js';
import {
  announce, confirmDialog, errorBox, field, h, show, submitting,
} from '../dom.js';
import { live, on, onLive } from '../events.js';
import { stamp } from '../stamp.js';
import { feedSection } from './feed.js';

const PAGE = 20;
const POLL_MS = 1000;
const STATUS = { queued: 'Queued', rendering: 'Rendering', ready: 'Ready', failed: 'Failed' };
const TEMPLATES = { weekly: 'A week per page', monthly: 'A month per page', log_sheet: 'Log sheet' };
const PAPERS = { A4: 'A4', letter: 'Letter' };
const INCLUDES = { descriptions: 'Workout descriptions', statistics: 'Statistics', charts: 'Charts' };

export async function render(main) {
  const plans = await all('/plans');
  if (!plans.length) {
    show(main, h('h1', null, 'Print & subscribe'),
      h('p', { class: 'empty' }, 'No plan to print yet. ', h('a', { href: '#/plans' }, 'Make a plan'), '.'));
    return;
  }
  const names = new Map(plans.map((p) => [p.id, p.name]));
  const pdfs = pdfList(names);
  const form = submitting(h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'print-h' },
    h('h2', { id: 'print-h' }, 'Make a PDF'),
    field('Plan', { tag: 'select', name: 'plan', value: plans[0].id, options: plans.map((p) => [p.id, p.name]) }),
    h('div', { class: 'row' },
      field('Layout', { tag: 'select', name: 'template', value: 'weekly', options: Object.entries(TEMPLATES) }),
      field('Paper', { tag: 'select', name: 'paper', value: 'A4', options: Object.entries(PAPERS) })),
    h('fieldset', { class: 'choices' }, h('legend', null, 'Include'),
      Object.entries(INCLUDES).map(([value, text]) => h('label', null,
        h('input', { type: 'checkbox', name: 'include', value, checked: value === 'descriptions' }), ` ${text}`))),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'email' }), ' Also email it to me when it is ready'),
    h('button', { type: 'submit', class: 'primary' }, 'Generate PDF')), async (data) => {
    const pdf = await api('POST', `/pdf/plans/${data.get('plan')}/generate`, {
      template: data.get('template'), paper: data.get('paper'), include: data.getAll('include'), email: data.has('email'),
    }, { headers: { 'Idempotency-Key': crypto.randomUUID() } });
    pdfs.added(pdf);
    announce('PDF queued.');
  });
  show(main, h('h1', null, 'Print & subscribe'), form,
    h('h2', null, 'Your PDFs'), pdfs.element,
    await feedSection(plans));
  await pdfs.load();
}

// The caller's PDFs, newest first: each status change comes from the event stream (pdf.status);
// only while the stream is down are the plans of unfinished PDFs asked every second.
function pdfList(names) {
  const list = h('ul', { class: 'plain pdfs' });
  const more = h('button', { type: 'button', hidden: true }, 'Show more');
  const element = h('div', { 'aria-live': 'polite' }, list, more);
  const items = new Map();
  const latest = new Map();
  let offset = 0;
  let polling = null;

  const put = (pdf) => {
    const item = pdfItem(pdf, names, () => remove(pdf.pdf_id));
    items.get(pdf.pdf_id)?.replaceWith(item);
    items.set(pdf.pdf_id, item);
    return item;
  };
  const remove = (id) => {
    items.get(id)?.remove();
    items.delete(id);
    if (!items.size) list.append(h('li', { class: 'empty' }, 'No PDF yet.'));
  };
  const pending = () => [...items.values()].filter((item) => ['queued', 'rendering'].includes(item.dataset.status));
  const askPending = async () => {
    const plans = new Set(pending().map((item) => item.dataset.plan));
    try {
      for (const plan of plans) {
        (await api('GET', `/pdf/plans/${plan}/status`)).items.forEach((pdf) => { if (items.has(pdf.pdf_id)) put(pdf); });
      }
    } catch {
      // Asked again in a second while the stream stays down; the stream tells the rest.
    }
  };
  const poll = async () => {
    polling = null;
    if (live() || !list.isConnected) return;
    await askPending();
    schedule();
  };
  const schedule = () => {
    if (!polling && !live() && pending().length) polling = setTimeout(poll, POLL_MS);
  };

  on('pdf.status', (event) => {
    latest.set(event.pdf_id, event);
    const item = items.get(event.pdf_id);
    if (!item) return;
    const pdf = JSON.parse(item.dataset.pdf);
    put({ ...pdf, status: event.status, error: event.error ?? pdf.error });
    if (event.status === 'ready') announce(`The PDF of ${names.get(pdf.plan_id) || 'your plan'} is ready.`);
    if (event.status === 'failed') announce('A PDF failed.');
  }, list);
  // Back up after a drop, what changed meanwhile is asked once: the replay may not reach back that far.
  const stopLive = onLive((up) => {
    clearTimeout(polling);
    polling = null;
    if (!list.isConnected) stopLive();
    else if (up) askPending();
    else schedule();
  });

  const load = async () => {
    try {
      const page = await api('GET', `/pdf?limit=${PAGE}&offset=${offset}`);
      offset += page.items.length;
      if (!page.total) show(list, h('li', { class: 'empty' }, 'No PDF yet.'));
      list.append(...page.items.filter((pdf) => !items.has(pdf.pdf_id)).map(put));
      more.hidden = offset >= page.total;
      schedule();
    } catch (error) {
      element.append(errorBox(error));
    }
  };
  more.addEventListener('click', load);
  return {
    element,
    load,
    added(pdf) {
      list.querySelector('.empty')?.remove();
      if (!items.has(pdf.pdf_id)) offset += 1;
      // Its first changes may have come on the stream before the answer that made it.
      const seen = latest.get(pdf.pdf_id);
      list.prepend(put(seen ? { ...pdf, status: seen.status, error: seen.error ?? pdf.error } : pdf));
      schedule();
    },
  };
}

function pdfItem(pdf, names, removed) {
  const item = h('li', {
    class: 'card pdf', 'data-pdf': JSON.stringify(pdf), 'data-plan': pdf.plan_id, 'data-status': pdf.status,
  },
    h('p', null, h('strong', null, names.get(pdf.plan_id) || 'A deleted plan'),
      ` · ${TEMPLATES[pdf.template] || pdf.template}, ${PAPERS[pdf.paper] || pdf.paper} · ${stamp(pdf.created_at)}`),
    h('p', null, h('span', { class: `badge ${pdf.status}` }, STATUS[pdf.status] || pdf.status),
      pdf.pages ? ` · ${pdf.pages} page${pdf.pages === 1 ? '' : 's'}` : '',
      pdf.expires_at && pdf.status === 'ready' ? ` · kept until ${stamp(pdf.expires_at)}` : ''),
    pdf.status === 'failed' && pdf.error?.detail ? h('p', { class: 'quiet' }, pdf.error.detail) : null,
    h('div', { class: 'actions' },
      pdf.status === 'ready' ? h('button', { type: 'button', onclick: (event) => download(pdf, names, event.currentTarget) },
        'Download') : null,
      ['ready', 'failed'].includes(pdf.status) ? h('button', {
        type: 'button', class: 'danger', 'aria-label': `Delete the PDF of ${stamp(pdf.created_at)}`,
        onclick: async () => {
          if (!await confirmDialog('Delete this PDF?', 'Delete PDF')) return;
          try {
            await api('DELETE', `/pdf/${pdf.pdf_id}`);
            removed();
            announce('PDF deleted.');
          } catch (error) {
            item.append(errorBox(error));
          }
        },
      }, 'Delete') : null));
  return item;
}

// The download needs the access token, which a plain link cannot carry: fetched, then saved.
async function download(pdf, names, button) {
  button.disabled = true;
  button.parentElement.querySelector('.error')?.remove();
  try {
    const response = await api('GET', `/pdf/${pdf.pdf_id}`, undefined, { raw: true });
    const url = URL.createObjectURL(await response.blob());
    const name = (names.get(pdf.plan_id) || 'plan').replace(/[^\w -]+/g, '').trim() || 'plan';
    const link = h('a', { href: url, download: `${name} ${pdf.template}.pdf`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    button.after(h('span', { class: 'error', role: 'alert' }, error.message));
  } finally {
    button.disabled = false;
  }
}
