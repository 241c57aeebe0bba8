/**
 * Journey: an analyst runs a query far too heavy for the tab. The cell says
 * how long it has run, the page keeps answering, "Cancel query" stops it
 * within a second, and the next query runs at once.
 */
import { expect, runSql, startEmpty, test } from './fixtures';

// Tens of seconds of work for DuckDB here.
const HEAVY = 'SELECT count(*) AS n FROM range(20000000000) t(x) WHERE x % 7 = 3';

test('a long SQL query shows its time, can be cancelled, and the cell runs the next one', async ({ page }) => {
	await startEmpty(page);
	const cell = await runSql(page, HEAVY);
	const running = cell.getByRole('status').filter({ hasText: /Running… \d+\.\d s/ });
	await expect(running).toBeVisible();

	// The page answers meanwhile.
	await page.getByRole('button', { name: 'About & privacy' }).click();
	await expect(page.getByRole('dialog')).toBeVisible();
	await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

	await running.getByRole('button', { name: 'Cancel query' }).click();
	await expect(cell.getByText('Query cancelled: nothing was saved as its result.')).toBeVisible({ timeout: 1500 });
	await expect(running).toHaveCount(0);
	await expect(cell.getByRole('alert')).toHaveCount(0);

	await cell.getByRole('textbox', { name: 'SQL query' }).click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.insertText('SELECT 42 AS answer');
	await page.keyboard.press('Control+Enter');
	await expect(cell.getByTestId('sql-summary')).toContainText('× 1 columns');
	await expect(cell.getByRole('grid')).toContainText('42');
});
