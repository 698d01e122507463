// Says when the link to the host is down (browser mode's socket reconnecting); shows nothing when open.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useApiClient } from '../app-context.js';

function useSecondsUntil(at: number | undefined): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [at]);
  return at === undefined ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

export function ConnectionIndicator() {
  const { transport } = useApiClient();
  const status = useSyncExternalStore(transport.onConnectionChange, transport.connection);
  const seconds = useSecondsUntil(status.state === 'reconnecting' ? status.retryAt : undefined);
  if (status.state === 'open') return null;
  const text =
    status.state === 'connecting'
      ? 'Connecting to Weft…'
      : status.state === 'closed'
        ? 'Disconnected from Weft'
        : `Connection lost; retrying${seconds ? ` in ${seconds}s` : '…'}`;
  return (
    <span className="connection" role="status" data-testid="connection-status" data-state={status.state}>
      {text}
    </span>
  );
}
