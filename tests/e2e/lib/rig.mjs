// The one fixture of an end-to-end test file: headless Chromium, the built widget served on
// 127.0.0.1, and the real intake receiver the host pages send to, started once before the file's
// tests and closed after them (node:test's `before`/`after`, registered by `rig`).
//
//   const the = rig({ routes: { '/ons4.html': hostRoute({ 'data-measures': 'ons4' }) } });
//   test('…', async (t) => {
//     await withPage(the.browser, t, {}, async (page) => page.goto(`${the.web.url}ons4.html`));
//     the.intake.stored();                                // the receiver shared by the file
//     const { intake, proxy } = await the.freshIntake(t, { proxy: true });  // this test's own
//   });

import { before, after } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { DIST_DIR, launchBrowser, startIntake, startStatic } from './harness.mjs';
import { startFaultProxy } from './fault-proxy.mjs';

/**
 * Registers the file's setup and returns its handles (filled in before the first test).
 * @param {{
 *   routes?: Record<string, object>,  extra pages and files served beside the built widget
 *   needs?: string[],                 files of DIST_DIR the tests need (a clear error if missing)
 *   web?: boolean,                    serve DIST_DIR (default true)
 *   intake?: boolean,                 start a receiver shared by the file's tests (default true
 *                                     when serving; host pages send to it)
 *   headers?: object | (the) => object, headers on every page served (a function is given the
 *                                     handles once the receiver is up, e.g. for a CSP naming it)
 * }} options
 */
export function rig({ routes = {}, needs = ['index.html'], web = true, intake = web, headers = {} } = {}) {
  const the = {
    /** @type {import('playwright-core').Browser} */ browser: null,
    /** The static server of the built widget (`url`, `origin`, `setEndpoint`). */ web: null,
    /** The receiver shared by the file's tests. */ intake: null,
    /**
     * A receiver of this test's own (closed after it), accepting `origins` (default: the static
     * server's, whose pages then send to it, through a fault proxy with `proxy: true`).
     */
    async freshIntake(t, { origins, proxy = false } = {}) {
      const own = await startIntake({ allowOrigin: origins ?? the.web.origin });
      const faults = proxy ? await startFaultProxy({ target: own.url }) : null;
      if (!origins) the.web.setEndpoint((faults ?? own).submissionsUrl);
      t.after(async () => {
        await faults?.close();
        await own.close();
      });
      return proxy ? { intake: own, proxy: faults } : own;
    },
  };

  before(async () => {
    for (const f of needs) {
      if (!fs.existsSync(path.join(DIST_DIR, f))) {
        throw new Error(`${DIST_DIR}/${f} not found: build the widget first (trunk build --release) or set DIST_DIR`);
      }
    }
    const served = {};
    if (web) the.web = await serve({ routes, headers: served });
    if (intake) {
      the.intake = await startIntake({ allowOrigin: the.web.origin });
      the.web.setEndpoint(the.intake.submissionsUrl);
    }
    Object.assign(served, typeof headers === 'function' ? headers(the) : headers);
    the.browser = await launchBrowser();
  });

  after(async () => {
    await the.browser?.close();
    await the.intake?.close();
    await the.web?.close();
  });

  return the;
}

/**
 * The static server of DIST_DIR, which can be stopped and started again on the same port (the
 * same origin, so the browser keeps a service worker and storage): `stop()`, `start()`.
 */
async function serve({ routes, headers }) {
  let endpoint = null;
  let server = await startStatic({ dir: DIST_DIR, routes, headers });
  const { port, origin } = server;
  return {
    origin,
    url: `${origin}/`,
    headers,
    routes,
    setEndpoint(url) {
      endpoint = url;
      server?.setEndpoint(url);
    },
    async stop() {
      await server?.close();
      server = null;
    },
    async start() {
      if (!server) server = await startStatic({ dir: DIST_DIR, port, headers, routes, endpoint });
    },
    async close() {
      await server?.close();
    },
  };
}
