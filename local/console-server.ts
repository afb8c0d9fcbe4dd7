import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { SigningKeys } from '#local/auth-keys';
import { mintToken, ROLES } from '#local/mint-token';
import { parseTokenArgs, UsageError } from '#local/token-args';

/** Every path the console owns; no API route lives under it (a unit test checks the catalog). */
export const CONSOLE_PREFIX = '/console';

export interface ConsoleServerOptions {
  /** The built console (index.html and assets/), or a promise of it while it builds. */
  dir: string | Promise<string>;
  keys: SigningKeys;
  /** The S3 emulator, to which the page's upload is relayed (the emulator answers no CORS preflight). */
  s3Endpoint: string;
  /** The imports bucket: only a PUT under its `imports/` area is relayed. */
  bucket: string;
}

export type ConsoleHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * The local-only part of the console, served by the local HTTP server beside the API (same origin, so
 * no CORS): the built page, its config (`auth.mode: local`), a token route that mints with the very code
 * `npm run token` uses, and an upload relay to the S3 emulator. None of this exists in the CDK app.
 */
export function consoleHandler(options: ConsoleServerOptions): ConsoleHandler {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;
    try {
      if (path === CONSOLE_PREFIX) return redirect(res, `${CONSOLE_PREFIX}/`);
      if (path === `${CONSOLE_PREFIX}/config.json` && req.method === 'GET') {
        return json(res, 200, { auth: { mode: 'local', roles: ROLES }, upload_relay: `${CONSOLE_PREFIX}/local/s3` });
      }
      if (path === `${CONSOLE_PREFIX}/local/token` && req.method === 'POST') {
        return await mint(req, res, options.keys);
      }
      if (path.startsWith(`${CONSOLE_PREFIX}/local/s3/${options.bucket}/imports/`) && req.method === 'PUT') {
        return await relayUpload(
          req,
          res,
          options.s3Endpoint,
          path.slice(`${CONSOLE_PREFIX}/local/s3`.length) + url.search,
        );
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return json(res, 405, { code: 'method_not_allowed', message: `${req.method} is not allowed on ${path}` });
      }
      return await serveFile(res, await options.dir, path.slice(CONSOLE_PREFIX.length + 1));
    } catch (error) {
      json(res, 500, { code: 'internal_error', message: (error as Error).message });
    }
  };
}

async function mint(req: IncomingMessage, res: ServerResponse, keys: SigningKeys): Promise<void> {
  let body: { role?: unknown; enterprise_uuid?: unknown };
  try {
    body = JSON.parse((await readAll(req)).toString('utf8') || '{}');
  } catch {
    return json(res, 400, { code: 'invalid_json', message: 'The body is not JSON', details: [] });
  }
  const argv = ['--role', String(body.role ?? '')];
  if (typeof body.enterprise_uuid === 'string' && body.enterprise_uuid !== '') {
    argv.push('--enterprise', body.enterprise_uuid);
  }
  try {
    const request = parseTokenArgs(argv);
    if (request === 'help') throw new UsageError('no role');
    const token = await mintToken(
      keys,
      { ...request.claims, sub: `console-${request.claims.roles[0]}` },
      {
        expiresIn: request.expiresIn,
      },
    );
    return json(res, 200, { token, expires_in: request.expiresIn });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const path = error.message.startsWith('--enterprise') ? 'body.enterprise_uuid' : 'body.role';
    return json(res, 400, {
      code: 'invalid_request',
      message: error.message,
      details: [{ path, message: error.message }],
    });
  }
}

/** Forwards a presigned PUT unchanged (path, query, signed headers) to the emulator, whose host it was signed for. */
async function relayUpload(req: IncomingMessage, res: ServerResponse, s3Endpoint: string, target: string) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name === 'content-type' || name.startsWith('x-amz-')) headers[name] = String(value);
  }
  const answer = await fetch(new URL(target, s3Endpoint), { method: 'PUT', headers, body: await readAll(req) });
  res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/xml' });
  res.end(Buffer.from(await answer.arrayBuffer()));
}

async function serveFile(res: ServerResponse, dir: string, relative: string): Promise<void> {
  const wanted = normalize(relative === '' ? 'index.html' : relative);
  if (wanted.startsWith('..') || wanted.includes(`${sep}..`)) {
    return json(res, 404, { code: 'not_found', message: 'No such file' });
  }
  const file = join(dir, wanted);
  const content = await readFile(file).catch(() => undefined);
  if (content === undefined) return json(res, 404, { code: 'not_found', message: `No console file ${relative}` });
  // Hashed assets never change; the page itself must be re-read to pick up a new build.
  const cache = wanted.startsWith(`assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': cache,
    'content-length': String(content.length),
  });
  res.end(content);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(308, { location, 'content-length': '0' });
  res.end();
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
