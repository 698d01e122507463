// The built editor (dist/renderer/) as static files. Any path that is not a file is the single-page
// app's own route and gets index.html; nothing outside the folder is ever read, however the path is
// encoded; and a checkout where the editor is not built yet says so instead of answering 404s.
import { createReadStream, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sendText } from './responses.js';

/**
 * Where the built editor is: beside the bundle. The CLI is bundled to dist/cli/weft.js, so from there
 * this is dist/renderer/ (in the TypeScript sources it points nowhere useful; tests pass their own).
 */
export function defaultRendererDir(): string {
  return fileURLToPath(new URL('../renderer/', import.meta.url));
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The content type of a file by its extension. */
export function contentTypeOf(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Weft: the editor is not built</title></head>
<body><h1>The editor is not built</h1>
<p>This Weft checkout has no built editor (<code>dist/renderer/index.html</code> is missing).
Run <code>npm run build</code> in the checkout, then reload this page.</p>
<p>The REST API under <code>/api/v1/</code> works without it.</p></body></html>
`;

/**
 * The path's segments, percent-decoded, or undefined when the path tries to leave the folder or
 * cannot be a file name: `..` or `.` segments (also encoded), separators or NUL inside a segment,
 * bad percent-encoding, and dot-files.
 */
export function safeSegments(pathname: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment.startsWith('.') || /[/\\\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

/** Serves GET and HEAD requests for the files of `root`. */
export interface StaticFiles {
  /** Answers the request; `headers` go on a successful answer (the token cookie). */
  serve(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
    headers?: Record<string, string>,
  ): Promise<void>;
}

async function fileStat(file: string): Promise<Stats | undefined> {
  try {
    const s = await stat(file);
    return s.isFile() ? s : undefined;
  } catch {
    return undefined;
  }
}

export function createStaticFiles(root: string): StaticFiles {
  // Resolved once the folder exists: the editor may be built while the server runs.
  let realRoot: string | undefined;
  async function rootDir(): Promise<string | undefined> {
    try {
      realRoot ??= await realpath(root);
      return realRoot;
    } catch {
      return undefined;
    }
  }

  /** The file for `segments` if it is a regular file inside the root (symbolic links included). */
  async function find(
    base: string,
    segments: readonly string[],
  ): Promise<{ file: string; stats: Stats } | undefined> {
    const candidate = join(base, ...segments);
    const stats = await fileStat(candidate);
    if (stats === undefined) return undefined;
    const real = await realpath(candidate).catch(() => undefined);
    if (real === undefined || !real.startsWith(base + sep)) return undefined;
    return { file: real, stats };
  }

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    found: { file: string; stats: Stats },
    cache: string,
    headers: Record<string, string>,
  ): void {
    res.writeHead(200, {
      'Content-Type': contentTypeOf(found.file),
      'Content-Length': found.stats.size,
      'Cache-Control': cache,
      ...headers,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(found.file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  return {
    async serve(req, res, pathname, headers = {}) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendText(res, 405, 'only GET and HEAD are allowed here', { Allow: 'GET, HEAD' });
        return;
      }
      const segments = safeSegments(pathname);
      if (segments === undefined) {
        sendText(res, 404, 'not found');
        return;
      }
      const base = await rootDir();
      const index = base === undefined ? undefined : await find(base, ['index.html']);
      if (base === undefined || index === undefined) {
        res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : NOT_BUILT);
        return;
      }
      const found = segments.length === 0 ? undefined : await find(base, segments);
      if (found !== undefined && found.file !== index.file) {
        // Vite names its bundles by content hash under assets/: those never change.
        const immutable = segments[0] === 'assets' && segments.length > 1;
        send(req, res, found, immutable ? 'private, max-age=31536000, immutable' : 'no-cache', headers);
        return;
      }
      // A missing file with an extension is a broken link, not a route of the app.
      const last = segments.at(-1);
      if (found === undefined && last !== undefined && extname(last) !== '') {
        sendText(res, 404, 'not found');
        return;
      }
      send(req, res, index, 'no-store', headers);
    },
  };
}
