// A plan's workouts in a month or week: add, edit, delete, record the run, and move a workout to
// another day by dragging it or with Alt and the arrow keys. A coach sees a sharing athlete's plan
// here too: editable on a read_write share, read only on a read one, and never recording runs.
import { all, api } from '../api.js';
import { announce, confirmDialog, errorBox, field, h, show, submitting } from '../dom.js';
import {
  addDays, complianceText, dayName, distance, duration, fromUnit, longDate, monthName, parseDuration, shortDate,
  today, toUnit, typeName, unit, weekStart, WORKOUT_TYPES,
} from '../units.js';
import { runForm } from './runform.js';

const MOVES = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

export async function render(main, { params: [planId], athlete = null }) {
  const plan = await api('GET', `/plans/${planId}`);
  const now = today();
  const state = {
    plan,
    view: 'month',
    anchor: now < plan.start_date || now > plan.end_date ? plan.start_date : now,
    focus: null,
    athlete,
    editable: !athlete || athlete.access === 'read_write',
  };
  const body = h('div');
  show(main,
    h('p', { class: 'crumbs' }, athlete ? h('a', { href: `#/athletes/${athlete.athlete_id}` }, 'Their plans')
      : h('a', { href: '#/plans' }, 'Plans')),
    h('h1', null, plan.name),
    h('p', { class: 'subtitle' }, `${longDate(plan.start_date)} to ${longDate(plan.end_date)}`),
    state.athlete ? null : h('p', null, h('a', { href: `#/plans/${plan.id}/progress` }, 'Progress of this plan')),
    state.editable ? h('p', { class: 'hint', id: 'move-hint' }, 'Drag a workout to another day, or focus it and press Alt with an arrow key (a day left or right, a week up or down).')
      : h('p', { class: 'hint' }, 'Read only: the athlete shares this plan for reading.'),
    body);
  await draw(body, state);
}

function range(state) {
  if (state.view === 'week') {
    const from = weekStart(state.anchor);
    return { from, to: addDays(from, 6), title: `Week of ${shortDate(from)}` };
  }
  const first = `${state.anchor.slice(0, 7)}-01`;
  const from = weekStart(first);
  const last = addDays(`${addDays(first, 31).slice(0, 7)}-01`, -1);
  const to = addDays(weekStart(last), 6);
  return { from, to, title: monthName(first) };
}

async function draw(body, state) {
  const { from, to, title } = range(state);
  const workouts = await all(`/workouts?plan_id=${state.plan.id}&from=${from}&to=${to}${owner(state, '&')}`);
  const step = (direction) => {
    state.anchor = state.view === 'week' ? addDays(state.anchor, 7 * direction)
      : addDays(`${state.anchor.slice(0, 7)}-01`, direction > 0 ? 32 : -1).slice(0, 7) + '-01';
    draw(body, state);
  };
  const days = [];
  for (let date = from; date <= to; date = addDays(date, 1)) days.push(date);
  show(body,
    h('div', { class: 'toolbar' },
      h('button', { type: 'button', onclick: () => step(-1), 'aria-label': `Previous ${state.view}` }, '‹'),
      h('h2', { 'aria-live': 'polite' }, title),
      h('button', { type: 'button', onclick: () => step(1), 'aria-label': `Next ${state.view}` }, '›'),
      h('div', { class: 'switch', role: 'group', 'aria-label': 'View' },
        ['month', 'week'].map((view) => h('button', {
          type: 'button', 'aria-pressed': String(state.view === view),
          onclick: () => { state.view = view; draw(body, state); },
        }, view === 'month' ? 'Month' : 'Week')))),
    h('ol', { class: `calendar ${state.view}` },
      days.slice(0, 7).map((date) => h('li', { class: 'weekday', 'aria-hidden': 'true' }, dayName(date))),
      days.map((date) => dayCell(date, workouts.filter((w) => w.scheduled_date === date), body, state))));
  if (state.focus) {
    body.querySelector(`[data-id="${state.focus}"]`)?.focus();
    state.focus = null;
  }
}

/** The query naming the athlete whose plan a coach works on; nothing on the athlete's own. */
function owner(state, separator) {
  return state.athlete ? `${separator}athlete_id=${encodeURIComponent(state.athlete.athlete_id)}` : '';
}

function inPlan(state, date) {
  return date >= state.plan.start_date && date <= state.plan.end_date;
}

function dayCell(date, workouts, body, state) {
  const within = inPlan(state, date);
  const droppable = within && state.editable;
  const outside = state.view === 'month' && date.slice(0, 7) !== state.anchor.slice(0, 7);
  const cell = h('li', {
    class: ['day', within ? '' : 'off', outside ? 'other-month' : '', date === today() ? 'today' : ''].join(' '),
    'data-date': date,
  },
  h('h3', null, h('span', { class: 'dow' }, `${dayName(date)} `), shortDate(date)),
  h('ul', { class: 'plain' }, workouts.map((w) => h('li', null, workoutChip(w, body, state)))),
  droppable ? h('button', {
    type: 'button', class: 'add', 'aria-label': `Add a workout on ${longDate(date)}`,
    onclick: () => editDialog({ plan_id: state.plan.id, scheduled_date: date }, body, state),
  }, '+') : null);
  if (droppable) {
    cell.addEventListener('dragover', (event) => { event.preventDefault(); cell.classList.add('drop'); });
    cell.addEventListener('dragleave', () => cell.classList.remove('drop'));
    cell.addEventListener('drop', (event) => {
      event.preventDefault();
      cell.classList.remove('drop');
      const id = event.dataTransfer.getData('text/plain');
      if (id) move(id, date, body, state);
    });
  }
  return cell;
}

