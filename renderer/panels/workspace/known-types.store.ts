// Every node type the workspace's loaded plugins provide (from `plugins.list`), policy or not: the
// host leaves denied types out of `nodeTypes.list`, but the policy editor offers them and the palette
// shows them disabled with the reason.
import { create } from 'zustand';
import type { WeftClient } from '../../api/client.js';
import type { KnownType } from './policy-model.js';

interface KnownTypesState {
  readonly workspaceId: string | null;
  readonly types: readonly KnownType[];
  /**
   * Fetches the list for `workspaceId` unless it was already fetched for the same `source` (the catalog
   * it goes with); an answer for a workspace left meanwhile is dropped.
   */
  load(client: WeftClient, workspaceId: string, source: unknown): Promise<void>;
}

let request = 0;
let claimed: { workspaceId: string; source: unknown } | null = null;

export const useKnownTypesStore = create<KnownTypesState>()((set) => ({
  workspaceId: null,
  types: [],
  async load(client, workspaceId, source) {
    if (claimed?.workspaceId === workspaceId && claimed.source === source) return;
    claimed = { workspaceId, source };
    const id = ++request;
    try {
      const report = await client.invoke('plugins.list', { workspaceId });
      if (id !== request) return;
      const types = report.plugins
        .filter((p) => p.status === 'loaded')
        .flatMap((p) => p.nodes.map((type) => ({ type, plugin: p.name })));
      set({ workspaceId, types });
    } catch {
      // Without the list, denied types are simply not shown; the palette works as before.
      if (id !== request) return;
      claimed = null;
      set({ workspaceId, types: [] });
    }
  },
}));
