/**
 * Journey: a customer table whose notes hold spreadsheet formulas (typed by a
 * customer into a web form, say) goes out as CSV, plain and for French Excel
 * (";" and decimal commas): the formulas arrive as text.
 */
import { readFile } from 'node:fs/promises';
import { expect, loadFiles, runSql, startEmpty, test } from './fixtures';

test('a SQL result downloads as CSV with formulas neutralised, numbers intact and a byte-order mark', async ({ page }) => {
	// DuckDB once logged this on each download (it wrote through a temporary __export.csv).
	const warnings: string[] = [];
	page.on('console', (message) => warnings.push(message.text()));
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
	const bytes = await readFile((await file.path())!);
	// UTF-8 with a byte-order mark, so Excel reads accents right; the rest is the plain CSV.
	expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
	const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\n');
	expect(lines).toEqual([
		'customer_id,note,balance',
		`1,"'=HYPERLINK(""http://x"",""y"")",-12.5`,
		`2,'=cmd|' /C calc'!A0,30.0`,
		`3,'@SUM(A1),0.0`,
		'4,fine,7.0'
	]);
	expect(warnings.filter((w) => /Buffering missing file|__export/.test(w))).toEqual([]);

	// For Excel set to French: fields separated by ";" and decimal commas, formulas still neutralised.
	const semicolon = page.waitForEvent('download');
	await sqlCell.getByRole('button', { name: 'CSV (; and decimal comma)' }).click();
	const frenchFile = await semicolon;
	expect(frenchFile.suggestedFilename()).toMatch(/\.csv$/);
	const frenchLines = (await readFile((await frenchFile.path())!)).subarray(3).toString('utf8').trimEnd().split('\n');
	expect(frenchLines).toEqual([
		'customer_id;note;balance',
		`1;"'=HYPERLINK(""http://x"",""y"")";-12,5`,
		`2;'=cmd|' /C calc'!A0;30,0`,
		`3;'@SUM(A1);0,0`,
		'4;fine;7,0'
	]);
});
