import { describe, expect, it } from 'vitest';
import { createTrustedContents, isTrustedSender } from './sender.js';
import { FakeContents } from './testing/fakes.js';
import { FOREIGN_SENDERS, ownWindow, trustedEvent } from './testing/senders.js';

describe('isTrustedSender', () => {
  it('accepts the main frame of our window showing the editor', () => {
    const trusted = createTrustedContents();
    expect(isTrustedSender(trustedEvent(ownWindow(trusted)), trusted)).toBe(true);
  });

  it.each(FOREIGN_SENDERS.map((c) => [c.name, c] as const))('refuses %s', (_name, senderCase) => {
    const trusted = createTrustedContents();
    expect(isTrustedSender(senderCase.make(trusted), trusted)).toBe(false);
  });
});

describe('createTrustedContents', () => {
  it('forgets a web contents when it is destroyed', () => {
    const trusted = createTrustedContents();
    const contents = new FakeContents();
    trusted.add(contents);
    expect(trusted.has(contents.id)).toBe(true);
    contents.destroy();
    expect(trusted.has(contents.id)).toBe(false);
  });
});
