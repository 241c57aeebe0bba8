/**
 * Journey: a new analyst loads the telco file, queries it, profiles and
 * charts it, reloads the page, and finds everything still there.
 */
import { readFile } from 'node:fs/promises';
import { expect, loadFiles, startEmpty, test } from './fixtures';

test('load wa_churn.csv → query → profile → chart → reload keeps everything', async ({ page, watch }) => {
	await startEmpty(page);
	await loadFiles(page, 'datasets/wa_churn.csv');

	const dataCell = page.locator('[data-cell-type="data"]');
	await expect(dataCell.getByTestId('table-shape')).toHaveText('7,043 rows × 20 columns');
	await expect(dataCell.getByRole('grid')).toContainText('Month-to-month');

	// Sort the preview by tenure, longest first: the first row then has tenure 72.
	const grid = dataCell.getByRole('grid');
	const tenureHeader = grid.getByRole('columnheader', { name: /tenure/ });
	await tenureHeader.getByRole('button').click();
	await expect(tenureHeader).toHaveAttribute('aria-sort', 'ascending');
	await tenureHeader.getByRole('button').click();
	await expect(tenureHeader).toHaveAttribute('aria-sort', 'descending');
	const tenureIndex = await grid.getByRole('columnheader').evaluateAll((heads) => heads.findIndex((h) => h.textContent?.includes('tenure')));
	await expect(grid.getByRole('row').nth(1).getByRole('gridcell').nth(tenureIndex - 1)).toHaveText('72');

	// Scroll to the last rows: the grid fetches them on demand.
	await grid.evaluate((el) => (el.scrollTop = el.scrollHeight));
	await expect(grid.getByRole('rowheader', { name: '7,043' })).toBeVisible();

	// SQL cell: write a query and run it with Ctrl+Enter.
	await page.getByRole('button', { name: '+ SQL' }).click();
	const sqlCell = page.locator('[data-cell-type="sql"]');
	const editor = sqlCell.getByRole('textbox', { name: 'SQL query' });
	await editor.click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type("SELECT contract, count(*) AS customers FROM wa_churn WHERE churn = 'Yes' GROUP BY contract ORDER BY customers DESC");
	await page.keyboard.press('Control+Enter');
	await expect(sqlCell.getByTestId('sql-summary')).toContainText('3 rows × 2 columns');
	await expect(sqlCell.getByRole('grid')).toContainText('1,655');

	// Profile cell on the table.
	await page.getByRole('button', { name: '+ Profile' }).click();
	const profileCell = page.locator('[data-cell-type="profile"]');
	await profileCell.getByRole('combobox', { name: 'Table' }).selectOption('wa_churn');
	await expect(profileCell).toContainText('total_charges');
	await expect(profileCell).toContainText('looks like a target');

	// Chart cell: churn counts by contract.
	await page.getByRole('button', { name: '+ Chart' }).click();
	const chartCell = page.locator('[data-cell-type="chart"]');
	await chartCell.getByRole('combobox', { name: 'Table' }).selectOption('wa_churn');
	await chartCell.getByRole('combobox', { name: 'X column' }).selectOption('contract');
	await chartCell.getByRole('combobox', { name: 'Colour column' }).selectOption('churn');
	await expect(chartCell.locator('svg').first()).toBeVisible();

	// Export the chart as SVG and PNG.
	const svgDownload = page.waitForEvent('download');
	await chartCell.getByRole('button', { name: 'Export SVG' }).click();
	const svg = await svgDownload;
	expect(svg.suggestedFilename()).toMatch(/\.svg$/);
	expect(await readFile((await svg.path())!, 'utf8')).toMatch(/^(<\?xml[^>]*>\s*)?<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*Month-to-month/);
	const pngDownload = page.waitForEvent('download');
	await chartCell.getByRole('button', { name: 'Export PNG' }).click();
	const png = await readFile((await (await pngDownload).path())!);
	expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');

	// Reload: the notebook, the table (from browser storage) and every result come back.
	await page.reload();
	await expect(page.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveText('7,043 rows × 20 columns');
	await expect(page.locator('[data-cell-type="sql"]').getByTestId('sql-summary')).toContainText('3 rows × 2 columns');
	await expect(page.locator('[data-cell-type="profile"]')).toContainText('total_charges');
	await expect(page.locator('[data-cell-type="chart"]').locator('svg').first()).toBeVisible();
	expect(watch.requests.length).toBeGreaterThan(0);
});
