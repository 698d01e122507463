import { describe, expect, it, vi } from 'vitest';
import { denyWindowOpen, droppedWorkflowPath, guardNavigation, navigationAllowed } from './navigation.js';
import { FakeContents, navigationEvent } from './testing/fakes.js';

const FOREIGN = [
  'https://example.com/',
  'http://127.0.0.1:4000/?token=x',
  'file:///etc/passwd',
  'weft://other/',
  'javascript:alert(1)',
  'data:text/html,<script>1</script>',
  'about:blank',
];

describe('navigationAllowed', () => {
  it('allows the editor itself only', () => {
    expect(navigationAllowed('weft://app/index.html')).toBe(true);
    for (const url of FOREIGN) expect(navigationAllowed(url), url).toBe(false);
  });
});

describe('droppedWorkflowPath', () => {
  it('reads the path of a dropped .weft.json file', () => {
    expect(droppedWorkflowPath('file:///home/ada/Greeting.weft.json')).toBe('/home/ada/Greeting.weft.json');
    expect(droppedWorkflowPath('file:///home/ada/My%20flow.WEFT.JSON')).toBe('/home/ada/My flow.WEFT.JSON');
  });

  it.each([
    'file:///home/ada/notes.txt',
    'file:///home/ada/data.json',
    'https://example.com/x.weft.json',
    'file://server/share/x.weft.json',
    'file:///home/ada/x.weft.json?y=1',
    'weft://app/x.weft.json',
    'nonsense',
  ])('ignores %s', (url) => expect(droppedWorkflowPath(url)).toBeUndefined());
});

describe('guardNavigation', () => {
  function guarded(onFileDropped?: (path: string) => void) {
    const contents = new FakeContents();
    const refused: string[] = [];
    guardNavigation(contents, {
      ...(onFileDropped ? { onFileDropped } : {}),
      onRefused: (what, url) => refused.push(`${what} ${url}`),
    });
    return { contents, refused };
  }

  it.each(['will-navigate', 'will-redirect'])('cancels a %s away from the editor', (name) => {
    const { contents, refused } = guarded();
    for (const url of FOREIGN) {
      const event = navigationEvent(url);
      contents.emit(name, event);
      expect(event.defaultPrevented, url).toBe(true);
    }
    expect(refused).toHaveLength(FOREIGN.length);
  });

  it('cancels subframe navigations away from the editor (the main frame is will-navigate’s)', () => {
    const { contents } = guarded();
    const sub = navigationEvent('https://example.com/', false);
    contents.emit('will-frame-navigate', sub);
    expect(sub.defaultPrevented).toBe(true);
    const main = navigationEvent('https://example.com/', true);
    contents.emit('will-frame-navigate', main);
    expect(main.defaultPrevented).toBe(false);
  });

  it('lets the editor navigate within its own origin', () => {
    const { contents } = guarded();
    const event = navigationEvent('weft://app/index.html');
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(false);
  });

  it('turns a dropped workflow file into an import instead of a navigation', () => {
    const dropped = vi.fn();
    const { contents, refused } = guarded(dropped);
    const event = navigationEvent('file:///tmp/flow.weft.json');
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
    expect(dropped).toHaveBeenCalledWith('/tmp/flow.weft.json');
    expect(refused).toEqual([]);
  });

  it('only cancels a dropped file that is not a workflow', () => {
    const dropped = vi.fn();
    const { contents } = guarded(dropped);
    const event = navigationEvent('file:///tmp/photo.png');
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
    expect(dropped).not.toHaveBeenCalled();
  });

  it('denies every window.open and never attaches a webview', () => {
    const { contents, refused } = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'weft://app/index.html' })).toEqual({ action: 'deny' });
    expect(refused).toContain('window.open https://example.com/');
    const webview = navigationEvent('weft://app/');
    contents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
  });
});
