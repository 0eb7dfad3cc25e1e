// A fault-injecting HTTP proxy for the end-to-end tests: it sits between the widget and the real
// intake receiver and, request by request, passes the request through or misbehaves as told.
//
//   const proxy = await startFaultProxy({ target: intake.url });
//   web.setEndpoint(proxy.submissionsUrl);       // the widget now sends through the proxy
//   proxy.respond(500, { times: 3 });            // the next three POSTs get a 500, then through
//   proxy.respond(503, { times: 1, retryAfter: '1' });  // or a function, called when answering
//   proxy.hang();                                // every POST from now on: never answered
//   proxy.drop({ times: 1 });                    // the next POST: connection closed, no answer
//   proxy.loseResponse({ times: 1 });            // forwarded (the intake stores it), answer lost
//   proxy.pass();                                // forget every rule: pass everything through
//   proxy.posts()                                // what it received (see `received` below)
//   await proxy.close();
//
// Rules apply to POST requests, oldest first; a rule with `times` is used that many times and
// then forgotten, one without stays until `pass()`. Anything no rule applies to, and every CORS
// preflight (OPTIONS), is passed through to the target unchanged (Host aside), so the intake's
// own CORS answers reach the browser. A made-up answer (`respond`) carries the CORS headers the
// intake would send (`Access-Control-Allow-Origin` for the request's Origin, `Retry-After`
// exposed), or the browser would see a network error instead of the status.
//
// Every answer says `Connection: close`, so the browser never reuses a connection: a dropped
// connection is then one failed attempt, not a silent browser-level resend on a reused socket.

import http from 'node:http';

const EXPOSE_HEADERS = 'Idempotent-Replayed, Retry-After';

/**
 * @typedef {{ n: number, method: string, url: string, path: string, search: string,
 *   headers: Record<string, string | string[] | undefined>, body: string, at: number,
 *   outcome: string, status?: number, responseHeaders?: object, retryAfter?: string,
 *   closedAt?: number }} Received
 * `status` and `responseHeaders` are what the intake answered (forwarded requests) or the status
 * made up; `closedAt` is when the browser closed a request left hanging.
 */

/**
 * Starts the proxy in front of `target` (e.g. 'http://127.0.0.1:8081').
 * @param {{ target: string, host?: string, port?: number }} options
 */
