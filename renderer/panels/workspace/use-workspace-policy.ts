// The open workspace, its policy, and the known node types kept fresh: fetched again whenever the
// workspace's node types change (entering it, a policy change, a plugin reload all refresh them).
import { useEffect } from 'react';
import type { Workspace } from '../../../preload/contract.js';
import { useApiClient } from '../../app/app-context.js';
import { useCatalogStore } from '../../stores/catalog.store.js';
import { useUiStore } from '../../stores/ui.store.js';
import { useWorkspaceStore } from '../../stores/workspace.store.js';
import { useKnownTypesStore } from './known-types.store.js';
import type { KnownType } from './policy-model.js';

export function useCurrentWorkspace(): Workspace | null {
  const workspaceId = useUiStore((s) => s.workspaceId);
  return useWorkspaceStore((s) => s.workspaces.find((w) => w.id === workspaceId) ?? null);
}

export function useKnownTypes(): readonly KnownType[] {
  const client = useApiClient();
  const workspaceId = useUiStore((s) => s.workspaceId);
  const catalog = useCatalogStore((s) => s.types);
  const known = useKnownTypesStore((s) => (s.workspaceId === workspaceId ? s.types : null));
  useEffect(() => {
    if (workspaceId) void useKnownTypesStore.getState().load(client, workspaceId, catalog);
  }, [client, workspaceId, catalog]);
  return known ?? EMPTY;
}

const EMPTY: readonly KnownType[] = [];
