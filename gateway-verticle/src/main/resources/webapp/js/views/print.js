// Printing a plan: a PDF queued, its status followed until it is ready, then downloaded.
import { all, api } from '../api.js';
import { field, h, show, submitting } from '../dom.js';

const POLL_MS = 1000;
const STATUS = { queued: 'Queued', rendering: 'Rendering', ready: 'Ready', failed: 'Failed' };

export async function render(main) {
  const plans = await all('/plans');
  if (!plans.length) {
    show(main, h('h1', null, 'Print'), h('p', { class: 'empty' }, 'No plan to print yet. ', h('a', { href: '#/plans' }, 'Make a plan'), '.'));
    return;
  }
  const list = h('ul', { class: 'plain pdfs', 'aria-live': 'polite' });
  const form = submitting(h('form', { class: 'card', novalidate: true },
    field('Plan', { tag: 'select', name: 'plan', value: plans[0].id, options: plans.map((p) => [p.id, p.name]) }),
    h('div', { class: 'row' },
      field('Layout', { tag: 'select', name: 'template', value: 'weekly',
        options: [['weekly', 'A week per page'], ['monthly', 'A month per page'], ['log_sheet', 'Log sheet']] }),
      field('Paper', { tag: 'select', name: 'paper', value: 'A4', options: [['A4', 'A4'], ['letter', 'Letter']] })),
    h('button', { type: 'submit', class: 'primary' }, 'Generate PDF')), async (data) => {
    const plan = data.get('plan');
    await api('POST', `/pdf/plans/${plan}/generate`, { template: data.get('template'), paper: data.get('paper') },
      { headers: { 'Idempotency-Key': crypto.randomUUID() } });
    follow(plan, list);
  });
  form.plan.addEventListener('change', () => follow(form.plan.value, list));
  show(main, h('h1', null, 'Print a plan'), form, h('h2', null, 'PDFs of this plan'), list);
  follow(plans[0].id, list);
}

let following = 0;

// Polls the plan's PDFs while one is queued or rendering; a newer follow stops an older one.
async function follow(planId, list) {
  const mine = ++following;
  while (mine === following && list.isConnected) {
    let status;
    try {
      status = await api('GET', `/pdf/plans/${planId}/status`);
    } catch (error) {
      show(list, h('li', { class: 'error', role: 'alert' }, error.message));
      return;
    }
    if (mine !== following) return;
    show(list, status.items.length ? status.items.map(pdfItem) : h('li', { class: 'empty' }, 'No PDF of this plan yet.'));
    if (!status.items.some((pdf) => pdf.status === 'queued' || pdf.status === 'rendering')) return;
    await new Promise((resolve) => { setTimeout(resolve, POLL_MS); });
  }
}

function pdfItem(pdf) {
  const created = new Date(pdf.created_at).toLocaleString();
  return h('li', { class: 'card pdf' },
    h('p', null, h('strong', null, `${pdf.template.replace('_', ' ')}, ${pdf.paper}`), ` · ${created}`),
    h('p', null, h('span', { class: `badge ${pdf.status}` }, STATUS[pdf.status] || pdf.status),
      pdf.pages ? ` · ${pdf.pages} pages` : ''),
    pdf.status === 'ready' ? h('button', { type: 'button', onclick: (event) => download(pdf, event.target) }, 'Download') : null);
}

// The download needs the access token, which a plain link cannot carry: fetched, then saved.
async function download(pdf, button) {
  button.disabled = true;
  try {
    const response = await api('GET', `/pdf/${pdf.pdf_id}`, undefined, { raw: true });
    const url = URL.createObjectURL(await response.blob());
    const link = h('a', { href: url, download: `plan-${pdf.template}.pdf`, hidden: true });
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
