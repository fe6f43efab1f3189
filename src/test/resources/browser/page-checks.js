// What a screen-reader or keyboard user needs of every page, checked in the page itself; returns
// one plain sentence per problem (no axe-core webjar on the registries this project reaches).
return (function () {
  const problems = [];
  const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
      + (el.getAttribute('name') ? '[name=' + el.getAttribute('name') + ']' : '')
      + ' "' + (el.outerHTML || '').slice(0, 120).replace(/\s+/g, ' ') + '"';
  const visible = el => !(el.closest('[hidden]') || el.closest('template'))
      && getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden';
  const text = el => (el.textContent || '').replace(/\s+/g, ' ').trim();
  const byIds = ids => ids.split(/\s+/).map(id => document.getElementById(id)).filter(Boolean).map(text).join(' ').trim();
  // the accessible name as the HTML-AAM computes it, for the cases this app's pages use
  const name = el => {
    if (el.getAttribute('aria-labelledby')) { const n = byIds(el.getAttribute('aria-labelledby')); if (n) return n; }
    if ((el.getAttribute('aria-label') || '').trim()) return el.getAttribute('aria-label').trim();
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) {
      if (el.labels && el.labels.length) { const n = Array.from(el.labels).map(text).join(' ').trim(); if (n) return n; }
      if (el.tagName === 'INPUT' && /^(submit|button|reset)$/.test(el.type)) return (el.value || '').trim();
    } else {
      const own = text(el) || Array.from(el.querySelectorAll('img[alt]')).map(i => i.alt.trim()).join(' ').trim();
      if (own) return own;
    }
    return (el.getAttribute('title') || '').trim();
  };

  if (!(document.documentElement.getAttribute('lang') || '').trim()) problems.push('the html element has no lang');
  if (!document.title.trim()) problems.push('the page has no title');
  const h1s = document.querySelectorAll('h1');
  if (h1s.length !== 1) problems.push('the page has ' + h1s.length + ' h1 headings, not exactly one');
  let level = 0;
  document.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach(h => {
    const next = Number(h.tagName[1]);
    if (level && next > level + 1) problems.push('heading level skips from h' + level + ' to ' + describe(h));
    level = next;
  });
  const mains = document.querySelectorAll('main, [role=main]');
  if (mains.length !== 1) problems.push('the page has ' + mains.length + ' main landmarks, not exactly one');
  const main = mains[0];
  const firstFocusable = document.querySelector('a[href], button, input:not([type=hidden]), select, textarea, [tabindex]');
  if (!main || !main.id) {
    problems.push('the main landmark has no id for a skip link to target');
  } else if (!firstFocusable || firstFocusable.tagName !== 'A' || firstFocusable.getAttribute('href') !== '#' + main.id) {
    problems.push('the first thing to focus is not a skip link to #' + (main && main.id) + ' but '
        + (firstFocusable ? describe(firstFocusable) : 'nothing'));
  }
  const seen = {};
  document.querySelectorAll('[id]').forEach(el => {
    if (seen[el.id]) problems.push('the id "' + el.id + '" is used twice'); seen[el.id] = true;
  });
  document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(el => {
    if (visible(el) && !name(el)) problems.push('form field without an accessible name: ' + describe(el));
  });
  document.querySelectorAll('button, a[href], [role=button], summary').forEach(el => {
    if (visible(el) && !name(el)) problems.push('button or link without a name: ' + describe(el));
  });
  document.querySelectorAll('img, [role=img]').forEach(el => {
    if (el.tagName === 'IMG' ? !el.hasAttribute('alt') : !name(el)) problems.push('image without alt text: ' + describe(el));
  });
  document.querySelectorAll('svg').forEach(el => {
    if (visible(el) && el.getAttribute('aria-hidden') !== 'true' && !el.closest('[aria-hidden=true]') && !name(el)
        && !el.closest('[role=img][aria-label], figure')) problems.push('chart or icon (svg) without a name: ' + describe(el));
  });
  document.querySelectorAll('canvas').forEach(el => {
    if (!name(el) && !el.closest('[role=img][aria-label], figure')) problems.push('canvas without a name: ' + describe(el));
  });
  document.querySelectorAll('table').forEach(t => {
    if (visible(t) && !t.querySelector('th')) problems.push('table without header cells: ' + describe(t));
  });
  document.querySelectorAll('[tabindex]').forEach(el => {
    if (Number(el.getAttribute('tabindex')) > 0) problems.push('positive tabindex breaks the reading order: ' + describe(el));
  });
  return problems;
})();
