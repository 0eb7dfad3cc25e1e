// A small static file server for the end-to-end tests and for trying the built widget by hand.
//
//   node tests/e2e/lib/static-server.mjs --dir dist --port 8080 [--host 127.0.0.1] [--endpoint URL]
//
// Programmatic:
//
//   const server = await startStatic({ dir, host: '127.0.0.1', port: 0, headers: {}, endpoint, routes });
//   server.url       // 'http://127.0.0.1:PORT/'
//   server.origin    // 'http://127.0.0.1:PORT'
//   server.setEndpoint('http://127.0.0.1:9999/submissions');  // or null to serve pages unchanged
//   await server.close();
//
// - Serves files under `dir` only (no traversal, symlinks included); `/` and directories serve their
//   index.html; anything else is 404. GET and HEAD only.
// - Every response has `Cache-Control: no-store`, plus `headers` (e.g. a CSP to test against).
// - When an endpoint is set, every `data-endpoint` attribute value in served .html files is
//   replaced by it (quoted or, as minified Trunk output writes it, unquoted), so a test can point
//   the demo page at an intake receiver on a random port.
// - `routes` maps extra URL paths to `{ body, type? }` (or a function returning one), e.g. a
//   host page written by a test. HTML routes get the endpoint rewrite too.

import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The repository root (tests/e2e/lib → ../../..). */
export const REPO_ROOT = path.resolve(HERE, '..', '..', '..');

/** `s` escaped for an HTML attribute value in double quotes. */
export function escapeAttr(s) {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

// An attribute named data-endpoint and its value: "…", '…' or unquoted (HTML's rules).
const ENDPOINT_ATTR = /(\sdata-endpoint\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+)/gi;

/** Replaces every `data-endpoint` attribute's value in `html` with `endpoint`. */
export function rewriteEndpoint(html, endpoint) {
  if (endpoint == null) return html;
  return html.replace(ENDPOINT_ATTR, (_, before) => `${before}"${escapeAttr(endpoint)}"`);
}

/** The content type of `file`, by its extension. */
export function mimeOf(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Starts `server` listening on `host`:`port` (0: any free port); resolves to its origin. */
export async function listen(server, port, host) {
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  const hostForUrl = addr.family === 'IPv6' || addr.family === 6 ? `[${addr.address}]` : addr.address;
  return `http://${hostForUrl}:${addr.port}`;
}

function isHtml(type) {
  return type.startsWith('text/html');
}

/**
 * Starts the server. Resolves once it is listening.
 * @param {{dir?: string, host?: string, port?: number, headers?: Record<string,string>,
 *          endpoint?: string|null, routes?: Record<string, {body: string|Buffer, type?: string}
 *          | (() => {body: string|Buffer, type?: string})>}} [options]
 */
export async function startStatic({
  dir = path.join(REPO_ROOT, 'dist'),
  host = '127.0.0.1',
  port = 0,
  headers = {},
  endpoint = null,
  routes = {},
} = {}) {
  const root = await fs.realpath(path.resolve(dir));
  const rootStat = await fs.stat(root);
  if (!rootStat.isDirectory()) throw new Error(`${root} is not a directory`);
  let currentEndpoint = endpoint ?? null;

  function send(req, res, status, type, body) {
    const buf = Buffer.isBuffer(body) ? body : Buffer.from(String(body), 'utf8');
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': buf.length,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : buf);
  }

  function notFound(req, res) {
    send(req, res, 404, 'text/plain; charset=utf-8', 'Not found\n');
  }

  /** The real path of an existing regular file under root for `urlPath`, or null. */
  async function resolveFile(urlPath) {
    let decoded;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return null;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return null;
    const candidate = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
    if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;
    let real;
    try {
      real = await fs.realpath(candidate);
      let st = await fs.stat(real);
      if (st.isDirectory()) {
        real = await fs.realpath(path.join(real, 'index.html'));
        st = await fs.stat(real);
      }
      if (!st.isFile()) return null;
    } catch {
      return null;
    }
    // Symlinks must not lead out of the root either.
    if (!real.startsWith(root + path.sep)) return null;
    return real;
  }

  const server = http.createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        send(req, res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
        return;
      }
      const { pathname } = new URL(req.url, 'http://localhost');
      const route = Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
      if (route) {
        const { body, type = mimeOf(pathname) } = typeof route === 'function' ? route() : route;
        const out = isHtml(type) ? rewriteEndpoint(String(body), currentEndpoint) : body;
        send(req, res, 200, type, out);
        return;
      }
      const file = await resolveFile(pathname);
      if (!file) {
        notFound(req, res);
        return;
      }
      const type = mimeOf(file);
      let body = await fs.readFile(file);
      if (isHtml(type) && currentEndpoint != null) {
        body = rewriteEndpoint(body.toString('utf8'), currentEndpoint);
      }
      send(req, res, 200, type, body);
    } catch (e) {
      if (!res.headersSent) send(req, res, 500, 'text/plain; charset=utf-8', 'Server error\n');
      else res.destroy(e);
    }
  });

  const origin = await listen(server, port, host);
  return {
    url: `${origin}/`,
    origin,
    port: server.address().port,
    dir: root,
    get endpoint() {
      return currentEndpoint;
    },
    setEndpoint(url) {
      currentEndpoint = url ?? null;
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
    },
  };
}

function parseCli(argv) {
  const opts = { dir: 'dist', port: 8080, host: '127.0.0.1', endpoint: null };
  for (let i = 0; i < argv.length; i++) {
    let [flag, value] = argv[i].split(/=(.*)/s, 2);
    const take = () => {
      if (value !== undefined) return value;
      if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
      return argv[++i];
    };
    switch (flag) {
      case '--dir':
        opts.dir = take();
        break;
      case '--port': {
        const v = take();
        opts.port = Number(v);
        if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
          throw new Error(`--port ${v} is not a port number`);
        }
        break;
      }
      case '--host':
        opts.host = take();
        break;
      case '--endpoint':
        opts.endpoint = take();
        break;
      case '-h':
      case '--help':
        opts.help = true;
        break;
      default:
        throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  return opts;
}

const USAGE = `Usage: node tests/e2e/lib/static-server.mjs [--dir DIR] [--port PORT] [--host HOST] [--endpoint URL]

Serves DIR (default dist) on http://HOST:PORT/ (default 127.0.0.1:8080) with no caching.
--endpoint URL replaces every data-endpoint attribute in served HTML pages with URL.`;

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  let opts;
  try {
    opts = parseCli(process.argv.slice(2));
  } catch (e) {
    console.error(`static-server: ${e.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (opts.help) {
    console.log(USAGE);
    process.exit(0);
  }
  try {
    const server = await startStatic({
      dir: path.resolve(opts.dir),
      host: opts.host,
      port: opts.port,
      endpoint: opts.endpoint,
    });
    console.log(`widget on ${server.url}`);
    const stop = () => server.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (e) {
    console.error(`static-server: ${e.message}`);
    process.exit(1);
  }
}
