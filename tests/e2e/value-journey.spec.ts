/**
 * Journey: the CDNOW purchase log → lifetime value cell → BG/NBD and Gamma-Gamma
 * fitted on the whole log → a calibration end picked → the paper's parameters,
 * calibration vs holdout, P(alive) matrix and CLV distribution → `<table>_value`
 * in SQL → values added to a customer table → reload: the kept fit, not refitted.
 */
import { readFile } from 'node:fs/promises';
import { expect, loadFiles, runSql, startEmpty, test } from './fixtures';

test('a purchase log → lifetime value → P(alive) and CLV views → <table>_value in SQL → customer table with value → reload', async ({ page }) => {
	test.setTimeout(180_000);
	await startEmpty(page);
	await loadFiles(page, { name: 'cdnow_sample.csv', mimeType: 'text/csv', buffer: await readFile('datasets/cdnow_sample.csv') });
	await expect(page.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveText('6,919 rows × 4 columns');

	await page.getByRole('button', { name: '+ Lifetime value' }).click();
	const cell = page.locator('[data-cell-type="value"]');
	// Columns guessed from their names; the first fit uses the whole log (no holdout).
	await expect(cell.getByRole('combobox', { name: 'Customer id' })).toHaveValue('customer_id');
	await expect(cell.getByTestId('value-summary')).toContainText('2,357 customers', { timeout: 60_000 });
	await expect(cell.getByTestId('value-holdout')).toHaveCount(0);

	// Calibration to the end of September 1997, as in Fader, Hardie & Lee (2005): their parameters.
	await cell.getByRole('textbox', { name: 'Calibration ends' }).fill('1997-09-30');
	await cell.getByRole('textbox', { name: 'Calibration ends' }).press('Tab');
	await expect(cell.getByTestId('value-summary')).toContainText('holdout to 1998-06-30', { timeout: 60_000 });
	const parameters = cell.getByRole('table', { name: /Fitted parameters/ });
	const estimate = (name: string) => parameters.getByRole('row', { name: new RegExp(`^BG/NBD \\(purchases\\) ${name} `) }).getByRole('cell').nth(1);
	await expect(estimate('r')).toHaveText(/^0\.24[23]\d$/);
	await expect(estimate('α')).toHaveText(/^4\.41\d\d$/);
	await expect(estimate('a')).toHaveText(/^0\.79\d\d$/);
	await expect(estimate('b')).toHaveText(/^2\.4[23]\d\d$/);
	await expect(cell.getByTestId('value-independence')).toContainText('Low');
	await expect(cell.getByTestId('value-holdout')).toContainText('Holdout repeat purchases: 1,653 predicted, 1,882 actual.');
	for (const chart of ['Holdout: actual vs predicted repeat purchases, by purchases in calibration', 'Cumulative repeat purchases over time', 'P(alive) by frequency and recency', 'CLV over 12 months: distribution'])
		await expect(cell.getByRole('img', { name: chart }).locator('svg').first()).toBeVisible();
	await expect(cell.getByRole('table', { name: 'Top customers by CLV' }).getByRole('row')).toHaveCount(11);

	const sql = await runSql(
		page,
		`SELECT count(*) AS customers, count(p_alive) AS scored, bool_and(p_alive BETWEEN 0 AND 1) AS probabilities,
		 bool_and(clv >= 0) AS values, round(sum(expected_holdout_purchases)) > 1000 AS holdout FROM cdnow_sample_value`
	);
	await expect(sql.getByRole('grid').getByRole('row').nth(1).getByRole('gridcell')).toHaveText(['2,357', '2,357', 'true', 'true', 'true']);

	// A customer table (here: orders per customer, view q2) gets each customer's value beside its own columns.
	const customers = await runSql(page, 'SELECT customer_id, count(*) AS orders FROM cdnow_sample GROUP BY 1');
	await expect(customers.getByTestId('sql-summary')).toContainText('2,357 rows');
	await cell.getByRole('combobox', { name: 'Add values to customer table' }).selectOption('q2');
	await expect(cell.getByTestId('value-joined')).toContainText('View q2_with_value: 2,357 of 2,357 customers have a lifetime value');
	const joined = await runSql(page, 'SELECT count(*) FILTER (WHERE clv IS NOT NULL), count(orders) FROM q2_with_value');
	await expect(joined.getByRole('grid').getByRole('row').nth(1).getByRole('gridcell')).toHaveText(['2,357', '2,357']);

	// Reload: the kept fit is shown and the tables are written again, without fitting.
	const r = await estimate('r').textContent();
	await page.reload();
	const again = page.locator('[data-cell-type="value"]');
	await expect(again.getByTestId('value-summary')).toContainText('holdout to 1998-06-30', { timeout: 60_000 });
	await expect(again.getByRole('table', { name: /Fitted parameters/ }).getByRole('row', { name: /^BG\/NBD \(purchases\) r / }).getByRole('cell').nth(1)).toHaveText(r!);
	await expect(again.getByTestId('value-joined')).toContainText('2,357 of 2,357');
});
