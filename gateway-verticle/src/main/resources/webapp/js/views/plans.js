// The athlete's plans: a list, a form to make one, and deletion that says what it keeps.
import { all, api } from '../api.js';
import { announce, confirmDialog, errorBox, field, h, show, submitting } from '../dom.js';
import { addDays, longDate, today } from '../units.js';

export async function render(main) {
  const plans = await all('/plans');
  const list = h('ul', { class: 'cards' });
  const redraw = (items) => show(list, items.length
    ? items.map((plan) => planCard(plan, () => redraw(items.filter((p) => p !== plan))))
    : h('li', { class: 'empty' }, 'No plan yet: make your first one below.'));
  redraw(plans);
  show(main, h('h1', null, 'Plans'), list, h('h2', null, 'New plan'),
    h('p', null, h('a', { class: 'button', href: '#/plans/generate' }, 'Generate a plan for a race'), ' or make one yourself:'),
    createForm());
}

function planCard(plan, removed) {
  return h('li', { class: 'card' },
    h('h3', null, h('a', { href: `#/plans/${plan.id}` }, plan.name)),
    h('p', null, `${longDate(plan.start_date)} to ${longDate(plan.end_date)}`),
    plan.goal_race_date ? h('p', null, `Race: ${longDate(plan.goal_race_date)}`) : null,
    h('div', { class: 'actions' },
      h('a', { class: 'button', href: `#/plans/${plan.id}` }, 'Calendar'),
      h('a', { class: 'button', href: `#/plans/${plan.id}/progress`, 'aria-label': `Progress of ${plan.name}` }, 'Progress'),
      h('a', { class: 'button', href: `#/plans/${plan.id}/edit`, 'aria-label': `Edit ${plan.name}` }, 'Edit'),
      h('button', {
        type: 'button', class: 'danger', 'aria-label': `Delete ${plan.name}`,
        onclick: async (event) => {
          const yes = await confirmDialog(`Delete “${plan.name}” and its workouts? Your runs are kept: they stay in your log, no longer linked to a workout.`, 'Delete plan');
          if (!yes) return;
          try {
            await api('DELETE', `/plans/${plan.id}`);
            removed();
            announce(`Plan ${plan.name} deleted; its runs are kept.`);
          } catch (error) {
            event.target.closest('li').append(errorBox(error));
          }
        },
      }, 'Delete')));
}

function createForm() {
  const start = today();
  return submitting(h('form', { class: 'card', novalidate: true },
    field('Name', { name: 'name', required: true, maxlength: 200, placeholder: 'Spring marathon' }),
    h('div', { class: 'row' },
      field('Start', { type: 'date', name: 'start_date', required: true, value: start }),
      field('End', { type: 'date', name: 'end_date', required: true, value: addDays(start, 83) }),
      field('Race day (optional)', { type: 'date', name: 'goal_race_date' })),
    h('button', { type: 'submit', class: 'primary' }, 'Create plan')), async (data) => {
    const plan = await api('POST', '/plans', {
      name: data.get('name').trim(),
      start_date: data.get('start_date'),
      end_date: data.get('end_date'),
      goal_race_date: data.get('goal_race_date') || null,
    });
    location.hash = `#/plans/${plan.id}`;
  });
}
