// Theming by CSS custom properties: a palette that keeps every text at WCAG AA is used as given;
// a colour that would not is refused (the widget's default is used) with a notice naming it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkA11y, withPage } from './lib/harness.mjs';
import { rig } from './lib/rig.mjs';
import { HEADING_START, h1, hostPageHtml, integratorNotice, openWidget } from './lib/journey.mjs';

/** The demo page with a host stylesheet that sets `css` on the widget's element. */
function themedPage(name) {
  const html = hostPageHtml().replace('</head>', `<link rel="stylesheet" href="/${name}.css"></head>`);
  return { body: html, type: 'text/html; charset=utf-8' };
}
const css = (rules) => ({ body: `#wellbeing { ${rules} }`, type: 'text/css' });

const the = rig({
  routes: {
    '/good.html': themedPage('good'),
    '/good.css': css('--wellbeing-text: #0b0c0c; --wellbeing-background: #f3f2f1; --wellbeing-secondary-text: #505a5f;'),
    '/pale.html': themedPage('pale'),
    '/pale.css': css('--wellbeing-text: #aaaaaa; --wellbeing-secondary-text: #999999;'),
    '/dark.html': themedPage('dark'),
    '/dark.css': css('--wellbeing-background: #1d1d1b;'),
  },
});

async function colours(page) {
  const heading = h1(page, HEADING_START);
  await heading.waitFor();
  return heading.evaluate((el) => {
    const widget = el.closest('.wb-widget');
    return { text: getComputedStyle(el).color, background: getComputedStyle(widget).backgroundColor };
  });
}

test('a readable palette is used as given', async (t) => {
  await withPage(the.browser, t, {}, async (page) => {
    await openWidget(page, `${the.web.url}good.html`);
    assert.deepEqual(await colours(page), { text: 'rgb(11, 12, 12)', background: 'rgb(243, 242, 241)' });
    assert.equal(await integratorNotice(page), null);
    await checkA11y(page, 'themed start page');
  });
});

test('pale text is refused: the default text colours are used and the notice names them', async (t) => {
  await withPage(the.browser, t, {}, async (page) => {
    await openWidget(page, `${the.web.url}pale.html`);
    assert.deepEqual(await colours(page), { text: 'rgb(33, 43, 50)', background: 'rgb(255, 255, 255)' });
    const notice = ((await integratorNotice(page)) ?? []).join('\n');
    assert.match(notice, /--wellbeing-text gives a contrast of only 2\.\d\d:1 with white/);
    assert.match(notice, /--wellbeing-secondary-text/);
    await checkA11y(page, 'pale palette refused');
  });
});

test('a dark background the default text cannot be read on is refused', async (t) => {
  await withPage(the.browser, t, {}, async (page) => {
    await openWidget(page, `${the.web.url}dark.html`);
    assert.deepEqual(await colours(page), { text: 'rgb(33, 43, 50)', background: 'rgb(255, 255, 255)' });
    const notice = ((await integratorNotice(page)) ?? []).join('\n');
    assert.match(notice, /--wellbeing-background/);
    await checkA11y(page, 'dark background refused');
  });
});
