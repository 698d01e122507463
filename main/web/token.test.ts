import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkToken, cookieValues, createToken, tokenCookie, tokenMatches } from './token.js';

function req(headers: Record<string, string>): IncomingMessage {
  return { headers } as unknown as IncomingMessage;
}

describe('access token', () => {
  it('is 32 random bytes as base64url, new each time', () => {
    const a = createToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(createToken()).not.toBe(a);
  });

  it('matches only itself, whatever the length of the value given', () => {
    const token = createToken();
    expect(tokenMatches(token, token)).toBe(true);
    for (const other of ['', token.slice(1), `${token}x`, createToken(), 'x'.repeat(10_000)]) {
      expect(tokenMatches(token, other)).toBe(false);
    }
  });

  it('reads cookies by exact name, every value of the name', () => {
    expect(cookieValues('a=1; weft_token=abc; b=2', 'weft_token')).toEqual(['abc']);
    expect(cookieValues('xweft_token=1;weft_token=2; weft_token=3', 'weft_token')).toEqual(['2', '3']);
    expect(cookieValues(undefined, 'weft_token')).toEqual([]);
    expect(cookieValues('garbage', 'weft_token')).toEqual([]);
  });

  it('is found in the query, a cookie or a bearer header', () => {
    const t = createToken();
    const none = new URLSearchParams();
    expect(checkToken(t, req({}), new URLSearchParams({ token: t }))).toEqual({ ok: true, via: 'query' });
    expect(checkToken(t, req({ cookie: `weft_token=${t}` }), none)).toEqual({ ok: true, via: 'cookie' });
    expect(checkToken(t, req({ authorization: `Bearer ${t}` }), none)).toEqual({ ok: true, via: 'header' });
    expect(checkToken(t, req({ authorization: `bearer  ${t} ` }), none)).toEqual({ ok: true, via: 'header' });
    // A stale cookie of an earlier server beside the right query token still passes.
    expect(checkToken(t, req({ cookie: 'weft_token=old' }), new URLSearchParams({ token: t })).ok).toBe(true);
  });

  it('is missing or wrong otherwise', () => {
    const t = createToken();
    expect(checkToken(t, req({}), new URLSearchParams())).toEqual({ ok: false, reason: 'missing' });
    expect(checkToken(t, req({ authorization: `Basic ${t}` }), new URLSearchParams())).toEqual({
      ok: false,
      reason: 'missing',
    });
    expect(checkToken(t, req({ cookie: 'weft_token=nope' }), new URLSearchParams({ token: 'x' }))).toEqual({
      ok: false,
      reason: 'wrong',
    });
  });

  it('sets a cookie scripts cannot read and other sites do not send', () => {
    expect(tokenCookie('abc')).toBe('weft_token=abc; HttpOnly; SameSite=Strict; Path=/');
  });
});
