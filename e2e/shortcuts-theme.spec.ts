// The keyboard shortcuts help (`?`) lists the shortcuts, including save, undo, redo and run; and the
// theme switch changes the editor's colours and is remembered across a reload.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/test.js';
import { clickEmptyCanvas } from './fixtures/panels.js';

// The page's own, where the colour is read (the e2e project is compiled without the DOM lib).
declare function getComputedStyle(element: unknown): { readonly backgroundColor: string };

function help(page: Page) {
  return page.getByTestId('shortcuts-help');
}

function theme(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('data-theme');
}

function headerBackground(page: Page): Promise<string> {
  return page.locator('.weft-header').evaluate((element) => getComputedStyle(element).backgroundColor);
}

test('? shows the keyboard shortcuts, and Escape closes them', async ({ editor }) => {
  await clickEmptyCanvas(editor);
  await editor.keyboard.press('?');

  await expect(help(editor)).toBeVisible();
  const rows = {
    save: ['Save', 'S'],
    undo: ['Undo', 'Z'],
    redo: ['Redo', 'Y'],
    run: ['Run', 'Enter'],
  };
  for (const [action, texts] of Object.entries(rows)) {
    const row = help(editor).getByTestId(`shortcut-${action}`);
    for (const text of texts) await expect(row).toContainText(text);
    await expect(row.locator('kbd').first()).toHaveText('Ctrl');
  }
  await editor.keyboard.press('Escape');
  await expect(help(editor)).toHaveCount(0);

  // Typed into a field, `?` is only a character.
  const search = editor.getByTestId('palette-search');
  await search.click();
  await editor.keyboard.press('?');
  await expect(search).toHaveValue('?');
  await expect(help(editor)).toHaveCount(0);

  // The header's button opens the same list.
  await editor.getByTestId('shortcuts-help-button').click();
  await expect(help(editor).getByTestId('shortcut-save')).toBeVisible();
});

test('the theme switch changes the colours and survives a reload', async ({ editor }) => {
  const first = await theme(editor);
  expect(['light', 'dark']).toContain(first);
  const other = first === 'light' ? 'dark' : 'light';
  const background = await headerBackground(editor);

  await editor.getByTestId('theme-toggle').click();
  await expect(editor.locator('html')).toHaveAttribute('data-theme', other);
  await expect.poll(() => headerBackground(editor)).not.toBe(background);
  // The canvas follows (React Flow's colour mode is a class on its root).
  await expect(editor.locator('.react-flow')).toHaveClass(new RegExp(`(^|\\s)${other}(\\s|$)`));

  await editor.reload();
  await expect(editor.getByTestId('palette-search')).toBeVisible();
  await expect(editor.locator('html')).toHaveAttribute('data-theme', other);
  await expect.poll(() => headerBackground(editor)).not.toBe(background);

  await editor.getByTestId('theme-toggle').click();
  await expect(editor.locator('html')).toHaveAttribute('data-theme', first as string);
  await expect.poll(() => headerBackground(editor)).toBe(background);
});
