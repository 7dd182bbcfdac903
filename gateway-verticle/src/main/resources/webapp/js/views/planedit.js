// Changing a plan: its name, description and dates; a copy of it for another race; its workouts
// moved on by some days from a date (illness, travel).
import { api } from '../api.js';
import { announce, field, h, show, submitting } from '../dom.js';
import { longDate } from '../units.js';

export async function render(main, { params: [planId] }) {
  const plan = await api('GET', `/plans/${planId}`);
  const title = h('h1', null, `Edit ${plan.name}`);
  const subtitle = h('p', { class: 'subtitle' });
  const describe = (current) => {
    title.textContent = `Edit ${current.name}`;
    subtitle.textContent = `${longDate(current.start_date)} to ${longDate(current.end_date)}`
      + (current.goal_race_date ? ` · race ${longDate(current.goal_race_date)}` : '');
  };
  describe(plan);
  show(main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/plans' }, 'Plans'), ' › ', h('a', { href: `#/plans/${plan.id}` }, 'Calendar')),
    title, subtitle,
    h('section', { class: 'card' }, h('h2', null, 'Name and dates'), editForm(plan, describe)),
    h('section', { class: 'card' }, h('h2', null, 'Copy to a new race date'), copyForm(plan)),
    h('section', { class: 'card' }, h('h2', null, 'Move workouts on'), shiftForm(plan, describe)));
}

function editForm(plan, describe) {
  return submitting(h('form', { novalidate: true },
    field('Name', { name: 'name', required: true, maxlength: 200, value: plan.name }),
    field('Description (optional)', { name: 'description', maxlength: 5000, value: plan.description || '' }),
    h('div', { class: 'row' },
      field('Start', { type: 'date', name: 'start_date', required: true, value: plan.start_date }),
      field('End', { type: 'date', name: 'end_date', required: true, value: plan.end_date }),
      field('Race day (optional)', { type: 'date', name: 'goal_race_date', value: plan.goal_race_date })),
    h('button', { type: 'submit', class: 'primary' }, 'Save plan')), async (data) => {
    const saved = await api('PUT', `/plans/${plan.id}`, {
      name: data.get('name').trim(),
      description: data.get('description').trim() || null,
      start_date: data.get('start_date'),
      end_date: data.get('end_date'),
      goal_race_date: data.get('goal_race_date') || null,
    });
    Object.assign(plan, saved);
    describe(saved);
    announce(`Plan ${saved.name} saved.`);
  });
}

function copyForm(plan) {
  return submitting(h('form', { novalidate: true },
    h('p', { class: 'hint' }, 'Every workout moves by the same number of days so that the race (or the plan\'s last day) falls on the new date. Runs are not copied.'),
    h('div', { class: 'row' },
      field('New race date', { type: 'date', name: 'race_date', required: true }),
      field('Name of the copy (optional)', { name: 'name', maxlength: 200, placeholder: `${plan.name} (copy)` })),
    h('button', { type: 'submit', class: 'primary' }, 'Copy plan')), async (data) => {
    const copy = await api('POST', `/plans/${plan.id}/copy`, {
      race_date: data.get('race_date') || undefined,
      name: data.get('name').trim() || undefined,
    });
    announce(`Copy ${copy.name} made.`);
    location.hash = `#/plans/${copy.id}`;
  });
}

function shiftForm(plan, describe) {
  const result = h('p', { role: 'status' });
  const form = submitting(h('form', { novalidate: true },
    h('p', { class: 'hint' }, 'The workouts on and after a date move by some days; those already done stay where they are.'),
    h('div', { class: 'row' },
      field('From', { type: 'date', name: 'from', required: true }),
      field('Days to move by', { type: 'number', name: 'days', required: true, min: -366, max: 366, step: 1, inputmode: 'numeric' },
        'negative moves them earlier')),
    h('div', { class: 'field check' },
      h('label', null, h('input', { type: 'checkbox', name: 'extend' }), ' Move the plan\'s start or end with them if needed')),
    h('button', { type: 'submit', class: 'primary' }, 'Move workouts'), result), async (data) => {
    result.textContent = '';
    const shifted = await api('POST', `/plans/${plan.id}/shift`, {
      from: data.get('from'),
      days: Number(data.get('days')),
      extend: data.get('extend') === 'on',
    });
    describe(shifted);
    result.textContent = `${shifted.workouts_moved} workouts moved`
      + (shifted.done_workouts_kept ? `, ${shifted.done_workouts_kept} done ones kept in place.` : '.');
  });
  return form;
}
