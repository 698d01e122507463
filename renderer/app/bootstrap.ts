// Starts the editor's background wiring and loads the first workspace. When the host cannot be reached
// at first (browser mode, server restarting), loading is tried again once the link opens.
import type { WeftClient } from '../api/client.js';
import { useCatalogStore } from '../stores/catalog.store.js';
import { useDocumentStore } from '../stores/document.store.js';
import { trackLiveProblems } from '../stores/problems.store.js';
import { feedRunEvents } from '../stores/run-feed.js';
import { useRunStore } from '../stores/run.store.js';
import { useWorkspaceStore } from '../stores/workspace.store.js';
import { trackProblemsList } from '../panels/problems/track-problems-list.js';
import type { Commands } from './commands/index.js';

export function startEditor(client: WeftClient, commands: Commands): () => void {
  const stops = [
    feedRunEvents(client, useRunStore),
    trackLiveProblems(useDocumentStore, useCatalogStore),
    trackProblemsList(client),
    commands.runs.start(),
    commands.workspaces.start(),
  ];

  let loading = false;
  const load = async () => {
    if (loading) return;
    loading = true;
    try {
      await commands.workspaces.loadWorkspaces();
    } finally {
      loading = false;
    }
  };
  void load();

  stops.push(
    client.transport.onConnectionChange((link) => {
      if (link.state !== 'open') return;
      if (useWorkspaceStore.getState().workspaces.length === 0) void load();
      else {
        // Other windows may have changed things while the link was down.
        void commands.workspaces.refreshWorkflows();
      }
    }),
  );
  return () => stops.forEach((stop) => stop());
}
