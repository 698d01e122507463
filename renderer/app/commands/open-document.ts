// Putting a stored workflow into the editor: nodes without a position are placed by auto-layout
// (SPEC §1), the run, selection and history of the previous document are dropped.
import type { WorkflowDocument } from '../../../engine/model/document.js';
import type { WorkflowDetail } from '../../../preload/contract.js';
import { estimateSize, placeMissing } from '../../canvas/auto-layout.js';
import { useCatalogStore } from '../../stores/catalog.store.js';
import {
  emptySnapshot,
  fromDocument,
  moveNodes,
  type DocumentSnapshot,
} from '../../stores/document-model.js';
import { useDocumentStore } from '../../stores/document.store.js';
import { useRunStore } from '../../stores/run.store.js';
import { useUiStore } from '../../stores/ui.store.js';

/** The editor's snapshot of `doc`, every node with a position. */
export function placedSnapshot(doc: WorkflowDocument): DocumentSnapshot {
  const snapshot = fromDocument(doc);
  const { byType } = useCatalogStore.getState();
  const positions = placeMissing(snapshot.nodes, snapshot.edges, (n) => estimateSize(byType[n.type]));
  return positions.size === 0 ? snapshot : { ...snapshot, nodes: moveNodes(snapshot.nodes, positions) };
}

function show(snapshot: DocumentSnapshot, workflowId: string | null, version: number | null): void {
  useDocumentStore.getState().load(snapshot);
  const ui = useUiStore.getState();
  ui.setWorkflow(workflowId, version);
  ui.clearSelection();
  useRunStore.getState().clear();
}

export function showWorkflow(detail: WorkflowDetail): void {
  show(placedSnapshot(detail.document), detail.id, detail.version);
}

export function showNewWorkflow(): void {
  show(emptySnapshot(), null, null);
}
