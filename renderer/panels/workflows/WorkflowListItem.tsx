// One workflow in the list: open on click (or Enter), rename inline (double-click the name, F2 or the
// pencil), duplicate, delete (Delete key or the bin, asked first). Its updated time and tags are
// shown; a tag click filters the list by it.
import { memo, useRef, useState, type KeyboardEvent } from 'react';
import type { WorkflowSummary } from '../../../preload/contract.js';
import { DeleteIcon, DuplicateIcon, RenameIcon } from './icons.js';
import { relativeTime, workflowNameProblem } from './workflow-list-model.js';

export interface WorkflowItemHandlers {
  open(w: WorkflowSummary): void;
  rename(w: WorkflowSummary, name: string): void;
  duplicate(w: WorkflowSummary): void;
  remove(w: WorkflowSummary): void;
  filterByTag(tag: string): void;
}

function RenameField({
  workflow,
  onDone,
}: {
  workflow: WorkflowSummary;
  onDone: (name: string | null) => void;
}) {
  const [name, setName] = useState(workflow.name);
  // Enter ends the edit and the field's removal may blur it: answer once.
  const done = useRef(false);
  const problem = workflowNameProblem(name);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    onDone(commit && !problem ? name : null);
  };
  return (
    <div className="workflow-rename">
      <input
        type="text"
        autoFocus
        aria-label={`New name for ${workflow.name}`}
        aria-invalid={problem !== null}
        data-testid="workflow-rename-input"
        value={name}
        maxLength={200}
        onFocus={(e) => e.target.select()}
        onChange={(e) => setName(e.target.value)}
        onBlur={() => finish(true)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' && e.key !== 'Escape') return;
          e.preventDefault();
          // Enter on a name that cannot be used keeps the field open with the reason shown.
          if (e.key === 'Enter' && problem) return;
          finish(e.key === 'Enter');
        }}
      />
      {problem && <span className="workflow-rename-problem">{problem}</span>}
    </div>
  );
}

export const WorkflowListItem = memo(function WorkflowListItem({
  workflow: w,
  isOpen,
  isDirty,
  activeTag,
  now,
  handlers,
}: {
  workflow: WorkflowSummary;
  isOpen: boolean;
  isDirty: boolean;
  activeTag: string | null;
  now: number;
  handlers: WorkflowItemHandlers;
}) {
  const [renaming, setRenaming] = useState(false);

  const onKeyDown = (e: KeyboardEvent) => {
    // Keys handled here must not reach the canvas's own shortcuts (Delete removes selected nodes).
    if (e.key === 'F2') setRenaming(true);
    else if (e.key === 'Delete') handlers.remove(w);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <li className={`workflow-entry${isOpen ? ' current' : ''}`}>
      {renaming ? (
        <RenameField
          workflow={w}
          onDone={(name) => {
            setRenaming(false);
            if (name !== null) handlers.rename(w, name);
          }}
        />
      ) : (
        <button
          type="button"
          className="workflow-item"
          data-testid={`workflow-item-${w.id}`}
          aria-current={isOpen ? 'true' : undefined}
          title={`${w.description || w.name}\nUpdated ${new Date(w.updatedAt).toLocaleString()} · version ${w.version}\nF2 rename · Delete delete`}
          onClick={() => handlers.open(w)}
          onDoubleClick={() => setRenaming(true)}
          onKeyDown={onKeyDown}
        >
          <span className="workflow-item-name">
            {w.name}
            {isOpen && isDirty && (
              <span className="workflow-item-dirty" aria-label="unsaved changes">
                {' •'}
              </span>
            )}
          </span>
          <span className="muted workflow-item-meta">
            <time dateTime={new Date(w.updatedAt).toISOString()}>{relativeTime(w.updatedAt, now)}</time> · v
            {w.version}
          </span>
        </button>
      )}
      {w.tags.length > 0 && !renaming && (
        <span className="workflow-tags">
          {w.tags.map((t) => (
            <button
              key={t}
              type="button"
              className={`workflow-tag${t === activeTag ? ' active' : ''}`}
              title={`Show only workflows tagged “${t}”`}
              onClick={() => handlers.filterByTag(t)}
            >
              {t}
            </button>
          ))}
        </span>
      )}
      {!renaming && (
        <span className="workflow-actions">
          <button
            type="button"
            className="icon"
            title="Rename (F2)"
            aria-label={`Rename ${w.name}`}
            data-testid={`workflow-rename-${w.id}`}
            onClick={() => setRenaming(true)}
          >
            <RenameIcon />
          </button>
          <button
            type="button"
            className="icon"
            title="Duplicate"
            aria-label={`Duplicate ${w.name}`}
            data-testid={`workflow-duplicate-${w.id}`}
            onClick={() => handlers.duplicate(w)}
          >
            <DuplicateIcon />
          </button>
          <button
            type="button"
            className="icon danger-icon"
            title="Delete (Delete)"
            aria-label={`Delete ${w.name}`}
            data-testid={`workflow-delete-${w.id}`}
            onClick={() => handlers.remove(w)}
          >
            <DeleteIcon />
          </button>
        </span>
      )}
    </li>
  );
});
