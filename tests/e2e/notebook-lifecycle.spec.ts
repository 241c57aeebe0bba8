/**
 * Journeys over a notebook's life: a new cell starts from its own notebook's
 * table (DuckDB holds every notebook's tables), deleting a notebook leaves
 * nothing of it in the browser's storage, and a reload rebuilds SQL views in
 * dependency order so a churn model trained on a view comes back by itself.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, loadFiles, runSql, startEmpty, test, trainChurn } from './fixtures';

const list = (page: Page) => page.getByRole('navigation', { name: 'Notebooks' });
const dataCell = (page: Page, fileName: string) => page.locator('[data-cell-type="data"]', { hasText: `from ${fileName}` });
const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

async function retitle(page: Page, title: string): Promise<void> {
	await page.getByRole('textbox', { name: 'Notebook title' }).fill(title);
	await page.getByRole('textbox', { name: 'Notebook title' }).press('Tab');
	await expect(list(page).getByRole('button', { name: new RegExp(`^${title}`) })).toBeVisible();
}

/** Titles the open (empty) notebook and loads a two-row CSV into it. */
async function smallNotebook(page: Page, title: string, fileName: string, text: string): Promise<void> {
	await retitle(page, title);
	await loadFiles(page, csv(fileName, text));
	await expect(dataCell(page, fileName).getByTestId('table-shape')).toHaveText('2 rows × 2 columns');
}

async function newNotebook(page: Page): Promise<void> {
	await list(page).getByRole('button', { name: '+ New notebook' }).click();
	await expect(page.getByText('This notebook is empty')).toBeVisible();
}

/** The first `rows` customers of the telco table, as a CSV file named `name`. */
async function customers(name: string, rows: number) {
	const lines = (await readFile('datasets/wa_churn.csv', 'utf8')).trimEnd().split('\n').slice(0, rows + 1);
	return csv(name, lines.join('\n') + '\n');
}

/** Trains the churn cell on its table with logistic regression only (fast), and waits for its scores. */
async function trainLogistic(page: Page): Promise<void> {
	const churn = page.locator('[data-cell-type="churn"]');
	await trainChurn(page, 'logistic');
	await expect(churn.getByTestId('score-summary')).toContainText('customers scored', { timeout: 60_000 });
	// Autosave writes in the background (a busy machine takes a while): reload only once the table to score is stored.
	await expect.poll(async () => (await storage(page)).notebooks.some((n) => n.cells.some((c) => c.params.scoreTable)), { timeout: 30_000 }).toBe(true);
}

/** What the browser keeps: kept file keys (OPFS `files`) and every IndexedDB key with the stored notebooks. */
function storage(page: Page) {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('crm-workbench');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const read = <T>(request: IDBRequest<T>) => new Promise<T>((resolve) => (request.onsuccess = () => resolve(request.result)));
		const store = db.transaction('notebooks').objectStore('notebooks');
		const [keys, values] = await Promise.all([read(store.getAllKeys()), read(store.getAll())]);
		db.close();
		const notebooks = keys.flatMap((key, i) => (String(key).startsWith('notebook:') ? [values[i] as { id: string; title: string; cells: { params: Record<string, unknown> }[] }] : []));
		const files: string[] = [];
		const root = await navigator.storage.getDirectory();
		try {
			const folder = (await root.getDirectoryHandle('files')) as unknown as { keys(): AsyncIterable<string> };
			for await (const name of folder.keys()) files.push(decodeURIComponent(name));
		} catch {
			// No file kept yet.
		}
		return { keys: keys.map(String), notebooks, files };
	});
}

test("a new cell starts from its own notebook's table, not another notebook's", async ({ page }) => {
	await startEmpty(page);
	await smallNotebook(page, 'Alpha', 'alpha.csv', 'customer,churn\nA,Yes\nB,No\n');
	// A second notebook loads a table that sorts after the first one's.
	await newNotebook(page);
	await smallNotebook(page, 'Zeta', 'zeta.csv', 'account,score\n1,10\n2,20\n');

	// Back in the first notebook (DuckDB now holds alpha and zeta), new cells read alpha.
	await list(page).getByRole('button', { name: /^Alpha/ }).click();
	await expect(dataCell(page, 'alpha.csv').getByTestId('table-shape')).toHaveText('2 rows × 2 columns');
	await page.getByRole('button', { name: '+ Profile' }).click();
	await expect(page.locator('[data-cell-type="profile"]').getByRole('combobox', { name: 'Table' })).toHaveValue('alpha');
	await page.getByRole('button', { name: '+ Churn model' }).click();
	const churn = page.locator('[data-cell-type="churn"]');
	await expect(churn.getByRole('combobox', { name: 'Table', exact: true })).toHaveValue('alpha');
	await expect(churn.getByRole('combobox', { name: 'Target' })).toHaveValue('churn');
});

