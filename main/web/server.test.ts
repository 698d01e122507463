// The server's gate (Host, token, Origin) on each kind of request, the cookie a page gets, and the
// static files: content types, the single-page app's routes, traversal, security headers, not built.
import { afterEach, describe, expect, it } from 'vitest';
import { openSocket, rawRequest, webHarness, type WebHarness } from './testing.js';

let h: WebHarness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

async function start(options: Parameters<typeof webHarness>[0] = {}): Promise<WebHarness> {
  h = await webHarness(options);
  return h;
}

describe('the access token', () => {
  it('refuses a static file, the socket and a REST route without it or with a wrong one', async () => {
    const { server } = await start();
    for (const token of [undefined, 'wrong']) {
      const q = token === undefined ? '' : `?token=${token}`;
      const page = await rawRequest(server.port, `/index.html${q}`);
      expect(page.status).toBe(401);
      expect(page.headers['content-type']).toMatch(/^text\/plain/);
      expect(page.text).toContain('access token');
      const asset = await rawRequest(server.port, `/assets/app-1a2b.js${q}`);
      expect(asset.status).toBe(401);
      const rest = await rawRequest(server.port, `/api/v1/workspaces${q}`);
      expect(rest.status).toBe(401);
      expect(rest.json).toEqual({
        error: { code: 'UNAUTHORIZED', message: expect.stringContaining('access token') },
      });
      expect(rest.headers['www-authenticate']).toBe('Bearer');
      await expect(openSocket(server.port, token === undefined ? {} : { token })).rejects.toMatchObject({
        status: 401,
      });
    }
    const bearer = await rawRequest(server.port, '/api/v1/workspaces', {
      headers: { Authorization: 'Bearer wrong' },
    });
    expect(bearer.status).toBe(401);
  });

  it('gives a page opened with ?token= a cookie its assets and socket then carry', async () => {
    const { server } = await start();
    const page = await rawRequest(server.port, `/?token=${server.token}`);
    expect(page.status).toBe(200);
    const setCookie = page.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toBe(`weft_token=${server.token}; HttpOnly; SameSite=Strict; Path=/`);
    const cookie = setCookie.split(';')[0] ?? '';

    const asset = await rawRequest(server.port, '/assets/app-1a2b.js', { headers: { Cookie: cookie } });
    expect(asset.status).toBe(200);
    expect(asset.headers['set-cookie']).toBeUndefined();
    const socket = await openSocket(server.port, { headers: { Cookie: cookie } });
    expect((await socket.call('workspaces.list', {})).ok).toBe(true);
    await socket.close();
    const rest = await rawRequest(server.port, '/api/v1/workspaces', { headers: { Cookie: cookie } });
    expect(rest.status).toBe(200);
    expect(rest.headers['set-cookie']).toBeUndefined();
  });
});

describe('the Host and Origin guards', () => {
  it('refuses a Host that is not this server (DNS rebinding) on every kind of request', async () => {
    const { server } = await start();
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`]) {
      const page = await rawRequest(server.port, `/?token=${server.token}`, { headers: { Host: host } });
      expect(page.status, host).toBe(403);
      const rest = await rawRequest(server.port, '/api/v1/workspaces', {
        headers: { Host: host, Authorization: `Bearer ${server.token}` },
      });
      expect(rest.status, host).toBe(403);
      await expect(
        openSocket(server.port, { token: server.token, headers: { Host: host } }),
      ).rejects.toMatchObject({ status: 403 });
    }
    const local = await rawRequest(server.port, `/?token=${server.token}`, {
      headers: { Host: `localhost:${server.port}` },
    });
    expect(local.status).toBe(200);
  });

  it('refuses a socket or an API call from another origin, accepts its own', async () => {
    const { server } = await start();
    const own = `http://127.0.0.1:${server.port}`;
    await expect(
      openSocket(server.port, { token: server.token, headers: { Origin: 'http://evil.example' } }),
    ).rejects.toMatchObject({ status: 403 });
    const socket = await openSocket(server.port, { token: server.token, headers: { Origin: own } });
    await socket.close();
    const cross = await rawRequest(server.port, '/api/v1/workspaces', {
      headers: { Origin: 'http://evil.example', Authorization: `Bearer ${server.token}` },
    });
    expect(cross.status).toBe(403);
    const same = await rawRequest(server.port, '/api/v1/workspaces', {
      headers: { Origin: own, Authorization: `Bearer ${server.token}` },
    });
    expect(same.status).toBe(200);
  });

  it('answers a plain request to the socket path with 426, and an upgrade elsewhere with 404', async () => {
    const { server } = await start();
    expect((await rawRequest(server.port, `/ws?token=${server.token}`)).status).toBe(426);
    const wrong = await rawRequest(server.port, `/other?token=${server.token}`, {
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    });
    expect(wrong.status).toBe(404);
  });
});

