// The canvas as a drop target for workflow files: dragging a file over it shows where to drop, and a
// drop imports it (the import result dialog says why when it is refused). Palette entries dragged onto
// the canvas carry no files and pass through untouched. A file dropped anywhere else in the window is
// ignored rather than opened by the browser in place of the editor.
import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useCommands } from '../../app/app-context.js';
import { useUiStore } from '../../stores/ui.store.js';
import { chooseDroppedFile, isFileDrag } from './file-drop.js';
import { showRefusal } from './import-dialog.js';
import './import.css';

function useIgnoreStrayFileDrops(): void {
  useEffect(() => {
    const ignore = (e: globalThis.DragEvent) => {
      if (!e.dataTransfer || !isFileDrag(e.dataTransfer.types) || e.defaultPrevented) return;
      e.preventDefault();
      if (e.type === 'dragover') e.dataTransfer.dropEffect = 'none';
    };
    window.addEventListener('dragover', ignore);
    window.addEventListener('drop', ignore);
    return () => {
      window.removeEventListener('dragover', ignore);
      window.removeEventListener('drop', ignore);
    };
  }, []);
}

export function ImportDropZone({ children }: { children: ReactNode }) {
  const { workflows } = useCommands();
  const canImport = useUiStore((s) => s.workspaceId !== null);
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them to know when the drag left the zone.
  const depth = useRef(0);
  useIgnoreStrayFileDrops();

  const onDragEnter = (e: DragEvent) => {
    if (!isFileDrag(e.dataTransfer.types)) return;
    depth.current++;
    setOver(true);
  };
  const onDragLeave = (e: DragEvent) => {
    if (!isFileDrag(e.dataTransfer.types)) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  };
  const onDragOver = (e: DragEvent) => {
    if (!isFileDrag(e.dataTransfer.types)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = canImport ? 'copy' : 'none';
  };
  const onDrop = (e: DragEvent) => {
    if (!isFileDrag(e.dataTransfer.types)) return;
    e.preventDefault();
    depth.current = 0;
    setOver(false);
    if (!canImport) return;
    const choice = chooseDroppedFile(Array.from(e.dataTransfer.files));
    if (choice.kind === 'refuse') {
      showRefusal({
        fileName: choice.fileName,
        summary: 'Only workflow files can be dropped here.',
        problems: [choice.problem],
        missingPlugins: [],
      });
    } else if (choice.kind === 'import') {
      if (choice.ignored > 0) {
        useUiStore.getState().notify('info', `Importing ${choice.file.name} only: drop one file at a time.`, 'import-drop');
      }
      void workflows.importFile(choice.file);
    }
  };

  return (
    <div
      className="import-drop-zone"
      data-drop-active={over ? 'true' : undefined}
      onDragEnter={onDragEnter}
      onDragLeave={onDragLeave}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      {children}
      {over && (
        <div className="import-drop-overlay" data-testid="import-drop-overlay" aria-hidden="true">
          <div className="import-drop-message">
            <strong>Drop to import</strong>
            <span>A .weft.json file becomes a new workflow in this workspace</span>
          </div>
        </div>
      )}
    </div>
  );
}
