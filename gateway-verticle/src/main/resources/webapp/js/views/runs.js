// Logging a run, and the log: newest first, a page at a time, each run deletable.
import { api } from '../api.js';
import { announce, confirmDialog, errorBox, field, h, show } from '../dom.js';
import { on, settled } from '../events.js';
import { distance, duration, longDate, pace } from '../units.js';
import { runForm } from './runform.js';

const PAGE = 20;

export async function render(main) {
  const list = h('ul', { class: 'runs plain' });
  const more = h('button', { type: 'button', hidden: true }, 'Show more');
  let offset = 0;
  let filter = '';
  const load = async (reset) => {
    if (reset) { offset = 0; list.replaceChildren(); }
    const page = await api('GET', `/runs?limit=${PAGE}&offset=${offset}${filter}`);
    offset += page.items.length;
    list.append(...page.items.map((run) => runItem(run)));
    if (!page.total) list.append(h('li', { class: 'empty' }, filter ? 'No run between these dates.' : 'No run logged yet.'));
    more.hidden = offset >= page.total;
  };
  const filters = filterForm((query) => { filter = query; return load(true); });
  more.addEventListener('click', () => load(false).catch((error) => list.after(errorBox(error))));
  // Runs imported from Strava, or deleted with their activities, show without a reload.
  const reload = settled(() => load(true).catch((error) => list.after(errorBox(error))));
  ['strava.run_imported', 'strava.activity_removed', 'strava.activities_purged'].forEach((type) => on(type, reload, list));
  await load(true);
  show(main,
    h('h1', null, 'Runs'),
    h('section', { class: 'card' }, h('h2', null, 'Log a run'),
      runForm({ saved: (run) => { announce(`Run of ${distance(run.distance_km)} logged.`); load(true); } })),
    h('h2', null, 'Your runs'), filters, list, more);
}

function runItem(run) {
  const item = h('li', { class: 'card run-item' },
    h('p', null, h('strong', null, longDate(run.actual_date))),
    h('p', null, `${distance(run.distance_km)} in ${duration(run.duration_minutes)} · ${pace(run.average_pace)}`),
    run.workout_id ? h('p', { class: 'quiet' }, 'Linked to a planned workout') : null,
    run.source === 'strava' ? h('p', { class: 'quiet' }, 'From Strava') : null,
    h('div', { class: 'actions' },
      h('a', { class: 'button', href: `#/runs/${run.id}`, 'aria-label': `Edit the run of ${longDate(run.actual_date)}` }, 'Edit'),
      h('button', {
        type: 'button', class: 'danger', 'aria-label': `Delete the run of ${longDate(run.actual_date)}`,
        onclick: async () => {
          if (!await confirmDialog(`Delete the run of ${longDate(run.actual_date)}?`, 'Delete run')) return;
          try {
            await api('DELETE', `/runs/${run.id}`);
            item.remove();
            announce('Run deleted.');
          } catch (error) {
            item.append(errorBox(error));
          }
        },
      }, 'Delete')));
  return item;
}

// The dates the list is limited to (what listRuns filters by); the list shows them at once.
function filterForm(apply) {
  const form = h('form', { class: 'row filters', role: 'search', 'aria-label': 'Filter runs' },
    field('From', { type: 'date', name: 'from' }),
    field('To', { type: 'date', name: 'to' }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, 'Filter'),
      h('button', { type: 'reset' }, 'Show all')));
  const run = (query) => {
    if (form.nextElementSibling?.classList.contains('error')) form.nextElementSibling.remove();
    return apply(query).catch((error) => form.after(errorBox(error)));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    run(['from', 'to'].filter((key) => data.get(key)).map((key) => `&${key}=${data.get(key)}`).join(''));
  });
  form.addEventListener('reset', () => run(''));
  return form;
}
