// Telling a file dragged from the desktop from a palette entry dragged onto the canvas, and choosing
// what a drop imports. Pure: works on the DataTransfer's `types` and its file list.
import { localFileProblem, type ImportProblem } from './import-errors.js';

/** A drag carries files (from the desktop or a file manager), not a palette entry. */
export function isFileDrag(types: readonly string[] | DOMStringList): boolean {
  return Array.from(types as ArrayLike<string>).includes('Files');
}

export type DropChoice<F> =
  | { readonly kind: 'import'; readonly file: F; readonly ignored: number }
  | { readonly kind: 'refuse'; readonly fileName: string; readonly problem: ImportProblem }
  | { readonly kind: 'none' };

/**
 * What a drop of `files` does: imports the first workflow file (one at a time, so the unsaved-changes
 * question is asked once), or refuses the first file with the reason when none is one.
 */
export function chooseDroppedFile<F extends { name: string; size: number }>(files: readonly F[]): DropChoice<F> {
  const first = files[0];
  if (!first) return { kind: 'none' };
  const usable = files.find((f) => localFileProblem(f) === null);
  if (usable) return { kind: 'import', file: usable, ignored: files.length - 1 };
  return { kind: 'refuse', fileName: first.name, problem: localFileProblem(first) as ImportProblem };
}