describe('static files', () => {
  it('serves files with their content type and security headers', async () => {
    const { server } = await start();
    const auth = { Authorization: `Bearer ${server.token}` };
    const index = await rawRequest(server.port, '/', { headers: auth });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['cache-control']).toBe('no-store');
    expect(index.text).toContain('<title>Weft</title>');
    const csp = index.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['referrer-policy']).toBe('no-referrer');

    const js = await rawRequest(server.port, '/assets/app-1a2b.js', { headers: auth });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toContain('immutable');
    expect(js.text).toBe('console.log("weft");');
    const svg = await rawRequest(server.port, '/favicon.svg', { headers: auth });
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.headers['cache-control']).toBe('no-cache');
    const head = await rawRequest(server.port, '/assets/app-1a2b.js', { method: 'HEAD', headers: auth });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    const post = await rawRequest(server.port, '/', { method: 'POST', headers: auth });
    expect(post.status).toBe(405);
  });

  it('answers index.html for the app routes, 404 for a missing file', async () => {
    const { server } = await start();
    const auth = { Authorization: `Bearer ${server.token}` };
    for (const route of ['/workflows/wf_1', '/runs', '/a/b/c/']) {
      const page = await rawRequest(server.port, route, { headers: auth });
      expect(page.status, route).toBe(200);
      expect(page.text).toContain('<title>Weft</title>');
    }
    expect((await rawRequest(server.port, '/assets/missing.js', { headers: auth })).status).toBe(404);
  });

  it('never serves a file outside its folder, however the path is written', async () => {
    const { server } = await start();
    const auth = { Authorization: `Bearer ${server.token}` };
    for (const path of [
      '/../package.json',
      '/..%2fpackage.json',
      '/..%2F..%2F..%2Fetc%2Fpasswd',
      '/assets/..%2f..%2findex.html',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets%5c..%5c..%5cpackage.json',
      '/index.html%00.js',
      '/.env',
      '/%E0%A4%A',
      '//etc/passwd',
    ]) {
      const r = await rawRequest(server.port, path, { headers: auth });
      // A refused path answers 404; an app route that happens to contain dots answers index.html.
      expect([200, 404], path).toContain(r.status);
      expect(r.text, path).not.toContain('root:');
      expect(r.text, path).not.toContain('"name": "weft"');
      if (r.status === 200) expect(r.text).toContain('<title>Weft</title>');
    }
    expect((await rawRequest(server.port, '/..%2fpackage.json', { headers: auth })).status).toBe(404);
  });

  it('answers 503 with how to build it when the editor is not built, while the API works', async () => {
    const { server } = await start({ renderer: false });
    const page = await rawRequest(server.port, `/?token=${server.token}`);
    expect(page.status).toBe(503);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('npm run build');
    expect(page.text).toContain('not built');
    const api = await rawRequest(server.port, '/api/v1/workspaces', {
      headers: { Authorization: `Bearer ${server.token}` },
    });
    expect(api.status).toBe(200);
  });

  it('prints a URL with its host, port and token, and frees the port on close', async () => {
    const { server } = await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    await server.close();
    await expect(rawRequest(server.port, '/')).rejects.toThrow();
  });
});
