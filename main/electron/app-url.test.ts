import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from './app-url.js';

describe('isAppUrl', () => {
  it.each([
    APP_ENTRY_URL,
    `${APP_ORIGIN}/`,
    `${APP_ORIGIN}/assets/index-abc.js`,
    `${APP_ORIGIN}/index.html?x=1#y`,
  ])('accepts %s', (url) => expect(isAppUrl(url)).toBe(true));

  it.each([
    'weft://other/index.html',
    'weft://app.evil.example/',
    'weft://app@evil.example/',
    'weft://user:pass@app/',
    'weft://app:8080/',
    'WEFT://APP/',
    'https://app/',
    'http://localhost:5173/',
    'file:///home/me/index.html',
    'blob:weft://app/1234',
    'data:text/html,<p>hi</p>',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
    '',
  ])('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));
});
