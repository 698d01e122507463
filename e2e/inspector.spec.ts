// The inspector: a node's params form is generated from its type's JSON Schema (a number field that
// refuses text and says what is wrong with an out-of-range value, a choice for an enum, a template
// marked as one, the switch of a typed field to an expression), and its error-handling policy is
// edited in its own section, saved, and shown again when the workflow is opened anew.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/test.js';
import { openFixture, openFromList, selectNode } from './fixtures/navigation.js';
import { addNode } from './fixtures/panels.js';

function inspector(page: Page) {
  return page.getByTestId('inspector');
}

/** The two-nodes fixture plus a delay (`wait`, ms 1000) and an HTTP request (`fetch`). */
function withDelayAndRequest(document: Record<string, unknown>): void {
  addNode(
    document,
    { id: 'wait', type: 'core.delay', position: { x: 240, y: 160 }, params: { ms: 1000 } },
    'start',
  );
  addNode(document, {
    id: 'fetch',
    type: 'core.http',
    position: { x: 480, y: 160 },
    params: { url: 'http://127.0.0.1:9/status' },
  });
}

test.describe('the params form follows the schema', () => {
  test('a number field refuses text, flags an out-of-range value and can hold an expression', async ({
    editor,
    rest,
    workspace,
  }) => {
    await openFixture(editor, rest, workspace, 'two-nodes', withDelayAndRequest);
    await selectNode(editor, 'wait');
    const ms = inspector(editor).getByTestId('param-ms');
    await expect(ms).toHaveValue('1000');

    // Text is not a number: the field says so and keeps the stored value.
    await ms.fill('soon');
    const field = inspector(editor).locator('.field', { has: editor.getByTestId('param-ms') });
    await expect(field.getByRole('alert')).toHaveText('not a number');
    await expect(inspector(editor).getByTestId('problem-param-ms')).toHaveText('not a number');
    await expect(ms).toHaveAttribute('aria-invalid', 'true');
    // The message is the input's description, for a screen reader as for a person.
    const describedBy = await ms.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    await expect(editor.locator(`[id="${describedBy}"]`)).toHaveText('not a number');
    // Nothing was stored: there is no edit to undo.
    await expect(editor.getByTestId('undo')).toBeDisabled();

    // A number below the schema's minimum is stored, and the field says what is wrong with it.
    await ms.fill('-5');
    await expect(inspector(editor).getByTestId('problem-param-ms')).toHaveText('must be at least 0');
    await ms.fill('250');
    await expect(inspector(editor).getByTestId('problem-param-ms')).toHaveCount(0);
    await expect(field.getByRole('alert')).toHaveCount(0);

    // The expression switch turns the value into a template, and back.
    const toggle = inspector(editor).getByTestId('expression-toggle-ms');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(ms).toHaveValue('{{ 250 }}');
    await expect(inspector(editor).getByTestId('template-marker-ms')).toBeVisible();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(ms).toHaveValue('250');
    await expect(inspector(editor).getByTestId('template-marker-ms')).toHaveCount(0);
  });

  test('an enum is a choice, and a {{ }} template in a string param is marked', async ({
    editor,
    rest,
    workspace,
  }) => {
    const workflowId = await openFixture(editor, rest, workspace, 'two-nodes', withDelayAndRequest);
    await selectNode(editor, 'fetch');

    const method = inspector(editor).getByTestId('param-method');
    expect(await method.evaluate((element) => element.tagName)).toBe('SELECT');
    await expect(method.locator('option')).toContainText(['GET', 'POST', 'PUT', 'DELETE']);
    await method.selectOption({ label: 'POST' });

    const url = inspector(editor).getByTestId('param-url');
    await expect(inspector(editor).getByTestId('template-marker-url')).toHaveCount(0);
    await url.fill('http://127.0.0.1:9/users/{{ input.in.id }}');
    await expect(inspector(editor).getByTestId('template-marker-url')).toBeVisible();
    // A string field has no expression switch: its text is a template already.
    await expect(inspector(editor).getByTestId('expression-toggle-url')).toHaveCount(0);

    await editor.getByTestId('save').click();
    await expect
      .poll(async () => (await rest.getWorkflow(workspace.id, workflowId)).document.nodes[3]?.params)
      .toEqual({ method: 'POST', url: 'http://127.0.0.1:9/users/{{ input.in.id }}' });
  });
});

test('the policy section is saved and shown again when the workflow is reopened', async ({
  editor,
  rest,
  workspace,
}) => {
  const workflowId = await openFixture(editor, rest, workspace, 'two-nodes', withDelayAndRequest);
  await selectNode(editor, 'fetch');
  const section = inspector(editor).getByTestId('policy-section');
  // A node without a policy shows the section closed.
  await expect(section).not.toHaveAttribute('open');
  await section.locator('summary').click();
  await expect(section).toHaveAttribute('open');

  await section.getByTestId('policy-maxAttempts').fill('3');
  await section.getByTestId('policy-timeoutMs').fill('5000');
  await section.getByTestId('policy-onError').selectOption({ label: 'Skip this node, go on' });
  await expect(section.locator('summary')).toContainText('3 attempts · 5000 ms · on error: skip');
  await editor.getByTestId('save').click();

  await expect
    .poll(async () => (await rest.getWorkflow(workspace.id, workflowId)).document.nodes[3]?.policy)
    .toEqual({ retry: { maxAttempts: 3 }, timeoutMs: 5000, onError: 'skip' });

  await editor.reload();
  await expect(editor.getByTestId('palette-search')).toBeVisible();
  await openFromList(editor, workflowId);
  await selectNode(editor, 'fetch');
  // A node with a policy shows it open, with its values.
  await expect(section).toHaveAttribute('open');
  await expect(section.getByTestId('policy-maxAttempts')).toHaveValue('3');
  await expect(section.getByTestId('policy-timeoutMs')).toHaveValue('5000');
  await expect(section.getByTestId('policy-onError').locator('option:checked')).toHaveText(
    'Skip this node, go on',
  );
});
