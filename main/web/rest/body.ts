// Request bodies of the REST API: JSON only, bounded in size while they arrive (not after), and parsed
// without prototype keys. Each failure is an ApiError with the status the router answers it with.
import type { IncomingMessage } from 'node:http';
import sjson from 'secure-json-parse';
import type { ApiError } from '../../../preload/contract.js';

/** Largest body: a 10 MiB document (the engine's limit) with room for the fields around it. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024 + 64 * 1024;

/** A body that cannot be used: the answer's status and error. */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiError,
  ) {
    super(error.message);
    this.name = 'BodyError';
  }
}

function isJsonType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

function tooLarge(limit: number): BodyError {
  return new BodyError(413, { code: 'TOO_LARGE', message: `the body is over the ${limit}-byte limit` });
}

/** The raw bytes of the body, refused as soon as they pass `limit`. */
function readBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (error: Error | undefined): void => {
      if (done) return;
      done = true;
      req.off('data', onData);
      if (error === undefined) resolve(Buffer.concat(chunks, size));
      else reject(error);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        // Nothing more is read; the answer closes the connection (see the router).
        req.pause();
        finish(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish(undefined));
    req.once('error', (error) => finish(error));
    req.once('close', () =>
      finish(new BodyError(400, { code: 'INVALID_INPUT', message: 'the body ended early' })),
    );
  });
}

/**
 * The body parsed as JSON, or `undefined` when there is none. A body must be declared as JSON (which
 * also keeps a web page's plain form posts out), be valid JSON, and hold no `__proto__` key.
 */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const bytes = await readBytes(req, limit);
  if (bytes.length === 0) return undefined;
  if (!isJsonType(req.headers['content-type'])) {
    throw new BodyError(415, {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'the body must be JSON (Content-Type: application/json)',
    });
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  try {
    return sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new BodyError(400, {
      code: 'INVALID_INPUT',
      message: `the body is not valid JSON: ${detail}`,
      path: '$',
    });
  }
}
