/**
 * Journeys with two tabs of one browser: a notebook open in both is edited
 * in one and read-only in the other, handed over with "Edit here instead",
 * and nothing is lost across reloads; "Delete all local data" in one tab
 * empties the other, which writes nothing back.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, loadFiles, startEmpty, test } from './fixtures';

const readOnly = (page: Page) => page.getByRole('region', { name: 'Read-only in this tab' });
const title = (page: Page) => page.getByRole('textbox', { name: 'Notebook title' });
const textCells = (page: Page) => page.locator('section[data-cell-type="markdown"]');
/** A text cell's text, whether it shows its editor or its rendered Markdown. */
const cellText = (cell: Locator) =>
	cell.evaluate((el) => el.querySelector('textarea')?.value ?? el.querySelector('[role="article"]')?.textContent?.trim() ?? '');

test('two tabs on one notebook: one edits, the other follows read-only, hand-over keeps every edit', async ({ page: a, context }) => {
	await startEmpty(a);
	// A second tab of the same browser (the fixture watches its errors too).
	const b = await context.newPage();
	await b.goto('/');
	await expect(readOnly(b)).toContainText('This notebook is open for editing in another tab');
	await expect(readOnly(a)).toHaveCount(0);
	await expect(title(b)).not.toBeEditable();
	await expect(b.getByRole('toolbar', { name: 'Add a cell' })).toHaveCount(0);

	// Edits in A show in B as soon as A saved them, in the notebook and in the list.
	await title(a).fill('Renewals Q3');
	await title(a).press('Tab');
	await a.getByRole('button', { name: '+ Text' }).click();
	await textCells(a).getByRole('textbox', { name: 'Markdown text' }).fill('## Renewal notes');
	await expect(title(b)).toHaveValue('Renewals Q3');
	await expect(textCells(b)).toHaveCount(1);
	await expect(b.getByRole('navigation', { name: 'Notebooks' }).getByRole('button', { name: 'Renewals Q3 1 cells' })).toBeVisible();

	// "Edit here instead": B takes over with A's latest state, A turns read-only.
	await readOnly(b).getByRole('button', { name: 'Edit here instead' }).click();
	await expect(readOnly(b)).toHaveCount(0);
	await expect(readOnly(a)).toBeVisible();
	await expect(title(a)).not.toBeEditable();
	await expect(title(b)).toBeEditable();
	await b.getByRole('button', { name: '+ Text' }).click();
	await textCells(b).last().getByRole('textbox', { name: 'Markdown text' }).fill('Call every churned account');
	await expect(textCells(a)).toHaveCount(2);
	// A shows the cell as B saved it: still in edit mode if the empty cell arrived first, rendered
	// if the text came with it (both happen, depending on when B's autosave ran).
	await expect.poll(() => cellText(textCells(a).last())).toBe('Call every churned account');

	// Reload both: both edits are there, and again exactly one tab edits (whichever took the
	// notebook first: A may start before B's old page let go, or after).
	await a.reload();
	await b.reload();
	for (const tab of [a, b]) {
		await expect(title(tab)).toHaveValue('Renewals Q3');
		await expect(textCells(tab)).toHaveCount(2);
		await expect(tab.getByRole('heading', { name: 'Renewal notes' })).toBeVisible();
		await expect(textCells(tab).last()).toContainText('Call every churned account');
	}
	await expect.poll(async () => (await readOnly(a).count()) + (await readOnly(b).count())).toBe(1);
	const [editor, reader] = (await readOnly(a).count()) ? [b, a] : [a, b];
	await expect(title(editor)).toBeEditable();

	// The lists follow each other: a notebook made in one tab shows in the other, and deleting it
	// there has the tab that edits it delete it (then it reopens the first one, read-only).
	const list = (page: Page) => page.getByRole('navigation', { name: 'Notebooks' });
	await list(reader).getByRole('button', { name: '+ New notebook' }).click();
	await expect(reader.getByText('This notebook is empty')).toBeVisible();
	await expect(list(editor).getByRole('listitem')).toHaveCount(2);
	editor.on('dialog', (dialog) => dialog.accept());
	await list(editor).getByRole('button', { name: 'Delete Untitled notebook' }).click();
	for (const tab of [editor, reader]) await expect(list(tab).getByRole('listitem')).toHaveCount(1);
	await expect(title(reader)).toHaveValue('Renewals Q3');
	await expect(readOnly(reader)).toBeVisible();
});

test('delete all local data in one tab empties the other tab, and nothing comes back', async ({ page: a, context }) => {
	// B edits a notebook with a kept file (OPFS); A shows it read-only, then erases everything.
	const b = await context.newPage();
	await startEmpty(b);
	await loadFiles(b, { name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from('account_id,plan,churned\n1,basic,0\n2,pro,1\n3,pro,0\n') });
	await expect(b.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveText('3 rows × 3 columns');
	await a.goto('/');
	await expect(readOnly(a)).toBeVisible();
	await expect(a.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveText('3 rows × 3 columns');

	a.on('dialog', (dialog) => dialog.accept());
	await a.getByRole('button', { name: 'About & privacy' }).click();
	await a.getByRole('button', { name: 'Delete all local data' }).click();
	await expect(a.getByRole('button', { name: 'Open the churn demo' })).toBeVisible();
	await expect(a.getByText('All local data was deleted.')).toBeVisible();
	// B dropped its notebook and started afresh, saying why.
	await expect(b.getByRole('button', { name: 'Open the churn demo' })).toBeVisible();
	await expect(b.getByText('All local data was deleted from another tab.')).toBeVisible();

	// Nothing was written back: no notebook, no kept file, in either tab after a reload.
	for (const tab of [b, a]) {
		await tab.reload();
		await expect(tab.getByRole('button', { name: 'Open the churn demo' })).toBeVisible();
		await expect(tab.getByRole('navigation', { name: 'Notebooks' }).getByRole('listitem')).toHaveCount(0);
	}
	const keptFiles = await a.evaluate(async () => {
		const root = await navigator.storage.getDirectory();
		const names: string[] = [];
		for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
		return names;
	});
	expect(keptFiles).toEqual([]);
});
