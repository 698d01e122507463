// Ctrl+C / Ctrl+X / Ctrl+V on the canvas, through the document's copy, cut and paste events rather than
// keydown: the browser fires them for the keys and for the desktop menu's Edit entries alike, and lets
// a page read and write the system clipboard inside them without asking for a permission. Text fields,
// text selections and open dialogs keep their own copy and paste.
import { useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { isTextField } from '../app/text-field.js';
import { useUiStore } from '../stores/ui.store.js';
import type { Rect } from './clipboard.js';
import { copySelection, cutSelection, pasteFrom } from './clipboard-actions.js';

/** A second paste event this soon after one is the same keystroke seen twice (key and menu). */
const DOUBLE_PASTE_MS = 80;

interface ViewState {
  readonly width: number;
  readonly height: number;
  readonly transform: readonly [number, number, number];
}

/** The part of the flow plane the canvas shows. */
export function viewRectOf({ width, height, transform: [x, y, zoom] }: ViewState): Rect | undefined {
  if (width <= 0 || height <= 0 || zoom <= 0) return undefined;
  return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
}

function leftToOthers(e: ClipboardEvent, textMatters: boolean): boolean {
  if (isTextField(e.target) || useUiStore.getState().dialog !== null) return true;
  if (!textMatters) return false;
  const selection = document.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString() !== '';
}

function writer(e: ClipboardEvent): (text: string) => boolean {
  return (text) => {
    if (!e.clipboardData) return false;
    e.clipboardData.setData('text/plain', text);
    return true;
  };
}

export function useClipboardEvents(): void {
  const flowStore = useStoreApi();
  useEffect(() => {
    let lastPasteAt = -Infinity;
    const onCopy = (e: ClipboardEvent) => {
      if (leftToOthers(e, true)) return;
      if (copySelection(writer(e)) !== null) e.preventDefault();
    };
    const onCut = (e: ClipboardEvent) => {
      if (leftToOthers(e, true)) return;
      if (cutSelection(writer(e))) e.preventDefault();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (leftToOthers(e, false)) return;
      if (e.timeStamp - lastPasteAt < DOUBLE_PASTE_MS) return;
      const text = e.clipboardData ? e.clipboardData.getData('text/plain') : null;
      if (pasteFrom(text, viewRectOf(flowStore.getState()))) {
        lastPasteAt = e.timeStamp;
        e.preventDefault();
      }
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [flowStore]);
}
