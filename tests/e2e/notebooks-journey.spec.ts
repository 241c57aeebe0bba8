/**
 * Journey: first visit → churn demo → cell editing and keyboard → several
 * notebooks → export and re-open a notebook file (and refuse a bad one) →
 * delete all local data. Also checks the page's Content-Security-Policy.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, expectAccessible } from './fixtures';

test('demo, cell actions, notebook list, export/import and erase-all', async ({ page }) => {
	page.on('dialog', (dialog) => dialog.accept());
	await page.goto('/');
	await expectAccessible(page, 'welcome');

	// The page forbids every other origin.
	const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
	expect(csp).toContain("default-src 'self'");
	expect(csp).toContain("connect-src 'self' blob: data:");

	// First visit: the churn demo loads, profiles and charts the telco table.
	await page.getByRole('button', { name: 'Open the churn demo' }).click();
	const cells = page.locator('section[data-cell-type]');
	await expect(cells).toHaveCount(6);
	await expect(page.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveText('7,043 rows × 20 columns');
	await expect(page.locator('[data-cell-type="profile"]')).toContainText('looks like a target');
	await expect(page.locator('[data-cell-type="chart"]').locator('svg').first()).toBeVisible();
	const sqlCell = page.locator('[data-cell-type="sql"]');
	await expect(sqlCell.getByTestId('sql-summary')).toContainText('3 rows × 3 columns');
	await expect(sqlCell.getByRole('grid')).toContainText('42.7');
	await expectAccessible(page, 'demo notebook');

	// Arrow keys move between cells when a cell (not an editor) has focus.
	await cells.nth(0).click({ position: { x: 5, y: 5 } });
	await cells.nth(0).focus();
	await page.keyboard.press('ArrowDown');
	await expect(cells.nth(1)).toBeFocused();
	// Shift+Enter runs the cell and moves on to the next one.
	await page.keyboard.press('Shift+Enter');
	await expect(cells.nth(2)).toBeFocused();
	await expect(page.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveText('7,043 rows × 20 columns');

	// Cell actions: duplicate, rename, collapse, move, delete.
	await sqlCell.getByRole('button', { name: 'Duplicate' }).click();
	await expect(cells).toHaveCount(7);
	const copy = cells.nth(5);
	await copy.getByRole('textbox', { name: 'Cell name' }).fill('Churn rate by contract');
	await copy.getByRole('textbox', { name: 'Cell name' }).press('Enter');
	await copy.getByRole('button', { name: 'Move up' }).click();
	await expect(cells.nth(4).getByRole('textbox', { name: 'Cell name' })).toHaveValue('Churn rate by contract');
	await cells.nth(4).getByRole('button', { name: 'Collapse' }).click();
	await expect(cells.nth(4).getByRole('grid')).toBeHidden();
	await cells.nth(4).getByRole('button', { name: 'Delete cell' }).click();
	await expect(cells).toHaveCount(6);
	// Undo brings the cell back at its place, with its name and params.
	const undoNotice = page.getByRole('status').filter({ hasText: 'Deleted "Churn rate by contract".' });
	await undoNotice.getByRole('button', { name: 'Undo' }).click();
	await expect(cells).toHaveCount(7);
	await expect(cells.nth(4).getByRole('textbox', { name: 'Cell name' })).toHaveValue('Churn rate by contract');
	await expect(undoNotice).toBeHidden();
	await cells.nth(4).getByRole('button', { name: 'Delete cell' }).click();
	await expect(cells).toHaveCount(6);
	// Undo of the data cell: its kept file was not deleted yet, so the restored cell loads its table again.
	const dataCell = page.locator('[data-cell-type="data"]');
	await dataCell.getByRole('button', { name: 'Delete cell' }).click();
	await expect(dataCell).toHaveCount(0);
	await page.getByRole('status').filter({ hasText: 'Deleted "Data 2".' }).getByRole('button', { name: 'Undo' }).click();
	await expect(cells).toHaveCount(6);
	await expect(cells.nth(1)).toHaveAttribute('data-cell-type', 'data');
	await expect(dataCell.getByTestId('table-shape')).toHaveText('7,043 rows × 20 columns');
	await expect(dataCell.getByRole('alert')).toHaveCount(0);

	// A text cell renders Markdown and never raw HTML.
	await page.getByRole('button', { name: '+ Text' }).click();
	const text = page.locator('[data-cell-type="markdown"]').last();
	await text.getByRole('textbox', { name: 'Markdown text' }).fill('## Notes\n<img src=x onerror="window.pwned=1">**bold**');
	await text.getByRole('button', { name: 'Done' }).click();
	await expect(text.getByRole('heading', { name: 'Notes' })).toBeVisible();
	await expect(text.locator('img')).toHaveCount(0);
	expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

	// Export the notebook alone, as .json (the export dialog's first choice).
	await page.getByRole('button', { name: 'Export…' }).click();
	await expect(page.getByRole('radio', { name: 'Notebook only (.json)' })).toBeChecked();
	const downloadPromise = page.waitForEvent('download');
	await page.getByRole('dialog').getByRole('button', { name: 'Export', exact: true }).click();
	const download = await downloadPromise;
	await expect(page.getByRole('dialog')).toHaveCount(0);
	const exported = JSON.parse(await readFile((await download.path())!, 'utf8'));
	expect(exported).toMatchObject({ format: 'crm-workbench-notebook', version: 1, title: 'Telco churn demo' });
	expect(exported.cells).toHaveLength(7);

	// Several notebooks: create one and rename it from the list.
	const list = page.getByRole('navigation', { name: 'Notebooks' });
	await list.getByRole('button', { name: '+ New notebook' }).click();
	await expect(page.getByText('This notebook is empty')).toBeVisible();
	await list.getByRole('button', { name: 'Rename Untitled notebook' }).click();
	await list.getByRole('textbox', { name: 'Rename' }).fill('Segments 2026');
	await list.getByRole('textbox', { name: 'Rename' }).press('Enter');
	await expect(page.getByRole('textbox', { name: 'Notebook title' })).toHaveValue('Segments 2026');
	await expect(list.getByRole('listitem')).toHaveCount(2);

	// A bad notebook file is refused and nothing changes.
	await page.getByTestId('notebook-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"cells": [') });
	await expect(page.getByRole('alert')).toContainText('not valid JSON');
	await expect(list.getByRole('listitem')).toHaveCount(2);
	await expect(page.getByRole('textbox', { name: 'Notebook title' })).toHaveValue('Segments 2026');

	// The exported file opens back as a notebook, untrusted: it says what it will do and runs nothing.
	await page.getByTestId('notebook-input').setInputFiles({ name: 'demo.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
	await expect(list.getByRole('listitem')).toHaveCount(3);
	await expect(page.getByRole('textbox', { name: 'Notebook title' })).toHaveValue('Telco churn demo');
	const prompt = page.getByRole('region', { name: /opened from a file: nothing in it has run/ });
	await expect(prompt).toContainText(/loads the file "wa_churn\.csv" as table wa_churn/);
	await expect(page.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveCount(0);
	// Trusted, it runs: its table comes back from browser storage.
	await prompt.getByRole('button', { name: 'Trust and run all' }).click();
	await expect(prompt).toHaveCount(0);
	await expect(page.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveText('7,043 rows × 20 columns');

	// Delete a notebook from the list.
	await list.getByRole('button', { name: 'Delete Segments 2026' }).click();
	await expect(list.getByRole('listitem')).toHaveCount(2);

	// Erase everything: back to the first-visit screen, also after a reload.
	await page.getByRole('button', { name: 'About & privacy' }).click();
	await expect(page.getByRole('dialog')).toContainText('What is stored, and where');
	await page.getByRole('button', { name: 'Delete all local data' }).click();
	await expect(page.getByRole('button', { name: 'Open the churn demo' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('button', { name: 'Open the churn demo' })).toBeVisible();
	await expect(list.getByRole('listitem')).toHaveCount(0);
});

test('the compute check times a matrix product on the available backends', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('button', { name: /Compute: not started/ })).toBeVisible();
	await page.getByRole('button', { name: 'Compute check' }).click();
	const timings = page.getByRole('table').filter({ hasText: 'GFLOP/s' });
	await expect(timings.getByRole('row', { name: /WASM/ })).toBeVisible({ timeout: 90_000 });
	await expect(timings.getByRole('row', { name: /CPU/ })).toBeVisible();
	await expect(page.getByRole('button', { name: /Compute: (wasm|webgl|webgpu|cpu)/i })).toBeVisible();
});
