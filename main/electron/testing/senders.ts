// The senders every IPC handler must refuse: null and destroyed frames, frames of other origins,
// subframes, look-alike frames from another process, and web contents the window factory did not make.
import type { SenderEvent, TrustedContents } from '../sender.js';
import { FakeContents, fakeFrame } from './fakes.js';

export interface SenderCase {
  readonly name: string;
  /** Makes the event; `trusted` is the set the handler under test checks against. */
  make(trusted: TrustedContents): SenderEvent & { sender: FakeContents };
}

/** A window of ours (in `trusted`) whose main frame shows the editor. */
export function ownWindow(trusted: TrustedContents): FakeContents {
  const contents = new FakeContents();
  trusted.add(contents);
  return contents;
}

/** The trusted sender: the main frame of one of our windows. */
export function trustedEvent(contents: FakeContents): SenderEvent & { sender: FakeContents } {
  return { sender: contents, senderFrame: contents.mainFrame };
}

/** An event from a frame of our window whose main frame shows `url` (a navigated-away window). */
function navigatedTo(url: string): SenderCase['make'] {
  return (trusted) => {
    const contents = ownWindow(trusted);
    contents.mainFrame = fakeFrame({ url });
    return { sender: contents, senderFrame: contents.mainFrame };
  };
}

export const FOREIGN_SENDERS: readonly SenderCase[] = [
  {
    name: 'a null frame (navigated away or destroyed mid-call)',
    make: (trusted) => ({ sender: ownWindow(trusted), senderFrame: null }),
  },
  {
    name: 'a destroyed frame',
    make: (trusted) => {
      const contents = ownWindow(trusted);
      const frame = fakeFrame({ destroyed: true });
      contents.mainFrame = frame;
      return { sender: contents, senderFrame: frame };
    },
  },
  {
    name: 'a destroyed web contents',
    make: (trusted) => {
      const contents = ownWindow(trusted);
      contents.destroyed = true;
      return { sender: contents, senderFrame: contents.mainFrame };
    },
  },
  {
    name: 'a frame whose properties throw (Electron: object destroyed)',
    make: (trusted) => {
      const contents = ownWindow(trusted);
      const frame = {
        get url(): string {
          throw new Error('Render frame was disposed before WebFrameMain could be accessed');
        },
        parent: null,
        processId: 7,
        routingId: 1,
        isDestroyed: () => false,
      };
      return { sender: contents, senderFrame: frame };
    },
  },
  { name: 'an https page', make: navigatedTo('https://evil.example/') },
  { name: 'a local http server', make: navigatedTo('http://127.0.0.1:4000/') },
  { name: 'a file:// page', make: navigatedTo('file:///tmp/evil.html') },
  { name: 'about:blank', make: navigatedTo('about:blank') },
  { name: 'a data: page', make: navigatedTo('data:text/html,<script>1</script>') },
  { name: 'a blob: page of our origin', make: navigatedTo('blob:weft://app/0a1b') },
  { name: 'another host of our scheme', make: navigatedTo('weft://other/index.html') },
  { name: 'our host with a user part', make: navigatedTo('weft://app@evil.example/') },
  { name: 'our host with a port', make: navigatedTo('weft://app:1/') },
  { name: 'the developer tools', make: navigatedTo('devtools://devtools/bundled/inspector.html') },
  {
    name: 'a subframe of our origin',
    make: (trusted) => {
      const contents = ownWindow(trusted);
      return { sender: contents, senderFrame: fakeFrame({ parent: contents.mainFrame, routingId: 2 }) };
    },
  },
  {
    name: 'a look-alike frame in another process',
    make: (trusted) => {
      const contents = ownWindow(trusted);
      return { sender: contents, senderFrame: fakeFrame({ processId: 99 }) };
    },
  },
  {
    name: 'a look-alike frame with another routing id',
    make: (trusted) => {
      const contents = ownWindow(trusted);
      return { sender: contents, senderFrame: fakeFrame({ routingId: 42 }) };
    },
  },
  {
    name: 'a web contents the factory did not make',
    make: () => {
      const contents = new FakeContents();
      return { sender: contents, senderFrame: contents.mainFrame };
    },
  },
  {
    name: 'a window of ours that was destroyed (and so left the trusted set)',
    make: (trusted) => {
      const contents = ownWindow(trusted);
      contents.destroy();
      contents.destroyed = false; // a reused id must not be trusted either
      return { sender: contents, senderFrame: contents.mainFrame };
    },
  },
];
