// Keeps the problems list current: merges the live problems with the host's last check whenever
// either changes (and, while a check is shown, shortly after document edits, which may settle its
// problems), and asks the host to check (`workflows.validate`) after each save and run start, and on
// request. A check made after a save or run that finds problems brings the list into view.
import type { WeftClient } from '../../api/client.js';
import { errorMessage } from '../../api/client.js';
import { toDocument } from '../../stores/document-model.js';
import { snapshotOf, useDocumentStore } from '../../stores/document.store.js';
import { useProblemsStore } from '../../stores/problems.store.js';
import { useUiStore } from '../../stores/ui.store.js';
import { anchorProblems, currentCheckProblems, mergeProblems } from './problem-list.js';
import { useProblemsListStore } from './problems-list.store.js';

export const PROBLEMS_PANEL = 'problems';
/** Edits closer together than this recompute the list once. */
const RELIST_MS = 150;

function relist(): void {
  const doc = useDocumentStore.getState();
  const { anchored, setListed } = useProblemsListStore.getState();
  setListed(mergeProblems(useProblemsStore.getState().all, currentCheckProblems(anchored, doc), doc));
}

let checkClient: WeftClient | null = null;
let inFlight: Promise<void> | null = null;
/** The document the check under way is about: asking again for the very same one is moot. */
let inFlightNodes: unknown = null;
let again: 'save' | 'request' | null = null;

async function check(client: WeftClient, reason: 'save' | 'request'): Promise<void> {
  const workspaceId = useUiStore.getState().workspaceId;
  const list = useProblemsListStore.getState();
  if (!workspaceId) {
    list.setCheck({ checkStatus: 'failed', checkError: 'Open a workspace to check the workflow.' });
    return;
  }
  useDocumentStore.getState().endGesture();
  const checked = snapshotOf(useDocumentStore.getState());
  const loadId = useDocumentStore.getState().loadId;
  list.setCheck({ checkStatus: 'checking', checkError: null });
  try {
    const report = await client.invoke('workflows.validate', { workspaceId, document: toDocument(checked) });
    // Another workflow was opened meanwhile: this answer is about a document no longer shown.
    if (useDocumentStore.getState().loadId !== loadId) return;
    const anchored = anchorProblems(report.problems, checked);
    list.setCheck({ checkStatus: 'done', checkedAt: Date.now(), anchored });
    relist();
    if (reason === 'save' && useProblemsListStore.getState().listed.length > 0) {
      useUiStore.getState().openPanel('bottom', PROBLEMS_PANEL);
    }
  } catch (err) {
    list.setCheck({ checkStatus: 'failed', checkError: errorMessage(err) });
  }
}

/** Asks the host to check the document now (one check at a time; a request meanwhile runs after). */
export function requestCheck(reason: 'save' | 'request' = 'request'): void {
  const client = checkClient;
  if (!client) return;
  if (inFlight) {
    if (useDocumentStore.getState().nodes === inFlightNodes && reason === 'request') return;
    again = again === 'save' ? 'save' : reason;
    return;
  }
  inFlightNodes = useDocumentStore.getState().nodes;
  inFlight = check(client, reason).finally(() => {
    inFlight = null;
    const next = again;
    again = null;
    if (next) requestCheck(next);
  });
}

/** Starts keeping the list; answers the function that stops. */
export function trackProblemsList(client: WeftClient): () => void {
  checkClient = client;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const later = () => {
    timer ??= setTimeout(() => {
      timer = null;
      relist();
    }, RELIST_MS);
  };
  const stops = [
    useProblemsStore.subscribe((s, prev) => {
      if (s.all !== prev.all) relist();
    }),
    useDocumentStore.subscribe((s, prev) => {
      if (s.loadId !== prev.loadId) {
        // Another document: the last check was about the previous one.
        useProblemsListStore.getState().setCheck({ anchored: [], checkStatus: 'idle', checkedAt: null });
        later();
        return;
      }
      const edited = s.nodes !== prev.nodes || s.edges !== prev.edges || s.meta !== prev.meta;
      if (edited && useProblemsListStore.getState().anchored.length > 0) later();
    }),
    useUiStore.subscribe((s, prev) => {
      // A save or a run start just finished (either way): the host's view of the document matters now.
      const saved = prev.busy['save'] === true && s.busy['save'] !== true;
      const ran = prev.busy['run'] === true && s.busy['run'] !== true;
      if (saved || ran) requestCheck('save');
    }),
  ];
  relist();
  return () => {
    stops.forEach((stop) => stop());
    if (timer !== null) clearTimeout(timer);
    if (checkClient === client) checkClient = null;
  };
}
