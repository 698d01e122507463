import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpNode, type HttpParams } from './http.node.js';
import { makeContext, paramsValid } from './testing.js';

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = req.url ?? '/';
  const status = /^\/status\/(\d+)$/.exec(path);
  if (path === '/json') {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-test': 'yes' }).end('{"ok":true,"n":[1,2]}');
  } else if (path === '/text') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('hello');
  } else if (path === '/echo') {
    const body = await readBody(req);
    const echoed = { method: req.method, contentType: req.headers['content-type'] ?? null, auth: req.headers.authorization ?? null, body };
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(echoed));
  } else if (status) {
    res.writeHead(Number(status[1]), { 'content-type': 'text/plain' }).end('nope');
  } else if (path === '/slow') {
    // Never answers: the client's timeout or abort has to end it.
  } else {
    res.writeHead(500).end();
  }
}

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The error a request fails with; a request that succeeds fails the test. */
async function failure(pending: Promise<unknown>): Promise<Error & { code?: string; retryable?: boolean }> {
  try {
    await pending;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the request to fail');
}

const request = (params: HttpParams, signal?: AbortSignal) =>
  httpNode.run(makeContext({ params, ...(signal ? { signal } : {}) })) as Promise<{ out: { status: number; headers: Record<string, string>; body: unknown } }>;

describe('core.http', () => {
  it('GETs JSON and parses it', async () => {
    const { out } = await request({ url: `${base}/json` });
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ ok: true, n: [1, 2] });
    expect(out.headers['x-test']).toBe('yes');
    expect(Object.getPrototypeOf(out.headers)).toBe(Object.prototype);
  });

  it('emits a text body as text', async () => {
    expect((await request({ url: `${base}/text` })).out.body).toBe('hello');
  });

  it('POSTs an object as JSON', async () => {
    const { out } = await request({ method: 'POST', url: `${base}/echo`, body: { a: 1 }, headers: { authorization: 'Bearer t' } });
    expect(out).toMatchObject({ status: 201, body: { method: 'POST', contentType: 'application/json', auth: 'Bearer t', body: '{"a":1}' } });
  });

  it('sends text as is and keeps a given content-type', async () => {
    const { out } = await request({ method: 'PUT', url: `${base}/echo`, body: '<a/>', headers: { 'Content-Type': 'application/xml' } });
    expect(out.body).toMatchObject({ method: 'PUT', contentType: 'application/xml', body: '<a/>' });
  });

  it('fails without retry on 404', async () => {
    await expect(request({ url: `${base}/status/404` })).rejects.toMatchObject({
      code: 'HTTP_ERROR',
      retryable: false,
      message: expect.stringContaining('404') as unknown,
    });
  });

  it.each([503, 500, 429])('fails retryably on %i, naming status and URL', async (status) => {
    const url = `${base}/status/${status}`;
    const error = await failure(request({ url }));
    expect(error).toMatchObject({ code: 'HTTP_ERROR', retryable: true });
    expect(error.message).toContain(String(status));
    expect(error.message).toContain(url);
  });

  it('times out with a retryable TIMEOUT', async () => {
    const started = performance.now();
    await expect(request({ url: `${base}/slow`, timeoutMs: 50 })).rejects.toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('fails retryably when the connection is refused', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(request({ url: `http://127.0.0.1:${port}/` }));
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', retryable: true });
    expect(error.message).toContain('ECONNREFUSED');
  });

  it("rejects with the signal's reason when aborted", async () => {
    const controller = new AbortController();
    const reason = new Error('run cancelled');
    setTimeout(() => controller.abort(reason), 30);
    await expect(request({ url: `${base}/slow` }, controller.signal)).rejects.toBe(reason);
  });

  it('refuses a bad URL and a GET body without retry', async () => {
    await expect(request({ url: 'not a url' })).rejects.toMatchObject({ retryable: false });
    await expect(request({ url: 'file:///etc/passwd' })).rejects.toMatchObject({ retryable: false });
    await expect(request({ url: `${base}/json`, body: { a: 1 } })).rejects.toMatchObject({ retryable: false });
  });

  it('validates params', () => {
    expect(paramsValid(httpNode, { url: 'https://example.com' })).toBe(true);
    expect(paramsValid(httpNode, { method: 'POST', url: 'https://x', headers: { a: 'b' }, body: [1], timeoutMs: 5 })).toBe(true);
    expect(paramsValid(httpNode, {})).toBe(false);
    expect(paramsValid(httpNode, { url: 'https://x', method: 'FETCH' })).toBe(false);
    expect(paramsValid(httpNode, { url: 'https://x', headers: { a: 1 } })).toBe(false);
    expect(paramsValid(httpNode, { url: 'https://x', timeoutMs: 0 })).toBe(false);
    expect(paramsValid(httpNode, { url: 'https://x', extra: 1 })).toBe(false);
  });
});
