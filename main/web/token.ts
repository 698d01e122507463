// The browser mode's access token: made once per `weft serve`, printed in its URL, and required on every
// request (page, asset, socket, REST). It is the only thing that stops another local program, or a web
// page the user visits, from driving the editor — so it is long, random and compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_PARAM } from '../../preload/contract.js';

/** The cookie that carries the token for a page's assets and socket, once the page was opened with it. */
export const TOKEN_COOKIE = 'weft_token';

/** 32 random bytes, base64url (43 characters): safe in a URL, a cookie and a header as it is. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

// Both sides are hashed first so that the comparison takes the same time whatever the given value's
// length (timingSafeEqual itself needs equal lengths, and an early length check would tell it).
function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Whether `given` is the token, compared in constant time. */
export function tokenMatches(token: string, given: string): boolean {
  return timingSafeEqual(digest(token), digest(given));
}

/** Where a request carried its token (the first that matched), or why it is refused. */
export type TokenCheck =
  { ok: true; via: 'query' | 'cookie' | 'header' } | { ok: false; reason: 'missing' | 'wrong' };

/** The values of every cookie named `name` in a Cookie header (a browser may send more than one). */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (header === undefined) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    values.push(part.slice(eq + 1).trim());
  }
  return values;
}

function bearer(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match?.[1];
}

/**
 * Checks the token of a request: the `token` query parameter, the `weft_token` cookie, or an
 * `Authorization: Bearer` header. Any one that matches is enough; a request that carries none is
 * `missing`, one whose values all differ is `wrong`.
 */
export function checkToken(token: string, req: IncomingMessage, query: URLSearchParams): TokenCheck {
  const candidates: Array<[via: 'query' | 'cookie' | 'header', value: string]> = [
    ...query.getAll(TOKEN_PARAM).map((v): ['query', string] => ['query', v]),
    ...cookieValues(req.headers.cookie, TOKEN_COOKIE).map((v): ['cookie', string] => ['cookie', v]),
  ];
  const header = bearer(req.headers.authorization);
  if (header !== undefined) candidates.push(['header', header]);
  // Bounded, so that a request cannot make the server hash a thousand values.
  for (const [via, value] of candidates.slice(0, 8)) if (tokenMatches(token, value)) return { ok: true, via };
  return { ok: false, reason: candidates.length === 0 ? 'missing' : 'wrong' };
}

/** The Set-Cookie value that lets a page opened with `?token=` load its assets and open its socket. */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