export async function startFaultProxy({ target, host = '127.0.0.1', port = 0 }) {
  const upstream = new URL(target);
  /** @type {Received[]} */
  const received = [];
  /** @type {Array<{ kind: string, times: number, status?: number, retryAfter?: string, body?: string }>} */
  let rules = [];
  const sockets = new Set();
  const waiters = new Set();

  function notify() {
    for (const w of [...waiters]) w();
  }

  function takeRule(method) {
    if (method !== 'POST') return { kind: 'pass' };
    const rule = rules.find((r) => r.times > 0);
    if (!rule) return { kind: 'pass' };
    rule.times -= 1;
    rules = rules.filter((r) => r.times > 0);
    return rule;
  }

  function corsHeaders(req) {
    const origin = req.headers.origin;
    return origin
      ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': EXPOSE_HEADERS, Vary: 'Origin' }
      : {};
  }

  /** Forwards the request; resolves with the upstream status, headers and body. */
  function forward(req, body) {
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: upstream.host, connection: 'close' };
      const out = http.request(
        { protocol: upstream.protocol, hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });
  }

  function answer(res, status, headers, body) {
    const h = { ...headers };
    for (const k of Object.keys(h)) {
      if (['connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(k.toLowerCase())) delete h[k];
    }
    res.writeHead(status, { ...h, 'Content-Length': body.length, Connection: 'close' });
    res.end(body);
  }

  const server = http.createServer((req, res) => {
    res.shouldKeepAlive = false;
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const parsed = new URL(req.url, 'http://proxy.invalid');
      const record = {
        n: received.length + 1,
        method: req.method,
        url: req.url,
        path: parsed.pathname,
        search: parsed.search,
        headers: { ...req.headers },
        body: body.toString('utf8'),
        at: Date.now(),
        outcome: 'pending',
      };
      received.push(record);
      const rule = takeRule(req.method);
      notify();
      try {
        switch (rule.kind) {
          case 'status': {
            const headers = { 'Content-Type': 'application/json', ...corsHeaders(req) };
            const retryAfter = typeof rule.retryAfter === 'function' ? rule.retryAfter() : rule.retryAfter;
            if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
            record.retryAfter = retryAfter;
            const text = rule.body ?? JSON.stringify({ status: 'error', code: 'fault-injected', message: `status ${rule.status} from the test proxy` });
            record.outcome = `status ${rule.status}`;
            record.status = rule.status;
            answer(res, rule.status, headers, Buffer.from(text));
            break;
          }
          case 'hang':
            // Never answered; the browser gives up (its timeout) or the proxy closes.
            record.outcome = 'hung';
            req.socket.once('close', () => {
              record.closedAt = Date.now();
              notify();
            });
            break;
          case 'drop':
            record.outcome = 'dropped';
            req.socket.destroy();
            break;
          case 'lose-response': {
            const up = await forward(req, body);
            record.outcome = 'forwarded, answer lost';
            record.status = up.status;
            record.responseHeaders = up.headers;
            req.socket.destroy();
            break;
          }
          default: {
            const up = await forward(req, body);
            record.outcome = 'passed';
            record.status = up.status;
            record.responseHeaders = up.headers;
            answer(res, up.status, up.headers, up.body);
          }
        }
      } catch (e) {
        record.outcome = `proxy error: ${e.message}`;
        if (!res.headersSent) answer(res, 502, { 'Content-Type': 'text/plain', ...corsHeaders(req) }, Buffer.from('Bad gateway\n'));
        else res.destroy();
      }
      notify();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: actualPort } = server.address();
  const origin = `http://${host}:${actualPort}`;

  function addRule(kind, { times = Infinity, ...rest } = {}) {
    if (!(times > 0)) throw new Error(`times must be positive, got ${times}`);
    rules.push({ kind, times, ...rest });
  }

  return {
    origin,
    url: `${origin}/`,
    /** The intake's submissions address, through the proxy. */
    submissionsUrl: `${origin}/submissions`,
    /** Every request received, in order (preflights included). */
    received,
    /** The POSTs received, in order. */
    posts: () => received.filter((r) => r.method === 'POST'),
    /** The CORS preflights received. */
    preflights: () => received.filter((r) => r.method === 'OPTIONS'),
    /**
     * Answers the next POSTs with `status`, optionally with a `Retry-After` header (a value, or a
     * function giving one when the answer is made, e.g. an HTTP date).
     */
    respond(status, { times, retryAfter, body } = {}) {
      addRule('status', { times, status, retryAfter, body });
    },
    /** Never answers the next POSTs. */
    hang({ times } = {}) {
      addRule('hang', { times });
    },
    /** Closes the connection of the next POSTs without answering (nothing is forwarded). */
    drop({ times } = {}) {
      addRule('drop', { times });
    },
    /** Forwards the next POSTs (the intake acts on them) but closes the connection instead of answering. */
    loseResponse({ times } = {}) {
      addRule('lose-response', { times });
    },
    /** Forgets every rule: everything passes through from now on. */
    pass() {
      rules = [];
    },
    /** Resolves once `predicate(received)` holds (checked on every request and outcome). */
    waitFor(predicate, { timeout = 10_000, message = 'the proxy to see a request' } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          let ok;
          try {
            ok = predicate(received);
          } catch (e) {
            ok = false;
          }
          if (ok) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(ok);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out after ${timeout} ms waiting for ${message}; received: ${summary()}`));
        }, timeout);
        waiters.add(check);
        check();
      });
    },
    /** A readable list of what was received, for failure messages. */
    summary,
    close() {
      return new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      });
    },
  };

  function summary() {
    if (received.length === 0) return '(nothing)';
    const t0 = received[0].at;
    return received.map((r) => `#${r.n} +${r.at - t0} ms ${r.method} ${r.url} → ${r.outcome}`).join('; ');
  }
}
