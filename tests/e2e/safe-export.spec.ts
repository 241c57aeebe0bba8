/**
 * Journey: a customer table whose notes hold spreadsheet formulas (typed by a
 * customer into a web form, say) goes out as CSV: the formulas arrive as text.
 */
import { readFile } from 'node:fs/promises';
import { expect, loadFiles, runSql, startEmpty, test } from './fixtures';

test('a SQL result downloads as CSV with formulas neutralised and numbers intact', async ({ page }) => {
	await startEmpty(page);
	const csv = ['customer_id,note,balance', `1,"=HYPERLINK(""http://x"",""y"")",-12.5`, `2,=cmd|' /C calc'!A0,30`, '3,@SUM(A1),0', '4,fine,7'].join('\n');
	await loadFiles(page, { name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv + '\n') });
	await expect(page.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveText('4 rows × 3 columns');

	const sqlCell = await runSql(page, 'SELECT * FROM notes ORDER BY customer_id');
	await expect(sqlCell.getByTestId('sql-summary')).toContainText('4 rows × 3 columns');

	const download = page.waitForEvent('download');
	await sqlCell.getByRole('button', { name: 'Download CSV' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/\.csv$/);
	const lines = (await readFile((await file.path())!, 'utf8')).trimEnd().split('\n');
	expect(lines).toEqual([
		'customer_id,note,balance',
		`1,"'=HYPERLINK(""http://x"",""y"")",-12.5`,
		`2,'=cmd|' /C calc'!A0,30.0`,
		`3,'@SUM(A1),0.0`,
		'4,fine,7.0'
	]);
});
