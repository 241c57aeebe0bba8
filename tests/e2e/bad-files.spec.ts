/**
 * Journey: an analyst drops awkward files. Each gets a specific message or a
 * correct table, and the page keeps working afterwards.
 */
import { expect, loadFiles, startEmpty, test } from './fixtures';

const file = (name: string, content: string | Buffer) => ({
	name,
	mimeType: 'text/csv',
	buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content
});

test('bad files get specific messages or correct tables, and the page keeps working', async ({ page }) => {
	await startEmpty(page);
	await loadFiles(page, [
		file('empty.csv', ''),
		file('header_only.csv', 'id;name;city\n'),
		file('ragged.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n13,14\n'),
		file('clients_latin1.csv', Buffer.from('nom;ville;montant\nRené;Orléans;12,5\nZoé;Besançon;7,25\n', 'latin1')),
		file('ventes_fr.csv', 'client;montant;remise\nA;1234,5;0,1\nB;99,95;0,25\nC;10;0\n'),
		file('report.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]))
	]);
	const cell = (fileName: string) => page.locator('[data-cell-type="data"]', { hasText: `from ${fileName}` });

	await expect(cell('empty.csv').getByRole('alert')).toHaveText('The file "empty.csv" is empty.');

	await expect(cell('header_only.csv').getByTestId('table-shape')).toHaveText('0 rows × 3 columns');
	await expect(cell('header_only.csv')).toContainText('only a header row, no data rows');

	await expect(cell('ragged.csv').getByTestId('table-shape')).toHaveText('4 rows × 3 columns');
	await expect(cell('ragged.csv')).toContainText('2 rows had fewer fields than the header (first on line 3)');
	await expect(cell('ragged.csv')).toContainText('1 row had more fields than the header (first on line 4); it was skipped.');

	await expect(cell('clients_latin1.csv').getByTestId('table-shape')).toHaveText('2 rows × 3 columns');
	await expect(cell('clients_latin1.csv').getByRole('grid')).toContainText('René');
	await expect(cell('clients_latin1.csv').getByRole('grid')).toContainText('Besançon');
	await expect(cell('clients_latin1.csv')).toContainText('Windows-1252');

	await expect(cell('ventes_fr.csv').getByTestId('table-shape')).toHaveText('3 rows × 3 columns');
	await expect(cell('ventes_fr.csv')).toContainText('semicolon ;-separated, decimal comma 1,5');
	await expect(cell('ventes_fr.csv').getByRole('grid')).toContainText('1,234.5');

	await expect(cell('report.csv').getByRole('alert')).toContainText('This looks like an Excel or ZIP file, not CSV text.');

	// The page still works: query the French tables together.
	await page.getByRole('button', { name: '+ SQL' }).click();
	const sqlCell = page.locator('[data-cell-type="sql"]');
	await sqlCell.getByRole('textbox', { name: 'SQL query' }).click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('SELECT sum(montant) AS total, (SELECT sum(montant) FROM ventes_fr) AS ventes FROM clients_latin1');
	await page.keyboard.press('Control+Enter');
	await expect(sqlCell.getByTestId('sql-summary')).toContainText('1 rows × 2 columns');
	await expect(sqlCell.getByRole('grid')).toContainText('19.75');
	await expect(sqlCell.getByRole('grid')).toContainText('1,344.45');

	// Replacing the file behind a table re-runs the cells that read it.
	await cell('clients_latin1.csv').getByText('Reading options').click();
	await cell('clients_latin1.csv').getByLabel('Use another file:').setInputFiles(
		file('clients_2026.csv', 'nom;ville;montant\nAnaïs;Lyon;100,5\nLéo;Nantes;0,25\nMaëlle;Brest;1\n')
	);
	await expect(cell('clients_2026.csv').getByTestId('table-shape')).toHaveText('3 rows × 3 columns');
	await expect(sqlCell.getByRole('grid')).toContainText('101.75');

	// Files dropped anywhere on the page become tables too.
	await page.evaluate(() => {
		const data = new DataTransfer();
		data.items.add(new File(['segment,clients\nA,120\nB,80\n'], 'segments.tsv.csv', { type: 'text/csv' }));
		document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
	});
	await expect(cell('segments.tsv.csv').getByTestId('table-shape')).toHaveText('2 rows × 2 columns');

	// A SQL error is shown inline, in plain words.
	await sqlCell.getByRole('textbox', { name: 'SQL query' }).click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('SELECT * FROM clients');
	await page.keyboard.press('Control+Enter');
	await expect(sqlCell.getByRole('alert')).toContainText('clients');
});
