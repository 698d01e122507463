import { defineNode, NodeRunError } from '../sdk/index.js';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface HttpParams {
  readonly method?: HttpMethod;
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  readonly timeoutMs?: number;
}

/** What `core.http` emits on `out`. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

export const DEFAULT_HTTP_TIMEOUT_MS = 30_000;
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

function isJsonType(contentType: string | null): boolean {
  return contentType !== null && /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType.trim());
}

function requestInit(params: HttpParams, method: HttpMethod): { headers: Headers; body?: string } {
  const headers = new Headers();
  for (const [name, value] of Object.entries(params.headers ?? {})) headers.set(name, String(value));
  const { body } = params;
  if (body === undefined || body === null) return { headers };
  if (method === 'GET' || method === 'HEAD') {
    throw new NodeRunError(`a ${method} request cannot have a body; remove params.body or change the method`, 'NODE_ERROR', false);
  }
  if (typeof body === 'string') return { headers, body };
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  return { headers, body: JSON.stringify(body) };
}

function statusError(method: string, url: string, status: number, statusText: string, text: string): NodeRunError {
  const snippet = text.length > 200 ? `${text.slice(0, 200)}…` : text;
  const message = `${method} ${url} answered ${status}${statusText ? ` ${statusText}` : ''}${snippet ? `: ${snippet}` : ''}`;
  // Rate limits and server errors may pass; another client error will not, so it is not retried.
  return new NodeRunError(message, 'HTTP_ERROR', status === 429 || status >= 500);
}

function describeFailure(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (cause && typeof cause.message === 'string') return typeof cause.code === 'string' ? `${cause.code}: ${cause.message}` : cause.message;
  return e instanceof Error ? e.message : String(e);
}

/** Sends one HTTP request and emits the response. */
export const httpNode = defineNode<HttpParams>({
  type: 'core.http',
  title: 'HTTP request',
  category: 'Network',
  tags: ['http', 'fetch', 'api', 'rest', 'request', 'web'],
  description:
    'Sends an HTTP request and emits { status, headers, body }; a JSON response body is parsed. Network errors, 429 and 5xx are retryable failures; other 4xx are not.',
  inputs: [{ name: 'in', type: 'any', required: false, description: 'Available to templates as input.in' }],
  outputs: [{ name: 'out', type: 'object', description: '{ status, headers, body }' }],
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['url'],
    properties: {
      method: { type: 'string', enum: HTTP_METHODS, title: 'Method', description: 'The HTTP method.', default: 'GET' },
      url: { type: 'string', minLength: 1, title: 'URL', description: 'An absolute http(s) URL; may use {{ }} templates.' },
      headers: {
        type: 'object',
        additionalProperties: { type: 'string' },
        title: 'Headers',
        description: 'Request headers by name.',
        default: {},
      },
      body: {
        title: 'Body',
        description: 'Sent as is when text; anything else is sent as JSON (content-type application/json unless set).',
      },
      timeoutMs: {
        type: 'number',
        minimum: 1,
        maximum: MAX_TIMEOUT_MS,
        title: 'Timeout (ms)',
        description: 'Give up after this many milliseconds (a retryable TIMEOUT).',
        default: DEFAULT_HTTP_TIMEOUT_MS,
      },
    },
  },
  async run({ params, signal, log }) {
    const method = (params.method ?? 'GET').toUpperCase() as HttpMethod;
    const { url } = params;
    if (typeof url !== 'string' || url === '') throw new NodeRunError('params.url must be a non-empty string', 'NODE_ERROR', false);
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      throw new NodeRunError(`params.url ${JSON.stringify(url)} is not an absolute http(s) URL`, 'NODE_ERROR', false);
    }
    if (!HTTP_METHODS.includes(method)) throw new NodeRunError(`params.method ${JSON.stringify(params.method)} is not supported`, 'NODE_ERROR', false);
    const timeoutMs = params.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const init = requestInit(params, method);

    try {
      const res = await fetch(url, { method, ...init, signal: AbortSignal.any([signal, timeout]) });
      const text = await res.text();
      if (res.status >= 400) throw statusError(method, url, res.status, res.statusText, text);
      let body: unknown = text;
      if (isJsonType(res.headers.get('content-type')) && text.trim() !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          log.warn(`${method} ${url}: the response says JSON but does not parse; emitting it as text`);
        }
      }
      return { out: { status: res.status, headers: Object.fromEntries(res.headers), body } satisfies HttpResponse };
    } catch (e) {
      if (e instanceof NodeRunError) throw e;
      if (signal.aborted) throw signal.reason;
      if (timeout.aborted) throw new NodeRunError(`${method} ${url} timed out after ${timeoutMs} ms`, 'TIMEOUT', true);
      throw new NodeRunError(`${method} ${url} failed: ${describeFailure(e)}`, 'NETWORK_ERROR', true);
    }
  },
});
