// How a coach's printed plans look: a title, two colours, a footer and a logo, previewed as typed.
import { api } from '../api.js';
import { announce, confirmDialog, errorBox, field, h, show, submitting } from '../dom.js';

// The colours the PDFs use when none is set (pdf's Theme): the colour fields start from them.
const DEFAULT_PRIMARY = '#1f4e79';
const DEFAULT_ACCENT = '#e07a1f';

export async function render(main) {
  const branding = await api('GET', '/pdf/branding');
  const preview = previewOf();
  const logoInfo = h('p', { class: 'hint', role: 'status' });
  const form = submitting(h('form', { class: 'card', novalidate: true },
    field('Title', { name: 'title', maxlength: 200, value: branding.title || '', placeholder: 'Cora’s running club' },
      'On the top of every page'),
    h('div', { class: 'row' },
      field('Main colour', { type: 'color', name: 'primary_color', value: branding.primary_color || DEFAULT_PRIMARY }),
      field('Accent colour', { type: 'color', name: 'accent_color', value: branding.accent_color || DEFAULT_ACCENT })),
    field('Footer', { name: 'footer', maxlength: 500, value: branding.footer || '', placeholder: 'cora@example.com · 06 12 34 56 78' }),
    h('button', { type: 'submit', class: 'primary' }, 'Save branding')), async (data) => {
    const saved = await api('PUT', '/pdf/branding', {
      title: data.get('title').trim() || null,
      primary_color: data.get('primary_color'),
      accent_color: data.get('accent_color'),
      footer: data.get('footer').trim() || null,
    });
    Object.assign(branding, saved);
    announce('Branding saved.');
  });
  const update = () => preview.update(new FormData(form));
  form.addEventListener('input', update);
  const logoForm = submitting(h('form', { class: 'card', novalidate: true },
    field('Logo', { type: 'file', name: 'logo', accept: 'image/png,image/jpeg', required: true },
      'A PNG or JPEG of at most 1 MB and 4096 × 4096 pixels'),
    logoInfo,
    h('button', { type: 'submit' }, 'Upload logo')), async (data) => {
    const file = data.get('logo');
    if (!file || !file.size) throw new Error('Choose an image first.');
    const saved = await api('PUT', '/pdf/branding/logo', file);
    Object.assign(branding, saved);
    describeLogo(logoInfo, branding.logo);
    announce('Logo saved.');
  });
  logoForm.querySelector('input[type=file]').addEventListener('change', (event) => preview.logo(event.target.files[0]));
  describeLogo(logoInfo, branding.logo);
  show(main, h('h1', null, 'Branding'),
    h('p', { class: 'subtitle' }, 'How the plans you print look, your athletes’ included.'),
    h('div', { class: 'branding' },
      h('div', null, form, logoForm,
        h('button', {
          type: 'button', class: 'danger',
          onclick: async (event) => {
            if (!await confirmDialog('Remove your branding and logo? Your plans print plain again.', 'Remove branding')) return;
            try {
              await api('DELETE', '/pdf/branding');
              announce('Branding removed.');
              await render(main);
            } catch (error) {
              event.target.after(errorBox(error));
            }
          },
        }, 'Remove branding')),
      preview.element));
  update();
}

function describeLogo(element, logo) {
  element.textContent = logo ? `Your logo: ${logo.format.toUpperCase()}, ${logo.width} × ${logo.height} pixels.` : 'No logo yet.';
}

// The top and the foot of a printed page, in the chosen colours; the logo only once one is chosen
// here (the stored one is not served back).
function previewOf() {
  const image = h('img', { alt: '', hidden: true });
  const title = h('strong');
  const footer = h('p', { class: 'foot' });
  const element = h('figure', { class: 'brand-preview card' },
    h('div', { class: 'head' }, image, title),
    h('div', { class: 'page' }, h('p', null, 'Week 1 · Monday: easy run, 8 km'), h('p', null, 'Wednesday: intervals, 6 × 800 m')),
    footer,
    h('figcaption', { class: 'hint' }, 'Preview'));
  let url = null;
  return {
    element,
    update(data) {
      title.textContent = data.get('title').trim() || 'Training plan';
      footer.textContent = data.get('footer').trim();
      // Set through the CSS object model: the CSP allows no inline style attribute.
      element.style.setProperty('--brand-primary', data.get('primary_color'));
      element.style.setProperty('--brand-accent', data.get('accent_color'));
    },
    logo(file) {
      if (url) URL.revokeObjectURL(url);
      url = file ? URL.createObjectURL(file) : null;
      image.hidden = !url;
      if (url) image.src = url;
    },
  };
}
