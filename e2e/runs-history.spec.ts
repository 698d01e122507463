// Run history (SPEC §3.9): the runs of the open workflow are listed; opening a past run shows what it
// did on the canvas; a run is re-run as it was; and "run from here" runs a node and what follows it,
// reusing the recorded outputs of the nodes upstream instead of running them again.
import { test, expect } from './fixtures/test.js';
import { canvasNode, expectNodeStatus, expectRunStatus } from './fixtures/editor.js';
import { openFixture, selectNode } from './fixtures/navigation.js';
import { addNode, documentNode, openTab } from './fixtures/panels.js';

/**
 * start → check → result, where `check` (core.code) fails when its input says `fail`: a run started
 * with the input `{ fail: true }` fails, one with the trigger's own payload succeeds.
 */
function withCheck(document: Record<string, unknown>): void {
  document['edges'] = [];
  document['nodes'] = (document['nodes'] as unknown[]).slice(0, 1);
  addNode(
    document,
    {
      id: 'check',
      type: 'core.code',
      position: { x: 240, y: 0 },
      params: { source: "if (input.fail) throw new Error('asked to fail');\nreturn { name: input.name };" },
    },
    'start',
  );
  addNode(
    document,
    { id: 'result', type: 'core.output', position: { x: 480, y: 0 }, params: { name: 'checked' } },
    'check',
  );
}

test('past runs are listed, opened on the canvas, re-run, and run from a node', async ({
  editor,
  rest,
  socket,
  workspace,
}) => {
  const workflowId = await openFixture(editor, rest, workspace, 'two-nodes', withCheck);
  const runIds = async () =>
    (await socket.call('runs.list', { workspaceId: workspace.id, workflowId })).items.map((r) => r.id);

  // The older run, from the editor, succeeds; the newer, from the REST API, fails.
  await editor.getByTestId('run').click();
  await expectRunStatus(editor, 'succeeded');
  const [older] = await runIds();
  const failed = await rest.startRun(workspace.id, workflowId, { fail: true });
  expect((await rest.waitForRun(workspace.id, failed.runId)).status).toBe('failed');

  await openTab(editor, 'runs');
  const history = editor.getByTestId('run-history');
  // A run started elsewhere shows after a refresh.
  await editor.getByTestId('runs-refresh').click();
  await expect(history.locator('[data-testid^="run-item-"]')).toHaveCount(2);

  await history.getByTestId(`run-item-${failed.runId}`).click();
  await expectRunStatus(editor, 'failed');
  await expectNodeStatus(editor, 'check', 'failed');
  await expectNodeStatus(editor, 'result', 'cancelled');

  await history.getByTestId(`run-item-${older}`).click();
  await expect(history.getByTestId(`run-item-${older}`)).toHaveAttribute('aria-current', 'true');
  await expectRunStatus(editor, 'succeeded');
  await expectNodeStatus(editor, 'start', 'succeeded');
  await expectNodeStatus(editor, 'check', 'succeeded');
  await expectNodeStatus(editor, 'result', 'succeeded');

  // Re-run the older one: a third run, of the same input, that succeeds.
  await history.getByTestId(`run-rerun-${older}`).click();
  await expect(history.locator('[data-testid^="run-item-"]')).toHaveCount(3);
  await expectRunStatus(editor, 'succeeded');
  const rerun = (await runIds()).find((id) => id !== older && id !== failed.runId) as string;
  const rerunDetail = await rest.waitForRun(workspace.id, rerun);
  expect(rerunDetail).toMatchObject({ status: 'succeeded', origin: { kind: 'rerun', sourceRunId: older } });
  await expect(history.getByTestId(`run-item-${rerun}`)).toHaveAttribute('aria-current', 'true');

  // Run from the output, reusing what the re-run recorded for start and check.
  await selectNode(editor, 'result');
  await openTab(editor, 'run');
  const fromHere = editor.getByTestId('run-from-here');
  await expect(fromHere).toBeEnabled();
  await fromHere.click();
  await expect(history.locator('[data-testid^="run-item-"]')).toHaveCount(4);
  await expectRunStatus(editor, 'succeeded');
  const fromNode = (await runIds()).find((id) => ![older, failed.runId, rerun].includes(id)) as string;
  const detail = await rest.waitForRun(workspace.id, fromNode);
  expect(detail.origin).toEqual({ kind: 'fromNode', nodeId: 'result', sourceRunId: rerun });
  expect(detail.status).toBe('succeeded');
  // Upstream nodes were not run again (no attempt, no start time): their outputs are the re-run's.
  for (const id of ['start', 'check']) {
    expect(detail.nodes[id]).toMatchObject({ status: 'succeeded', attempts: 0 });
    expect(detail.nodes[id]?.startedAt).toBeUndefined();
    expect(detail.nodes[id]?.outputs).toEqual(rerunDetail.nodes[id]?.outputs);
  }
  expect(detail.nodes['result']).toMatchObject({ status: 'succeeded', attempts: 1 });
  expect(detail.outputs).toEqual({ checked: { name: 'Ada' } });
  // The editor shows the new run.
  await expect(history.getByTestId(`run-item-${fromNode}`)).toHaveAttribute('aria-current', 'true');
  await expect(history.getByTestId(`run-item-${fromNode}`)).toContainText('succeeded');
  await expectRunStatus(editor, 'succeeded');
  expect(detail.nodes['start']?.pinned).toBe(true);
  expect(detail.nodes['result']?.pinned).toBeUndefined();
  // The reused nodes say so, and where their outputs came from, on the canvas and in their details.
  const shortRerun = rerun.replace(/^run_/, '').slice(0, 6);
  await expect(canvasNode(editor, 'check')).toHaveAttribute('data-reused', 'true');
  await expect(canvasNode(editor, 'check')).toHaveAttribute('data-status', 'succeeded');
  await expect(editor.getByTestId('run-info-check')).toContainText(`reused from run ${shortRerun}`);
  await expect(canvasNode(editor, 'result')).not.toHaveAttribute('data-reused', 'true');
  await selectNode(editor, 'check');
  await expect(editor.getByTestId('reused-from')).toContainText(shortRerun);
  await expect(editor.getByTestId('node-output-check')).toContainText('Ada');
});

test('run from here is offered only once everything upstream succeeded', async ({
  editor,
  rest,
  workspace,
}) => {
  await openFixture(editor, rest, workspace, 'two-nodes', (document) => {
    withCheck(document);
    // The trigger's own payload fails the check.
    documentNode(document, 'start').params = { payload: { fail: true } };
  });
  await editor.getByTestId('run').click();
  await expectRunStatus(editor, 'failed');

  await selectNode(editor, 'result');
  await openTab(editor, 'run');
  await expect(editor.getByTestId('run-from-here')).toBeDisabled();
  await expect(editor.getByTestId('run-from-here')).toHaveAttribute('title', /check/);
  await selectNode(editor, 'check');
  await expect(editor.getByTestId('run-from-here')).toBeEnabled();
});
