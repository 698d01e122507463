// The HTTP status of each ApiError code. A code not listed here is a service's expected, explained
// refusal of the request as given: 400.
import type { ApiErrorCode } from '../../../preload/contract.js';

const STATUS: Readonly<Record<string, number>> = {
  INVALID_INPUT: 400,
  MISSING_PLUGINS: 400,
  UNAUTHORIZED: 401,
  POLICY_DENIED: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  UNKNOWN_ROUTE: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_SUBSCRIPTIONS: 429,
  INTERNAL: 500,
  // The server cannot serve the call now, through no fault of the request.
  DATABASE_TOO_NEW: 503,
  PLUGINS_UNAVAILABLE: 503,
  CLOSED: 503,
};

/** The status a failed call is answered with. */
export function statusOf(code: ApiErrorCode): number {
  return Object.hasOwn(STATUS, code) ? (STATUS[code] ?? 400) : 400;
}
