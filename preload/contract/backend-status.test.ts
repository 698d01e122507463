import { describe, expect, it } from 'vitest';
import { isMenuEvent } from './menu.js';
import { BACKEND_STATUSES, isBackendStatusEvent } from './backend-status.js';

describe('backend status events', () => {
  it('are known by isBackendStatusEvent, and are no menu command', () => {
    for (const status of BACKEND_STATUSES) {
      const event = { type: 'backendStatus', status, message: 'm' };
      expect(isBackendStatusEvent(event), status).toBe(true);
      expect(isMenuEvent(event)).toBe(false);
    }
  });

  it.each([
    null,
    'crashed',
    { type: 'runEvent', runId: 'r', seq: 1, event: {} },
    { type: 'menuCommand', command: 'save' },
    { type: 'backendStatus', status: 'exploded', message: 'm' },
    { type: 'backendStatus', status: 'crashed' },
  ])('tells %j apart from a backend status', (value) => expect(isBackendStatusEvent(value)).toBe(false));
});
