// A new user can start from a bundled example (examples/*.weft.json) without finding a file: choosing
// one in the workflow list imports it as a new workflow, opens it, and it runs.
import { test, expect } from './fixtures/test.js';
import { expectNodeStatus, expectRunStatus } from './fixtures/editor.js';
import { enterWorkspace } from './fixtures/navigation.js';

test('an example chosen in the workflow list is imported, opened and runs', async ({ editor, workspace }) => {
  await enterWorkspace(editor, workspace);
  await editor.getByTestId('workflow-examples').selectOption('hello.weft.json');

  await expect(editor.getByTestId('workflow-name')).toHaveValue('Hello');
  for (const id of ['start', 'greet', 'result']) await expect(editor.getByTestId(`node-${id}`)).toBeVisible();
  // It is stored, as a new workflow of this workspace.
  await expect(editor.getByTestId('workflow-list').locator('[data-testid^="workflow-item-"]')).toHaveCount(1);

  await editor.getByTestId('run').click();
  await expectRunStatus(editor, 'succeeded');
  await expectNodeStatus(editor, 'result', 'succeeded');
});
