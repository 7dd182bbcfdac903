// Builds elements without innerHTML, so that no text from the API is ever parsed as markup.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'value' || key === 'checked') el[key] = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces what an element shows. */
export function show(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Says something to screen-reader users without moving their focus. */
export function announce(text) {
  const region = document.getElementById('announce');
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 50);
}

let fieldIds = 0;

/** A labelled input: the label names it and a hint, when given, describes it. */
export function field(label, attrs, hint) {
  const id = `f${++fieldIds}`;
  const hintId = hint ? `${id}-hint` : null;
  const input = attrs.tag === 'select'
    ? h('select', { ...attrs, tag: null, options: null, id, 'aria-describedby': hintId },
      attrs.options.map(([value, text]) => h('option', { value, selected: value === attrs.value }, text)))
    : h('input', { ...attrs, id, 'aria-describedby': hintId });
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hint ? h('small', { id: hintId }, hint) : null);
}

/** A message of an error, shown where focus goes so that it is read at once. */
export function errorBox(error) {
  const fields = error.fields || [];
  return h('div', { class: 'error', role: 'alert', tabindex: '-1' },
    h('p', null, error.message),
    fields.length ? h('ul', null, fields.map((f) => h('li', null, `${f.field}: ${f.message}`))) : null);
}

/** Runs a form's submission: its button busy meanwhile, a failure shown above it. */
export function submitting(form, action) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('[type=submit]');
    form.querySelector('.error')?.remove();
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
      await action(new FormData(form));
    } catch (error) {
      const box = errorBox(error);
      form.prepend(box);
      box.focus();
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  });
  return form;
}

/** Asks a yes-or-no question in a modal dialog; resolves true for yes. */
export function confirmDialog(question, yes) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { 'aria-labelledby': 'confirm-q' },
      h('p', { id: 'confirm-q' }, question),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'danger', onclick: () => dialog.close('yes') }, yes),
        h('button', { type: 'button', onclick: () => dialog.close('no') }, 'Cancel')));
    dialog.addEventListener('close', () => { dialog.remove(); resolve(dialog.returnValue === 'yes'); });
    document.body.append(dialog);
    dialog.showModal();
  });
}
