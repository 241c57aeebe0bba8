/**
 * Journey: a raw CRM export whose numeric column has cells of blank spaces
 * (the telco export's TotalCharges) reads as numbers with those cells
 * missing, with a note; a code column DuckDB reads as numbers (postcodes)
 * is switched to text under "Reading options".
 */
import { expect, loadFiles, runSql, startEmpty, test } from './fixtures';

test('blank-space cells read as missing, the column as numbers; a column type chosen by hand applies on reload', async ({ page }) => {
	await startEmpty(page);
	const csv = ['customer_id,postcode,total_charges', 'A1,33000,29.85', 'A2,75001, ', 'A3,13001,1889.5', 'A4,69001,  '].join('\n');
	await loadFiles(page, { name: 'raw_export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv + '\n') });
	const cell = page.locator('[data-cell-type="data"]');
	await expect(cell.getByTestId('table-shape')).toHaveText('4 rows × 3 columns');
	await expect(cell.getByRole('note').filter({ hasText: '"total_charges" was read as numbers: its 2 cells of blank spaces are missing values.' })).toBeVisible();

	const sql = await runSql(page, "SELECT typeof(total_charges) AS kind, count(total_charges) AS filled, typeof(postcode) AS code FROM raw_export GROUP BY ALL");
	await expect(sql.getByTestId('sql-summary')).toContainText('1 rows × 3 columns');
	await expect(sql.getByRole('grid')).toContainText('DOUBLE');
	await expect(sql.getByRole('grid')).toContainText('BIGINT');

	// Postcodes are codes, not quantities: read them as text.
	await cell.getByText('Reading options').click();
	await cell.getByRole('combobox', { name: 'Type of postcode' }).selectOption('text');
	await cell.getByRole('button', { name: 'Reload with these options' }).click();
	await expect(cell.getByRole('columnheader', { name: /postcode/ })).toContainText(/varchar/i);
	const check = await runSql(page, 'SELECT any_value(typeof(postcode)) AS code, min(postcode) AS first FROM raw_export');
	await expect(check.getByRole('grid')).toContainText('VARCHAR13001');

	// The choice is part of the notebook: after a reload the table is read the same way.
	await page.reload();
	await expect(page.locator('[data-cell-type="data"]').getByRole('columnheader', { name: /postcode/ })).toContainText(/varchar/i);
});
