// The count on the Problems tab.
import { useProblemsListStore } from './problems-list.store.js';
import './problems.css';

export function ProblemsBadge() {
  const count = useProblemsListStore((s) => s.listed.length);
  if (count === 0) return null;
  return (
    <span className="tab-badge" data-testid="problems-count" aria-label={`${count} problems`}>
      {count > 999 ? '999+' : count}
    </span>
  );
}
