/**
 * The local browser host: serves the built renderer and the same API handlers as Electron, on 127.0.0.1 only.
 * Every /api call needs the per-run token (sent as a header, so other local pages cannot call it), a Host
 * header naming this server, and a valid input; bodies are size-limited. The app's shell (HTML, scripts,
 * styles) is served without the token: it holds no data, and reads the token from the address's fragment.
 * Nothing is logged about documents.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseInput, fail, type Result } from '../api/contract.js';
import type { Handlers } from '../api/handlers.js';
import { isMethod } from '../api/methods.js';

export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const MAX_BODY = 80 * 1024 * 1024;
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json' };

export interface BrowserHost {
  url: string;
  token: string;
  port: number;
  close: () => Promise<void>;
}

export interface HostOptions {
  handlers: Handlers;
  /** Folder with the built renderer (index.html); without it only the API is served. */
  staticDir?: string;
  port?: number;
  token?: string;
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  });
  res.end(body);
}

function sendResult(res: http.ServerResponse, status: number, result: Result<unknown>): void {
  send(res, status, JSON.stringify(result));
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startBrowserHost(opts: HostOptions): Promise<BrowserHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const staticDir = opts.staticDir ? path.resolve(opts.staticDir) : undefined;
  let port = 0;
  const server = http.createServer(async (req, res) => {
    try {
      const host = req.headers.host ?? '';
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return sendResult(res, 403, fail('Forbidden', 'Wrong host.'));
      const url = new URL(req.url ?? '/', `http://${host}`);
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return sendResult(res, 405, fail('BadInput', 'Use POST.'));
        if (!sameToken(String(req.headers['x-nrm-token'] ?? ''), token)) return sendResult(res, 403, fail('Forbidden', 'Missing or wrong token.'));
        const method = url.pathname.slice(5);
        if (!isMethod(method)) return sendResult(res, 404, fail('NotFound', `No method ${method}.`));
        const body = await readBody(req);
        if (body === null) return sendResult(res, 413, fail('too-large', 'The request is too large.'));
        let raw: unknown;
        try {
          raw = body ? JSON.parse(body) : {};
        } catch {
          return sendResult(res, 400, fail('BadInput', 'The request is not JSON.'));
        }
        const parsed = parseInput(method, raw);
        if (!parsed.ok) return sendResult(res, 400, parsed.result);
        const handler = opts.handlers[method] as (i: unknown) => Promise<Result<unknown>>;
        return sendResult(res, 200, await handler(parsed.value));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendResult(res, 405, fail('BadInput', 'Method not allowed.'));
      if (!staticDir) return sendResult(res, 404, fail('NotFound', 'No user interface is built; run npm run build.'));
      let rel: string;
      try {
        rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
      } catch {
        return sendResult(res, 400, fail('BadInput', 'The address is not valid.'));
      }
      const file = path.resolve(staticDir, '.' + rel);
      if (!file.startsWith(staticDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return sendResult(res, 404, fail('NotFound', 'Not found.'));
      return send(res, 200, fs.readFileSync(file), TYPES[path.extname(file)] ?? 'application/octet-stream');
    } catch {
      return sendResult(res, 500, fail('Internal', 'Unexpected error.'));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
