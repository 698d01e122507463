import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { allowedHostNames, createHostGuard, isLoopback, isWildcard, urlHost } from './host-guard.js';

function req(headers: Record<string, string>): IncomingMessage {
  return { headers } as unknown as IncomingMessage;
}

describe('host guard', () => {
  it('knows loopback and wildcard addresses', () => {
    for (const host of [
      '127.0.0.1',
      '127.1.2.3',
      'localhost',
      'LOCALHOST',
      '::1',
      '[::1]',
      'app.localhost',
    ]) {
      expect(isLoopback(host), host).toBe(true);
    }
    for (const host of ['0.0.0.0', '192.168.1.2', '::', 'example.com', '128.0.0.1'])
      expect(isLoopback(host), host).toBe(false);
    expect(isWildcard('0.0.0.0')).toBe(true);
    expect(isWildcard('::')).toBe(true);
    expect(isWildcard('127.0.0.1')).toBe(false);
    expect(urlHost('::1')).toBe('[::1]');
    expect(urlHost('127.0.0.1')).toBe('127.0.0.1');
  });

  it('accepts the loopback names with the right port only', () => {
    const guard = createHostGuard('127.0.0.1', () => 4000);
    for (const host of ['127.0.0.1:4000', 'localhost:4000', 'LocalHost:4000', '[::1]:4000']) {
      expect(guard.hostOf(req({ host })), host).toBe(host.toLowerCase());
    }
    for (const host of [
      '127.0.0.1:4001',
      '127.0.0.1',
      'evil.example:4000',
      'evil.example',
      '127.0.0.1:4000@x',
      '',
      'a b:4000',
    ]) {
      expect(guard.hostOf(req({ host })), host).toBeUndefined();
    }
    expect(guard.hostOf(req({}))).toBeUndefined();
  });

  it('accepts the bound address and the machine addresses when bound to all of them', () => {
    expect(createHostGuard('192.168.7.7', () => 80).hostOf(req({ host: '192.168.7.7' }))).toBe('192.168.7.7');
    expect(allowedHostNames('0.0.0.0').size).toBeGreaterThan(3);
    expect(allowedHostNames('127.0.0.1')).toEqual(new Set(['localhost', '127.0.0.1', '[::1]']));
  });

  it('allows an absent Origin or this server own, nothing else', () => {
    const guard = createHostGuard('127.0.0.1', () => 4000);
    const host = '127.0.0.1:4000';
    expect(guard.originAllowed(req({}), host)).toBe(true);
    expect(guard.originAllowed(req({ origin: 'http://127.0.0.1:4000' }), host)).toBe(true);
    for (const origin of [
      'http://evil.example',
      'http://localhost:4000',
      'https://127.0.0.1:4000',
      'null',
      'http://127.0.0.1:4001',
    ]) {
      expect(guard.originAllowed(req({ origin }), host), origin).toBe(false);
    }
  });
});
