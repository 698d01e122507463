// Connects the host's pushed events to the run store, one batch per animation frame.
import type { ApiClient, ApiEvent } from '../../preload/contract.js';
import { animationFrameScheduler, createFrameBatcher, type FrameScheduler } from './frame-batcher.js';
import type { RunActions } from './run.store.js';

/** Starts feeding; answers the function that stops. */
export function feedRunEvents(
  client: Pick<ApiClient, 'onEvent'>,
  store: { getState(): Pick<RunActions, 'applyEvents'> },
  schedule: FrameScheduler = animationFrameScheduler,
): () => void {
  const batcher = createFrameBatcher<ApiEvent>((events) => store.getState().applyEvents(events), schedule);
  const stop = client.onEvent((event) => batcher.push(event));
  return () => {
    stop();
    batcher.dispose();
  };
}