test('deleting a notebook deletes its kept file and trained result; About lists what each notebook keeps', async ({ page }) => {
	test.setTimeout(240_000);
	page.on('dialog', (dialog) => dialog.accept());
	await startEmpty(page);
	await smallNotebook(page, 'Keep', 'kept.csv', 'customer,churn\nA,Yes\nB,No\n');
	await newNotebook(page);
	await retitle(page, 'Gone');
	await loadFiles(page, await customers('customers.csv', 600));
	await expect(dataCell(page, 'customers.csv').getByTestId('table-shape')).toHaveText('600 rows × 20 columns', { timeout: 60_000 });
	await page.getByRole('button', { name: '+ Churn model' }).click();
	await trainLogistic(page);

	// The privacy panel lists what each notebook keeps: its files, its trained results and its document, with their sizes.
	await page.getByRole('button', { name: 'About & privacy' }).click();
	const kept = page.getByRole('dialog').getByRole('list', { name: 'Kept for each notebook' });
	await expect(kept.getByRole('listitem').filter({ hasText: 'Keep' })).toContainText(/^Keep: [\d.]+ k?B in all: kept\.csv \(\d+ B\); 0 trained results \(0 B\); the notebook itself \([\d.]+ k?B\)/);
	// The model, and the reasons of the riskiest customers once they are found.
	await expect(kept.getByRole('listitem').filter({ hasText: 'Gone' })).toContainText(
		/^Gone: [\d.]+ kB in all: customers\.csv \([\d.]+ kB\); [12] trained results? \([\d.]+ k?B\); the notebook itself/
	);

	const before = await storage(page);
	const gone = before.notebooks.find((n) => n.title === 'Gone')!;
	const keep = before.notebooks.find((n) => n.title === 'Keep')!;
	const goneFile = String(gone.cells.find((c) => c.params.fileKey)!.params.fileKey);
	const goneResult = String(gone.cells.find((c) => c.params.resultKey)!.params.resultKey);
	const goneReasons = String(gone.cells.find((c) => c.params.reasonsKey)?.params.reasonsKey || goneResult);
	const keptFile = String(keep.cells[0].params.fileKey);
	expect(before.files.sort()).toEqual([goneFile, keptFile].sort());
	expect(before.keys).toContain(`result:${goneResult}`);

	// Deleted from the privacy panel, which then lists what is left.
	await page.getByRole('dialog').getByRole('button', { name: 'Delete "Gone" and its data' }).click();
	await expect(kept.getByRole('listitem')).toHaveCount(1);
	await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
	await expect(list(page).getByRole('listitem')).toHaveCount(1);
	await expect(page.getByRole('textbox', { name: 'Notebook title' })).toHaveValue('Keep');
	// Nothing of the deleted notebook is left; the other one keeps its file.
	// Files go first, then results: wait for both.
	const leftOf = async () => {
		const now = await storage(page);
		return { files: now.files, keys: now.keys.filter((key) => key.includes(gone.id) || key.includes(goneResult) || key.includes(goneReasons)) };
	};
	await expect.poll(leftOf).toEqual({ files: [keptFile], keys: [] });
	const after = await storage(page);
	expect(after.notebooks.map((n) => n.title)).toEqual(['Keep']);

	await page.getByRole('button', { name: 'About & privacy' }).click();
	await expect(kept.getByRole('listitem')).toHaveCount(1);
	await expect(kept.getByRole('listitem')).toContainText(/^Keep: .* in all: kept\.csv/);
	await expect(page.getByRole('dialog')).not.toContainText('Part of no notebook');
});

test('reload rebuilds SQL views in dependency order: a churn model on a view comes back without a click', async ({ page }) => {
	test.setTimeout(240_000);
	await startEmpty(page);
	await loadFiles(page, await customers('customers.csv', 1500));
	await expect(dataCell(page, 'customers.csv').getByTestId('table-shape')).toHaveText('1,500 rows × 20 columns', { timeout: 60_000 });

	// The churn cell sits above the views it reads, and view q2 (reading q1) above q1.
	await page.getByRole('button', { name: '+ Churn model' }).click();
	const q1 = await runSql(page, 'SELECT * FROM customers WHERE tenure > 2');
	await expect(q1.getByTestId('sql-summary')).toContainText('× 20 columns');
	const q2 = await runSql(page, 'SELECT * FROM q1 WHERE monthly_charges > 20');
	await expect(q2.getByTestId('sql-summary')).toContainText('saved as view');
	await q2.getByRole('button', { name: 'Move up' }).click();
	await expect(page.locator('section[data-cell-type]').nth(2).getByTestId('sql-summary')).toContainText('q2');

	const churn = page.locator('[data-cell-type="churn"]');
	await churn.getByRole('combobox', { name: 'Table', exact: true }).selectOption('q2');
	await expect(churn.getByText('Features (19 of 19) and validation')).toBeVisible();
	await trainLogistic(page);

	await page.reload();
	await expect(churn.getByText('Features (19 of 19) and validation')).toBeVisible({ timeout: 60_000 });
	await expect(churn.getByRole('table', { name: 'Leaderboard' }).getByRole('row', { name: /Logistic regression/ }).first()).toBeVisible();
	await expect(churn.getByTestId('score-summary')).toContainText('customers scored');
	await expect(churn.getByText('changed since this training')).toHaveCount(0);
});
