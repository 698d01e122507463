// DNS-rebinding and cross-site guards. A page on another site can make the browser send requests to
// 127.0.0.1 under its own host name (by pointing that name at 127.0.0.1): the `Host` header then names
// that site, so only the names this server is reached by are accepted. A WebSocket is not bound by the
// same-origin policy at all: its `Origin` must be this server's own.
import type { IncomingMessage } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';

/** Whether an address or host name means this machine only. */
export function isLoopback(host: string): boolean {
  const bare = unbracket(host).toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1' || bare === '0:0:0:0:0:0:0:1';
}

/** Whether binding to `host` listens on every interface (any address of the machine reaches it). */
export function isWildcard(host: string): boolean {
  const bare = unbracket(host);
  return bare === '0.0.0.0' || bare === '::' || bare === '0:0:0:0:0:0:0:0';
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** A host as it appears in a URL or a Host header: IPv6 addresses in brackets. */
export function urlHost(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

/** The host names (lower case, IPv6 in brackets) under which a server bound to `bound` may be reached. */
export function allowedHostNames(bound: string): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '[::1]', urlHost(unbracket(bound)).toLowerCase()]);
  if (isWildcard(bound)) {
    // Every interface listens: each of the machine's addresses and its own name are this server.
    for (const list of Object.values(networkInterfaces())) {
      for (const info of list ?? []) names.add(urlHost(info.address).toLowerCase());
    }
    names.add(hostname().toLowerCase());
  }
  return names;
}

/** The `host[:port]` of a Host header, split; undefined when it is not one. */
function parseHostHeader(value: string): { name: string; port: number | undefined } | undefined {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]\s/@]+)(?::(\d{1,5}))?$/.exec(value);
  if (match === null) return undefined;
  return {
    name: (match[1] ?? '').toLowerCase(),
    port: match[2] === undefined ? undefined : Number(match[2]),
  };
}

/** Checks that requests name this server in their Host header and, where it matters, their Origin. */
export interface HostGuard {
  /** The request's Host header when it names this server (with the right port), else undefined. */
  hostOf(req: IncomingMessage): string | undefined;
  /** Whether the request's Origin is absent or this server itself (`http://` + its Host header). */
  originAllowed(req: IncomingMessage, host: string): boolean;
}

/** `port` is read at each check: the server's port is known only once it listens. */
export function createHostGuard(bound: string, port: () => number): HostGuard {
  const names = allowedHostNames(bound);
  return {
    hostOf(req) {
      const value = req.headers.host;
      if (value === undefined) return undefined;
      const parsed = parseHostHeader(value);
      // Port 80 may go unnamed only when the server is on it.
      if (parsed === undefined || (parsed.port ?? 80) !== port() || !names.has(parsed.name)) return undefined;
      return value.toLowerCase();
    },
    originAllowed(req, host) {
      const origin = req.headers.origin;
      return origin === undefined || origin.toLowerCase() === `http://${host}`;
    },
  };
}
