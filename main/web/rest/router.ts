// Routes `/api/v1/...` requests to the API: finds the route, gathers the method's input from the path,
// query and body (a body can never set a path's workspace), calls the shared connection, and answers the
// result or `{ "error": ApiError }` with a status by its code.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TOKEN_PARAM, type ApiError } from '../../../preload/contract.js';
import type { ApiConnection } from '../../rpc/api.js';
import { sendJson } from '../responses.js';
import { BodyError, readJsonBody } from './body.js';
import { buildOpenApi } from './openapi.js';
import { pathParams, routes, type RestRoute } from './routes.js';
import { statusOf } from './status.js';

/** The prefix every REST path starts with. */
export const API_PREFIX = '/api/v1';

interface Compiled {
  readonly route: RestRoute;
  readonly pattern: RegExp;
  readonly params: readonly string[];
}

const compiled: readonly Compiled[] = routes.map((route) => ({
  route,
  params: pathParams(route.path),
  pattern: new RegExp(`^${route.path.replace(/\{[A-Za-z]+\}/g, '([^/]+)')}$`),
}));

function sendError(
  res: ServerResponse,
  status: number,
  error: ApiError,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error }, headers);
}

/** Input fields read from one part of a request, or why they cannot be. */
type Part = { ok: true; input: Record<string, unknown> } | { ok: false; error: ApiError };

function invalid(message: string, path: string): Part {
  return { ok: false, error: { code: 'INVALID_INPUT', message: `${path}: ${message}`, path } };
}

function part(input: Record<string, unknown>): Part {
  return { ok: true, input };
}

/** The route and its decoded path parameters, or the methods the path allows when none matches. */
function match(
  method: string,
  path: string,
): { route: RestRoute; params: Record<string, string> } | { allowed: string[] } {
  const allowed: string[] = [];
  for (const c of compiled) {
    const m = c.pattern.exec(path);
    if (m === null) continue;
    if (c.route.method !== method) {
      allowed.push(c.route.method);
      continue;
    }
    const params: Record<string, string> = {};
    try {
      c.params.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1] ?? '')));
    } catch {
      // Bad percent-encoding in an id: it names nothing.
      return { allowed: [] };
    }
    return { route: c.route, params };
  }
  return { allowed };
}

/** The query's input fields (whole numbers where the route says so); unknown parameters are refused. */
function queryInput(route: RestRoute, query: URLSearchParams): Part {
  const input: Record<string, unknown> = {};
  const spec = route.query ?? {};
  for (const name of new Set(query.keys())) {
    if (name === TOKEN_PARAM) continue;
    if (!Object.hasOwn(spec, name)) return invalid('unknown query parameter', name);
    const value = query.getAll(name).at(-1) ?? '';
    // Left as text when not a whole number, so the contract's schema names the parameter in its refusal.
    input[name] = spec[name] === 'integer' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  }
  return part(input);
}

/** The body's input fields, as the route takes them. */
function bodyInput(route: RestRoute, body: unknown): Part {
  const spec = route.body;
  if (spec === undefined) return body === undefined ? part({}) : invalid('this route takes no body', '$');
  if (spec.kind === 'document') {
    return body === undefined
      ? invalid('required: the workflow document', 'document')
      : part({ document: body });
  }
  if (body === undefined)
    return spec.required ? invalid(`required: an object with ${spec.fields.join(', ')}`, '$') : part({});
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return invalid('must be a JSON object', '$');
  for (const key of Object.keys(body)) if (!spec.fields.includes(key)) return invalid('unknown field', key);
  return part({ ...(body as Record<string, unknown>) });
}

export interface RestRouter {
  /** Answers a request whose path starts with API_PREFIX (`path` is what follows it). */
  handle(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void>;
}

export function createRestRouter(connection: ApiConnection): RestRouter {
  let openApi: unknown;

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: URLSearchParams,
  ): Promise<void> {
    const method = req.method ?? 'GET';
    if (path === '/openapi.json') {
      if (method !== 'GET')
        return sendError(res, 405, { code: 'METHOD_NOT_ALLOWED', message: 'use GET' }, { Allow: 'GET' });
      openApi ??= buildOpenApi();
      return sendJson(res, 200, openApi);
    }
    const found = match(method, path);
    if ('allowed' in found) {
      if (found.allowed.length > 0) {
        const allow = found.allowed.join(', ');
        return sendError(
          res,
          405,
          { code: 'METHOD_NOT_ALLOWED', message: `${method} is not allowed here; use ${allow}` },
          { Allow: allow },
        );
      }
      return sendError(res, 404, {
        code: 'UNKNOWN_ROUTE',
        message: `no route ${method} ${API_PREFIX}${path} (see ${API_PREFIX}/openapi.json)`,
      });
    }
    const { route, params } = found;

    let body: unknown;
    try {
      body = await readJsonBody(req);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      // A body refused half-read leaves the rest unread on the connection: close it after answering.
      return sendError(res, error.status, error.error, { Connection: 'close' });
    }
    const fromQuery = queryInput(route, query);
    if (!fromQuery.ok) return sendError(res, 400, fromQuery.error);
    const fromBody = bodyInput(route, body);
    if (!fromBody.ok) return sendError(res, 400, fromBody.error);
    // Path parameters last: neither the query nor the body can name another workspace or record.
    const input = { ...fromQuery.input, ...fromBody.input, ...params };

    const response = await connection.call(route.call, input);
    if (!response.ok) return sendError(res, statusOf(response.error.code), response.error);
    const headers: Record<string, string> = {};
    if (route.location !== undefined) headers.Location = route.location(input, response.result);
    return sendJson(res, route.status ?? 200, response.result, headers);
  }

  return {
    async handle(req, res, path, query) {
      try {
        await handle(req, res, path, query);
      } catch (error) {
        console.error('weft serve: REST request failed', error);
        if (!res.headersSent)
          sendError(res, 500, { code: 'INTERNAL', message: 'internal error: the details are in the log' });
        else res.destroy();
      }
    },
  };
}
