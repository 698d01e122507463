import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp.js';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol.js';

let base: string;
let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'weft-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Weft</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, '.env'), 'SECRET=1');
  writeFileSync(join(base, 'secret.txt'), 'outside the editor');
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(base, 'renderer-evil', 'x.js'), 'sibling folder');
  handler = createAppProtocolHandler({ root });
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('the scheme registration', () => {
  it('is standard and secure, with fetch, and no CSP bypass, CORS or service workers', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'weft',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    });
  });
});

describe('the app protocol handler', () => {
  it('serves the editor’s files with their types and the CSP', async () => {
    const page = await get('weft://app/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Weft</title>');

    const script = await get('weft://app/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    expect((await get('weft://app/assets/index-abc.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
  });

  it('serves index.html at the root and for the app’s own routes', async () => {
    expect(await (await get('weft://app/')).text()).toContain('Weft');
    expect(await (await get('weft://app/workflows/wf_1')).text()).toContain('Weft');
  });

  it.each([
    'weft://app/../secret.txt',
    'weft://app/%2e%2e/secret.txt',
    'weft://app/assets/%2e%2e/%2e%2e/secret.txt',
    'weft://app/..%2fsecret.txt',
    'weft://app/..%5csecret.txt',
    'weft://app/%2e%2e%2f%2e%2e%2fsecret.txt',
    'weft://app/../renderer-evil/x.js',
    'weft://app/.env',
    'weft://app/assets/%00.js',
    'weft://app/%E0%A4%A.js',
    'weft://app/missing.js',
  ])('answers 404 to %s, with nothing from outside', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(text).not.toContain('outside the editor');
    expect(text).not.toContain('sibling folder');
    expect(text).not.toContain('SECRET');
  });

  it('answers only our host', async () => {
    expect((await get('weft://other/index.html')).status).toBe(404);
  });

  it('answers GET and HEAD only', async () => {
    expect((await get('weft://app/index.html', 'POST')).status).toBe(405);
    const head = await get('weft://app/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('says so when the editor is not built', async () => {
    const empty = createAppProtocolHandler({ root: join(base, 'nowhere') });
    const response = await empty(new Request('weft://app/'));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('npm run build');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
