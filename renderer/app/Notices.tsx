// Notices over the canvas: problems (`data-testid="problem"`, kept until dismissed or replaced) and
// information (gone after a few seconds).
import { useEffect } from 'react';
import { useUiStore, type Notice } from '../stores/ui.store.js';

const INFO_MS = 5000;

function NoticeView({ notice }: { notice: Notice }) {
  const dismiss = useUiStore((s) => s.dismiss);
  useEffect(() => {
    if (notice.kind !== 'info') return;
    const timer = setTimeout(() => dismiss(notice.id), INFO_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  return (
    <div
      className={`notice ${notice.kind}`}
      role={notice.kind === 'problem' ? 'alert' : 'status'}
      data-testid={notice.kind === 'problem' ? 'problem' : 'notice'}
    >
      <span>{notice.text}</span>
      <button type="button" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
        ×
      </button>
    </div>
  );
}

export function Notices() {
  const notices = useUiStore((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <NoticeView key={n.id} notice={n} />
      ))}
    </div>
  );
}
