import { describe, expect, it } from 'vitest';
import { blockRemoteContent, requestAllowed, type RequestSession } from './remote-content.js';

describe('remote content', () => {
  it.each([
    'weft://app/index.html',
    'weft://app/assets/a.js',
    'blob:weft://app/5f0c',
    'data:image/png;base64,AAAA',
    'devtools://devtools/x',
  ])('lets %s load', (url) => expect(requestAllowed(url)).toBe(true));

  it.each([
    'https://cdn.example.com/react.js',
    'http://127.0.0.1:4000/api',
    'ws://127.0.0.1:4000/ws',
    'wss://example.com/',
    'file:///etc/hosts',
    'ftp://example.com/x',
    'weft://other/x',
    'blob:https://example.com/5f0c',
  ])('cancels %s', (url) => expect(requestAllowed(url)).toBe(false));

  it('installs the filter on the session', () => {
    let listener: Parameters<RequestSession['webRequest']['onBeforeRequest']>[0] | undefined;
    blockRemoteContent({ webRequest: { onBeforeRequest: (l) => void (listener = l) } });
    const answers: Array<{ cancel?: boolean }> = [];
    listener?.({ url: 'https://example.com/' }, (response) => answers.push(response));
    listener?.({ url: 'weft://app/index.html' }, (response) => answers.push(response));
    expect(answers).toEqual([{ cancel: true }, { cancel: false }]);
  });
});
