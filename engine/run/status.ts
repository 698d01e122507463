import type { NodeStatus } from '../events.js';

/** Node statuses as small integers, so per-node state lives in typed arrays. */
export const S = { Pending: 0, Running: 1, Succeeded: 2, Failed: 3, Skipped: 4, Cancelled: 5 } as const;
export type S = (typeof S)[keyof typeof S];

const STATUS_NAMES: readonly NodeStatus[] = ['pending', 'running', 'succeeded', 'failed', 'skipped', 'cancelled'];

export function statusName(s: S): NodeStatus {
  return STATUS_NAMES[s]!;
}
