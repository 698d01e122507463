// Running from the editor and watching it: each node's `data-status` follows the run (SPEC §3.8), a node
// between tries says which attempt comes next, a failed node shows its error, and a run can be stopped.
import { test, expect } from './fixtures/test.js';
import { canvasNode, expectNodeStatus, expectRunStatus } from './fixtures/editor.js';
import { openFixture, selectNode } from './fixtures/navigation.js';

interface FixtureNode {
  id: string;
  params?: Record<string, unknown>;
  policy?: { retry?: Record<string, unknown> };
}

/** The fixture document's node `id`, for a test to change before storing it. */
function nodeOf(document: Record<string, unknown>, id: string): FixtureNode {
  const node = (document['nodes'] as FixtureNode[]).find((n) => n.id === id);
  if (!node) throw new Error(`the fixture has no node ${id}`);
  return node;
}

test('a run shows each node going from running to succeeded', async ({ editor, rest, workspace }) => {
  // The long-running fixture with a short wait: long enough to see the node run, short enough to wait for.
  await openFixture(editor, rest, workspace, 'long-running', (document) => {
    nodeOf(document, 'wait').params = { ms: 1500 };
  });
  for (const id of ['start', 'wait', 'result']) await expectNodeStatus(editor, id, 'idle');

  await editor.getByTestId('run').click();

  await expectNodeStatus(editor, 'wait', 'running');
  await expectRunStatus(editor, 'running');
  await expectNodeStatus(editor, 'start', 'succeeded');
  await expectNodeStatus(editor, 'wait', 'succeeded', { timeout: 10_000 });
  await expectNodeStatus(editor, 'result', 'succeeded');
  await expectRunStatus(editor, 'succeeded');

  // The output view shows what the node emitted: the trigger's empty payload, passed on by the delay.
  await selectNode(editor, 'wait');
  await expect(editor.getByTestId('node-output-wait')).toContainText('"out"');
});

test('a node that is retried shows its attempts while it waits', async ({ editor, rest, workspace }) => {
  // The retrying fixture waits 200 ms before its second try; 1.5 s leaves time to look.
  await openFixture(editor, rest, workspace, 'retrying', (document) => {
    const retry = nodeOf(document, 'flaky').policy?.retry;
    if (retry) retry['initialDelayMs'] = 1500;
  });

  await editor.getByTestId('run').click();

  const flaky = canvasNode(editor, 'flaky');
  await expect(flaky).toHaveAttribute('data-retrying', 'true');
  // Between tries the node is still running (SPEC §3.8); the first try is the one that failed.
  await expect(flaky).toHaveAttribute('data-status', 'running');
  await expect(flaky).toHaveAttribute('data-attempt', '1');
  await expect(editor.getByTestId('attempt-flaky')).toContainText('attempt 2');

  await expectNodeStatus(editor, 'flaky', 'succeeded', { timeout: 10_000 });
  await expect(flaky).not.toHaveAttribute('data-retrying', 'true');
  await expect(flaky).toHaveAttribute('data-attempt', '2');
  await expect(editor.getByTestId('attempt-flaky')).toContainText('attempt 2');
  await expectRunStatus(editor, 'succeeded');
  await selectNode(editor, 'flaky');
  await expect(editor.getByTestId('node-output-flaky')).toContainText('"tries": 2');
});

test('a failing node shows failed with its message, and what follows it is cancelled', async ({
  editor,
  rest,
  workspace,
}) => {
  await openFixture(editor, rest, workspace, 'failing');

  await editor.getByTestId('run').click();

  await expectRunStatus(editor, 'failed');
  await expectNodeStatus(editor, 'start', 'succeeded');
  await expectNodeStatus(editor, 'boom', 'failed');
  await expectNodeStatus(editor, 'result', 'cancelled');
  await selectNode(editor, 'boom');
  await expect(editor.getByTestId('output-error-boom')).toContainText('deliberate failure');
});

test('a long run is stopped with the stop button', async ({ editor, rest, workspace }) => {
  await openFixture(editor, rest, workspace, 'long-running');
  await expect(editor.getByTestId('stop')).toBeDisabled();

  await editor.getByTestId('run').click();
  await expectNodeStatus(editor, 'wait', 'running');
  await editor.getByTestId('stop').click();

  // Far sooner than the delay's 30 s: the delay honours the cancellation.
  await expectRunStatus(editor, 'cancelled', { timeout: 10_000 });
  await expectNodeStatus(editor, 'wait', 'cancelled');
  await expectNodeStatus(editor, 'result', 'cancelled');
  await expectNodeStatus(editor, 'start', 'succeeded');
  await expect(editor.getByTestId('stop')).toBeDisabled();
});
