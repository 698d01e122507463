// Copy, cut, paste and duplicate of the selected nodes against the stores: a copy is kept in storage
// (clipboard-storage.ts) and handed to the caller for the system clipboard; a paste or duplicate is one
// undo step and selects what it added.
import { useDocumentStore } from '../stores/document.store.js';
import { useUiStore } from '../stores/ui.store.js';
import { clipOf, clipToPaste, planPaste, serializeClip, type Clip, type Rect } from './clipboard.js';
import { recallClip, rememberClip, writeSystemClipboard } from './clipboard-storage.js';

const NOTICE_SOURCE = 'clipboard';

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

function describeClip(clip: Clip): string {
  const nodes = plural(clip.nodes.length, 'node');
  return clip.edges.length > 0 ? `${nodes} and ${plural(clip.edges.length, 'connection')}` : nodes;
}

function selectedClip(): Clip | null {
  const { nodes, edges } = useDocumentStore.getState();
  return clipOf(nodes, edges, useUiStore.getState().selection.nodeIds);
}

/**
 * Copies the selected nodes and the edges between them. `toSystem` puts the text on the system
 * clipboard (a copy event's `setData`) and says whether it could; answers the text, or null when
 * nothing is selected.
 */
export function copySelection(toSystem: (text: string) => boolean): string | null {
  const clip = selectedClip();
  if (!clip) return null;
  const text = serializeClip(clip);
  rememberClip({ text, onSystemClipboard: toSystem(text) });
  useUiStore.getState().notify('info', `Copied ${describeClip(clip)}`, NOTICE_SOURCE);
  return text;
}

/** Copies through the Clipboard API (buttons, menus: no copy event to write into). */
export function copySelectionAsync(): void {
  const clip = selectedClip();
  if (!clip) return;
  const text = serializeClip(clip);
  rememberClip({ text, onSystemClipboard: false });
  void writeSystemClipboard(text).then((ok) => ok && rememberClip({ text, onSystemClipboard: true }));
  useUiStore.getState().notify('info', `Copied ${describeClip(clip)}`, NOTICE_SOURCE);
}

/** Removes the selected nodes (and their edges) as one undo step. */
export function deleteSelection(): void {
  const { nodeIds, edgeIds } = useUiStore.getState().selection;
  if (nodeIds.length === 0 && edgeIds.length === 0) return;
  useDocumentStore.getState().removeElements(nodeIds, edgeIds);
  useUiStore.getState().clearSelection();
}

export function cutSelection(toSystem: (text: string) => boolean): boolean {
  if (copySelection(toSystem) === null) return false;
  deleteSelection();
  return true;
}

/** Adds `clip` to the document as one undo step, placed by planPaste, and selects the new nodes. */
export function insertClip(clip: Clip, view?: Rect): void {
  const doc = useDocumentStore.getState();
  doc.endGesture();
  const plan = planPaste(clip, doc, view);
  doc.addElements(plan.nodes, plan.edges);
  useUiStore.getState().select({ nodeIds: plan.nodeIds, edgeIds: [] });
}

/**
 * Pastes what `systemText` holds (null: the system clipboard could not be read), else the copy kept
 * in storage; answers whether anything was pasted.
 */
export function pasteFrom(systemText: string | null, view?: Rect): boolean {
  const clip = clipToPaste(systemText, recallClip());
  if (!clip) return false;
  insertClip(clip, view);
  return true;
}

/** Duplicates the selection beside itself without touching the clipboard. */
export function duplicateSelection(view?: Rect): void {
  const clip = selectedClip();
  if (clip) insertClip(clip, view);
}
