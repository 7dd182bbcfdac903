// Charts as hand-written SVG: a line chart (a series a day) and a bar chart (groups of bars), each a
// figure whose caption names it, drawn at its box's own width so that its text stays readable on a
// phone, with its figures as a table for those who do not see it.
import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const HEIGHT = 240;
const PAD = { top: 12, right: 12, bottom: 28, left: 44 };

function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs || {})) if (value != null) el.setAttribute(key, value);
  el.append(...children.flat().filter((child) => child != null));
  return el;
}

/** About five round values from low to high, for the y axis's grid. */
function ticks(low, high) {
  const span = high - low || 1;
  const raw = span / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((m) => m >= raw);
  const values = [];
  for (let v = Math.floor(low / step) * step; v <= high + step / 2; v += step) values.push(Math.round(v * 1e6) / 1e6);
  return values;
}

function frame(width, low, high, yLabel) {
  const values = ticks(low, high);
  const top = values[values.length - 1];
  const bottom = values[0];
  const y = (v) => PAD.top + (top - v) / (top - bottom || 1) * (HEIGHT - PAD.top - PAD.bottom);
  const grid = values.map((v) => s('g', { class: v === 0 ? 'grid zero' : 'grid' },
    s('line', { x1: PAD.left, x2: width - PAD.right, y1: y(v), y2: y(v) }),
    s('text', { x: PAD.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v))));
  const label = s('text', { class: 'axis-label', x: 12, y: HEIGHT / 2, transform: `rotate(-90 12 ${HEIGHT / 2})`, 'text-anchor': 'middle' }, yLabel);
  return { y, grid, label };
}

/** Every n-th label so that labels of about 70 px do not overlap. */
function labelsEvery(count, plotWidth) {
  return Math.max(1, Math.ceil(count / Math.max(1, Math.floor(plotWidth / 70))));
}

function table(caption, head, rows) {
  return h('details', { class: 'chart-table' }, h('summary', null, 'The figures as a table'),
    h('table', null, h('caption', { class: 'visually-hidden' }, caption),
      h('thead', null, h('tr', null, head.map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', null, rows.map((row) => h('tr', null, row.map((cell, i) => (i ? h('td', null, cell) : h('th', { scope: 'row' }, cell))))))));
}

function legend(series, kind) {
  return h('ul', { class: 'legend plain', 'aria-hidden': 'true' },
    series.map((one, i) => h('li', null, h('span', { class: `swatch ${kind} s${i}` }), one.name)));
}

// Draws into the box each time its width changes (a phone turned, a window resized).
function figure(title, description, draw, after) {
  const box = h('div', { class: 'chart-box' });
  const id = `chart-${Math.random().toString(36).slice(2)}`;
  let width = 0;
  new ResizeObserver(() => {
    if (!box.isConnected || box.clientWidth === width) return;
    width = box.clientWidth;
    const svg = draw(Math.max(280, width));
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-labelledby', id);
    box.replaceChildren(svg);
  }).observe(box);
  return h('figure', { class: 'chart' }, h('figcaption', { id }, title, h('span', { class: 'visually-hidden' }, `. ${description}`)), box, after);
}

/**
 * A line chart of series over the same x values.
 * @param labels the x values' labels, one per point
 * @param series [{name, values}], a value null where the series has none
 * @param format a value as the table shows it
 */
export function lineChart({ title, description, labels, series, yLabel, format = String }) {
  const all = series.flatMap((one) => one.values).filter((v) => v != null);
  const low = Math.min(0, ...all);
  const high = Math.max(1, ...all);
  const draw = (width) => {
    const { y, grid, label } = frame(width, low, high, yLabel);
    const plot = width - PAD.left - PAD.right;
    const x = (i) => PAD.left + (labels.length > 1 ? i / (labels.length - 1) * plot : plot / 2);
    const every = labelsEvery(labels.length, plot);
    const xLabels = labels.map((text, i) => (i % every === 0
      ? s('text', { x: x(i), y: HEIGHT - 8, 'text-anchor': i === 0 ? 'start' : i === labels.length - 1 ? 'end' : 'middle' }, text) : null));
    const lines = series.map((one, n) => {
      const points = one.values.map((v, i) => (v == null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`)).filter(Boolean);
      return s('polyline', { class: `line s${n}`, points: points.join(' ') });
    });
    return s('svg', { viewBox: `0 0 ${width} ${HEIGHT}`, width, height: HEIGHT }, label, grid, s('g', { class: 'x' }, xLabels), lines);
  };
  return figure(title, description, draw, [legend(series, 'for-line'),
    table(title, ['', ...series.map((one) => one.name)], labels.map((text, i) => [text, ...series.map((one) => format(one.values[i]))]))]);
}

/**
 * A bar chart: for each group (a week, say) one bar per series, side by side.
 * @param groups [{label, values}], values in the order of series
 * @param series [{name}]
 */
export function barChart({ title, description, groups, series, yLabel, format = String }) {
  const high = Math.max(1, ...groups.flatMap((group) => group.values));
  const draw = (width) => {
    const { y, grid, label } = frame(width, 0, high, yLabel);
    const plot = width - PAD.left - PAD.right;
    const slot = plot / Math.max(1, groups.length);
    const bar = Math.max(2, Math.min(28, (slot * 0.8) / series.length));
    const every = labelsEvery(groups.length, plot);
    const bars = groups.map((group, g) => {
      const left = PAD.left + g * slot + (slot - bar * series.length) / 2;
      return s('g', null,
        group.values.map((v, n) => s('rect', { class: `bar s${n}`, x: left + n * bar, y: y(v), width: bar - 1, height: Math.max(0, y(0) - y(v)) })),
        g % every === 0 ? s('text', { x: PAD.left + g * slot + slot / 2, y: HEIGHT - 8, 'text-anchor': 'middle' }, group.label) : null);
    });
    return s('svg', { viewBox: `0 0 ${width} ${HEIGHT}`, width, height: HEIGHT }, label, grid, bars);
  };
  return figure(title, description, draw, [legend(series, 'for-bar'),
    table(title, ['', ...series.map((one) => one.name)], groups.map((group) => [group.label, ...group.values.map(format)]))]);
}
