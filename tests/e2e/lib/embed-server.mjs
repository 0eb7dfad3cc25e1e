// A small HTTP server for the embedding tests (embed.test.mjs) and the benchmark (tests/bench):
// one server per origin, serving the built widget under any folder, host pages written by the
// test, and whatever response headers the test needs (a Content-Security-Policy on pages, CORS
// on assets). Every request's path is recorded.
//
//   const s = await startEmbedServer({
//     mounts: { '/cdn/wellbeing/': DIST_DIR },            // URL folder → directory
//     routes: { '/host.html': { body, type, headers } },  // or a function returning one
//     headers: (pathname, type) => ({ 'Content-Security-Policy': '…' }),
//   });
//   s.origin            // 'http://127.0.0.1:PORT'
//   s.route('/late.html', { body })                       // add or replace a route after start
//   s.requests          // ['/host.html', '/cdn/wellbeing/wellbeing.js', …]
//   await s.close();
//
// GET and HEAD only; `Cache-Control: no-store`; files only under their mount (no traversal, no
// symlinks out); folders and unknown paths are 404. Unlike static-server.mjs it never rewrites
// served files: a test that needs a changed page writes it as a route. With `compress: true`
// text and .wasm answers are sent brotli-compressed (quality 11) to clients that accept `br`, as
// a production web server or CDN would.

import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { listen, mimeOf } from './static-server.mjs';

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|wasm)|image\/svg)/;

const compressed = new Map();

/** Brotli at quality 11 (the most), as `.ci/size-report.mjs` measures; remembered by content. */
export function brotli(buf) {
  const key = crypto.createHash('sha256').update(buf).digest('hex');
  let out = compressed.get(key);
  if (!out) {
    out = zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    });
    compressed.set(key, out);
  }
  return out;
}

/** @typedef {{ body: string|Buffer, type?: string, headers?: Record<string,string> }} Route */

/**
 * `headers` are added to every 200 answer (a function gets the path and content type); a route's
 * own `headers` come last.
 * @param {{ host?: string, port?: number,
 *           mounts?: Record<string, string>,
 *           routes?: Record<string, Route | (() => Route)>,
 *           headers?: Record<string,string> | ((pathname: string, type: string) => Record<string,string>) }} [options]
 */
export async function startEmbedServer({
  host = '127.0.0.1',
  port = 0,
  mounts = {},
  routes = {},
  headers = {},
  compress = false,
} = {}) {
  const table = { ...routes };
  const roots = [];
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error(`mount ${prefix} must start and end with /`);
    roots.push([prefix, await fs.realpath(path.resolve(dir))]);
  }
  // Longest prefix first.
  roots.sort((a, b) => b[0].length - a[0].length);
  const requests = [];

  async function fileFor(pathname) {
    const mount = roots.find(([prefix]) => pathname.startsWith(prefix));
    if (!mount) return null;
    const [prefix, root] = mount;
    let rel;
    try {
      rel = decodeURIComponent(pathname.slice(prefix.length));
    } catch {
      return null;
    }
    if (rel === '' || rel.includes('\0') || rel.includes('\\')) return null;
    const candidate = path.resolve(root, '.' + path.posix.normalize('/' + rel));
    if (!candidate.startsWith(root + path.sep)) return null;
    try {
      const real = await fs.realpath(candidate);
      if (!real.startsWith(root + path.sep)) return null;
      if (!(await fs.stat(real)).isFile()) return null;
      return real;
    } catch {
      return null;
    }
  }

  function send(req, res, status, type, body, pathname, own = {}) {
    let buf = Buffer.isBuffer(body) ? body : Buffer.from(String(body), 'utf8');
    const extra = typeof headers === 'function' ? headers(pathname, type) : headers;
    const encoding = {};
    if (compress && status === 200 && COMPRESSIBLE.test(type) && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
      buf = brotli(buf);
      encoding['Content-Encoding'] = 'br';
      encoding.Vary = 'Accept-Encoding';
    }
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': buf.length,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...encoding,
      ...(status === 200 ? { ...extra, ...own } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : buf);
  }

  const server = http.createServer(async (req, res) => {
    let pathname = '/';
    try {
      pathname = new URL(req.url, 'http://localhost').pathname;
      requests.push(pathname);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        send(req, res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', pathname);
        return;
      }
      const route = Object.hasOwn(table, pathname) ? table[pathname] : undefined;
      if (route) {
        const { body, type = mimeOf(pathname), headers: own } = typeof route === 'function' ? route() : route;
        send(req, res, 200, type, body, pathname, own);
        return;
      }
      const file = await fileFor(pathname);
      if (!file) {
        send(req, res, 404, 'text/plain; charset=utf-8', 'Not found\n', pathname);
        return;
      }
      send(req, res, 200, mimeOf(file), await fs.readFile(file), pathname);
    } catch (e) {
      if (!res.headersSent) send(req, res, 500, 'text/plain; charset=utf-8', 'Server error\n', pathname);
      else res.destroy(e);
    }
  });

  const origin = await listen(server, port, host);
  return {
    origin,
    url: `${origin}/`,
    port: server.address().port,
    requests,
    route(pathname, spec) {
      table[pathname] = spec;
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
    },
  };
}

/**
 * The strict Content-Security-Policy, with the sources a page needs added:
 * `script`, `style`, `connect`, `frame`, `img` are lists of extra sources for those directives.
 * Same-origin assets need `'self'` in connect-src too: the widget fetches its .wasm.
 */
export function strictCsp({ script = [], style = [], connect = [], frame = [], img = [] } = {}) {
  const directives = [
    "default-src 'self'",
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...script].join(' '),
    ['style-src', "'self'", ...style].join(' '),
    ['connect-src', ...connect].join(' '),
  ];
  if (img.length) directives.push(['img-src', ...img].join(' '));
  if (frame.length) directives.push(['frame-src', ...frame].join(' '));
  return directives.join('; ');
}
