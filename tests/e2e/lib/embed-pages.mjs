// Host pages for the embedding tests, written the way a practice would embed the widget (one
// module script, one element per widget, no inline script or style), and the checks that go
// with them: CSP violations, computed styles, axe under a strict CSP.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST_DIR, REPO_ROOT, checkA11y } from './harness.mjs';
import { escapeAttr } from './static-server.mjs';

export { escapeAttr };

/** The folder of the host pages' own files (hostile stylesheet, event listener, theme). */
export const FIXTURES = path.join(REPO_ROOT, 'tests', 'e2e', 'fixtures', 'embed');

/** A route for startEmbedServer: an HTML page with its own headers (e.g. its CSP). */
export function htmlRoute(body, headers = {}) {
  return { body, type: 'text/html; charset=utf-8', headers };
}

/**
 * A whole host page. `stylesheets` and `scripts` are URLs of the host's own files (classic
 * scripts, run before the widget's module script); `widgetSrc` is the embed snippet's script
 * (none when null); `body` is the page's content.
 */
export function hostPage({ title = 'Example Surgery', stylesheets = [], scripts = [], widgetSrc = '/wellbeing.js', body }) {
  return `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeAttr(title)}</title>
    <link rel="icon" href="data:,">
${stylesheets.map((href) => `    <link rel="stylesheet" href="${escapeAttr(href)}">`).join('\n')}
${scripts.map((src) => `    <script src="${escapeAttr(src)}"></script>`).join('\n')}
${widgetSrc ? `    <script type="module" src="${escapeAttr(widgetSrc)}"></script>` : ''}
  </head>
  <body>
${body}
  </body>
</html>
`;
}

/** One host element: `<div id=… data-wellbeing-widget data-endpoint=… …>` with a placeholder. */
export function widgetElement({ id, endpoint, ...attributes }) {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeAttr(value)}"`)
    .join('');
  const idAttr = id ? ` id="${escapeAttr(id)}"` : '';
  return `<div${idAttr} data-wellbeing-widget data-endpoint="${escapeAttr(endpoint)}"${attrs}><p>Loading the wellbeing form…</p></div>`;
}

/**
 * The built frame page (DIST_DIR/frame.html) with its endpoint and parent origin set, as a
 * practice would deploy it.
 */
export function framePageHtml({ endpoint, parentOrigin }) {
  let html = fs.readFileSync(path.join(DIST_DIR, 'frame.html'), 'utf8');
  const set = (name, value) => {
    const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*'|[^\\s"'=<>\`]+)`, 'i');
    assert.match(html, re, `frame.html has ${name}`);
    html = html.replace(re, (_, before) => `${before}"${escapeAttr(value)}"`);
  };
  set('data-endpoint', endpoint);
  set('data-parent-origin', parentOrigin);
  return html;
}

// ---------------------------------------------------------------------------------------------
// Content-Security-Policy violations

/**
 * Records every `securitypolicyviolation` in every frame of the page's context (an init script,
 * which CSP does not govern). Call before the first navigation.
 */
export async function recordCspViolations(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || e.documentURI}:${e.lineNumber}`);
    });
  });
}

const CSP_CONSOLE = /Content[- ]Security[- ]Policy|Refused to (load|execute|apply|connect|frame|evaluate|compile|create)/i;

/** Asserts no CSP violation in the page's frames (events) nor in its console. */
export async function assertNoCspViolations(page, where) {
  const violations = [];
  for (const frame of page.frames()) {
    const list = await frame.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    violations.push(...list.map((v) => `${frame.url()}: ${v}`));
  }
  const consoleLines = page.consoleMessages.filter((m) => CSP_CONSOLE.test(m.text)).map((m) => m.text);
  assert.deepEqual([...violations, ...consoleLines], [], `no Content-Security-Policy violations on ${where}`);
}

// ---------------------------------------------------------------------------------------------
// Accessibility under a strict CSP

/** checkA11y for a page or a frame under a strict CSP (see runAxe's `underCsp`). */
export function checkA11yUnderCsp(target, label) {
  return checkA11y(target, label, { underCsp: true });
}

// ---------------------------------------------------------------------------------------------
// Computed styles

export const STYLE_PROPERTIES = [
  'display',
  'visibility',
  'opacity',
  'position',
  'float',
  'box-sizing',
  'width',
  'max-width',
  'min-height',
  'height',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border-top-width',
  'border-top-style',
  'border-top-color',
  'border-left-width',
  'border-left-style',
  'border-radius',
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-transform',
  'text-decoration-line',
  'text-align',
  'white-space',
  'color',
  'background-color',
  'appearance',
  'list-style-type',
  'cursor',
  'pointer-events',
];

/** The computed values of STYLE_PROPERTIES for the (first) element `locator` finds. */
export async function computedStyle(locator, properties = STYLE_PROPERTIES) {
  return locator.first().evaluate((el, props) => {
    const cs = getComputedStyle(el);
    return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
  }, properties);
}

/** `{ name: computedStyle }` for each `[name, locator]`. */
export async function computedStyles(entries, properties) {
  const out = {};
  for (const [name, locator] of entries) out[name] = await computedStyle(locator, properties);
  return out;
}

/** The document's own stylesheets (href or "inline") and the <style>/<link> elements in <head>. */
export async function documentStyleSheets(page) {
  return page.evaluate(() => ({
    sheets: [...document.styleSheets].map((s) => s.href ?? 'inline'),
    adopted: document.adoptedStyleSheets.length,
    headStyles: document.head.querySelectorAll('style, link[rel~="stylesheet"]').length,
  }));
}
