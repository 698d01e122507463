// The app protocol: serves the built editor (dist/renderer/, inside app.asar once packaged) at
// weft://app/, with the CSP header on every answer. Nothing outside the editor's folder can be read,
// however the path is encoded, and only our host answers. Electron's objects are not imported: app.ts
// passes `protocol.handle` this handler, which speaks the Fetch API's Request and Response.
import type { CustomScheme } from 'electron';
import { readFile as fsReadFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { contentTypeOf, safeSegments } from '../web/static-files.js';
import { APP_SCHEME, isAppUrl } from './app-url.js';
import { SECURITY_HEADERS } from './csp.js';

/**
 * How the scheme is registered (before `ready`): `standard` gives it an origin and relative URLs,
 * `secure` makes the page a secure context, `supportFetchAPI` lets the page load its own modules,
 * `codeCache` keeps compiled scripts between starts. Deliberately absent: `bypassCSP` (the CSP above must
 * apply), `corsEnabled` (no other origin may read our files), service workers and extensions.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

export interface AppProtocolOptions {
  /** The built editor's folder (the one holding index.html). */
  readonly root: string;
  /** Reads a file (default fs/promises' readFile, which Electron lets read inside app.asar). */
  readonly readFile?: (file: string) => Promise<Uint8Array>;
}

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Weft: the editor is not built</title></head>
<body><h1>The editor is not built</h1>
<p>This Weft checkout has no built editor (<code>dist/renderer/index.html</code> is missing).
Run <code>npm run build</code>, then reload (Ctrl+R in development).</p></body></html>
`;

function answer(status: number, body: Uint8Array | string | null, type: string, method: string): Response {
  const headers = { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-cache' };
  // A Response body is a BodyInit; a Uint8Array is one, but Node's types want an ArrayBuffer-backed view.
  const content =
    method === 'HEAD' || body === null ? null : typeof body === 'string' ? body : new Uint8Array(body);
  return new Response(content, { status, headers });
}

const text = (status: number, message: string, method: string): Response =>
  answer(status, `${message}\n`, 'text/plain; charset=utf-8', method);

/** The handler for `protocol.handle(APP_SCHEME, …)`. */
export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  const root = resolve(options.root);
  const read = options.readFile ?? fsReadFile;

  /** The file's bytes, or undefined when it is missing or not a file. */
  async function load(segments: readonly string[]): Promise<Uint8Array | undefined> {
    const file = join(root, ...segments);
    // safeSegments already refused `..`, separators and NUL; this is the last word on containment.
    if (!file.startsWith(root + sep)) return undefined;
    try {
      return await read(file);
    } catch {
      return undefined; // missing, a folder, unreadable: all "not found" to the page
    }
  }

  return async (request) => {
    const method = request.method.toUpperCase();
    if (!isAppUrl(request.url)) return text(404, 'not found', method);
    if (method !== 'GET' && method !== 'HEAD') return text(405, 'only GET and HEAD are allowed', method);
    const segments = safeSegments(new URL(request.url).pathname);
    if (segments === undefined) return text(404, 'not found', method);

    const path = segments.length === 0 ? ['index.html'] : segments;
    const body = await load(path);
    if (body !== undefined) return answer(200, body, contentTypeOf(path.at(-1) ?? ''), method);

    // A missing file with an extension is a broken link; anything else is a route of the single-page app.
    const last = segments.at(-1);
    if (last !== undefined && extname(last) !== '') return text(404, 'not found', method);
    const index = await load(['index.html']);
    if (index === undefined) return answer(404, NOT_BUILT, 'text/html; charset=utf-8', method);
    return answer(200, index, 'text/html; charset=utf-8', method);
  };
}