function workoutChip(workout, body, state) {
  const status = workout.compliance?.status || 'upcoming';
  if (!state.editable) {
    return h('div', { class: `workout ${status}`, 'data-id': workout.id },
      h('span', { class: 'name' }, workout.name),
      h('span', { class: 'meta' }, [typeName(workout.workout_type), distance(workout.distance_km), duration(workout.duration_minutes)]
        .filter(Boolean).join(' · ')),
      h('span', { class: `badge ${status}` }, complianceText(status)));
  }
  const chip = h('button', {
    type: 'button', class: `workout ${status}`, draggable: 'true', 'data-id': workout.id,
    'aria-describedby': 'move-hint',
    onclick: () => editDialog(workout, body, state),
  },
  h('span', { class: 'name' }, workout.name),
  h('span', { class: 'meta' }, [typeName(workout.workout_type), distance(workout.distance_km), duration(workout.duration_minutes)]
    .filter(Boolean).join(' · ')),
  h('span', { class: `badge ${status}` }, complianceText(status)));
  chip.addEventListener('dragstart', (event) => {
    event.dataTransfer.setData('text/plain', workout.id);
    event.dataTransfer.effectAllowed = 'move';
  });
  chip.addEventListener('keydown', (event) => {
    if (!event.altKey || !(event.key in MOVES)) return;
    event.preventDefault();
    move(workout.id, addDays(workout.scheduled_date, MOVES[event.key]), body, state);
  });
  return chip;
}

async function move(id, date, body, state) {
  let failure = null;
  try {
    const moved = await api('POST', `/workouts/${id}/move`, { date });
    announce(`${moved.workout.name} moved to ${longDate(date)}.`);
    if (date < range(state).from || date > range(state).to) state.anchor = date;
  } catch (error) {
    failure = error;
  }
  state.focus = id;
  await draw(body, state);
  if (failure) {
    body.prepend(errorBox(failure));
    announce(failure.message);
  }
}

function editDialog(workout, body, state) {
  const isNew = !workout.id;
  const close = () => dialog.close();
  const redraw = () => { close(); draw(body, state); };
  const form = submitting(h('form', { novalidate: true },
    field('Name', { name: 'name', required: true, maxlength: 200, value: workout.name || '' }),
    field('Type', { tag: 'select', name: 'workout_type', value: workout.workout_type || 'easy_run',
      options: WORKOUT_TYPES.map((t) => [t, typeName(t)]) }),
    field('Date', { type: 'date', name: 'scheduled_date', required: true, value: workout.scheduled_date,
      min: state.plan.start_date, max: state.plan.end_date }),
    h('div', { class: 'row' },
      field(`Distance (${unit()})`, { type: 'number', name: 'distance', min: 0.01, step: 0.01, inputmode: 'decimal',
        value: workout.distance_km ? toUnit(workout.distance_km).toFixed(2) : '' }),
      field('Duration', { name: 'duration', inputmode: 'numeric', placeholder: '45:00',
        value: workout.duration_minutes ? duration(workout.duration_minutes) : '' }, 'minutes, m:ss or h:mm:ss')),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, isNew ? 'Add workout' : 'Save'),
      isNew ? null : h('button', {
        type: 'button', class: 'danger',
        onclick: async (event) => {
          if (!await confirmDialog(`Delete “${workout.name}”? A run recorded for it is kept.`, 'Delete workout')) return;
          try {
            await api('DELETE', `/workouts/${workout.id}`);
            announce(`${workout.name} deleted.`);
            redraw();
          } catch (error) {
            event.target.closest('form').prepend(errorBox(error));
          }
        },
      }, 'Delete'),
      h('button', { type: 'button', onclick: close }, 'Cancel'))), async (data) => {
    const km = data.get('distance');
    const minutes = data.get('duration') ? parseDuration(data.get('duration')) : null;
    if (Number.isNaN(minutes)) {
      throw Object.assign(new Error('Please check the workout.'), { fields: [{ field: 'duration', message: 'minutes, m:ss or h:mm:ss' }] });
    }
    const input = {
      plan_id: state.plan.id,
      name: data.get('name').trim(),
      workout_type: data.get('workout_type'),
      scheduled_date: data.get('scheduled_date'),
      distance_km: km ? Math.round(fromUnit(Number(km)) * 1000) / 1000 : null,
      duration_minutes: minutes,
    };
    await api(isNew ? 'POST' : 'PUT', isNew ? `/workouts${owner(state, '?')}` : `/workouts/${workout.id}`, input);
    announce(`${input.name} ${isNew ? 'added' : 'saved'}.`);
    redraw();
  });
  // Runs are the athlete's own record: a coach reads them, never records one.
  const record = isNew || state.athlete ? null : h('section', { class: 'record' },
    h('h3', null, 'Record the run'),
    runForm({ workout, saved: () => { announce(`Run recorded for ${workout.name}.`); redraw(); } }));
  const dialog = h('dialog', { 'aria-labelledby': 'workout-title', class: 'wide' },
    h('h2', { id: 'workout-title' }, isNew ? `New workout, ${longDate(workout.scheduled_date)}` : workout.name),
    form, record);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}
