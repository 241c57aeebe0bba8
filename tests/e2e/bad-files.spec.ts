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
		file('report.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00])),
		file('misaligned.csv', 'a,b,c\n1,2,3\n"x,y",z\n4,5,6\n7\n'),
		file('contacts.csv', 'id,name,name,Name\n1,Ann,Lee,A. Lee\n'),
		file('events.ndjson', '{"id":1,"churn":"No"}\n{"id":2,"churn":"Yes"}\n'),
		file('clicks.jsonl', '{"id":1,"page":"offres"}\n{"id":2,"page":\n{"id":3,"page":"contact"}\n'),
		file('notes.csv', 'id,note\n1,ok\n2,"never closed\n3,fine\n')
	]);
	const cell = (fileName: string) => page.locator('[data-cell-type="data"]', { hasText: `from ${fileName}` });

	await expect(cell('empty.csv').getByRole('alert')).toHaveText('The file "empty.csv" is empty.');

	await expect(cell('header_only.csv').getByTestId('table-shape')).toHaveText('0 rows × 3 columns');
	await expect(cell('header_only.csv')).toContainText('only a header row, no data rows');

	await expect(cell('ragged.csv').getByTestId('table-shape')).toHaveText('4 rows × 3 columns');
	await expect(cell('ragged.csv')).toContainText('2 rows had fewer fields than the header (lines 3, 6); the missing fields are empty.');
	await expect(cell('ragged.csv')).toContainText('1 row could not be read and was left out: line 4 (more fields than the header).');

	// 4 data rows: 3 in the table, the misaligned one named by its line.
	await expect(cell('misaligned.csv').getByTestId('table-shape')).toHaveText('3 rows × 3 columns');
	await expect(cell('misaligned.csv')).toContainText('1 row had fewer fields than the header (line 5)');
	await expect(cell('misaligned.csv')).toContainText('1 row could not be read and was left out: line 3 (fewer fields than the header, and a value does not fit column "a"');

	await expect(cell('contacts.csv').getByRole('grid')).toContainText('name_1');
	await expect(cell('contacts.csv')).toContainText('"name" (column 3) is now "name_1", "Name" (column 4) is now "Name_2".');

	// JSON Lines are records: a table, not one column of text.
	await expect(cell('events.ndjson').getByTestId('table-shape')).toHaveText('2 rows × 2 columns');

	const refusals: [string, string | RegExp][] = [
		['clicks.jsonl', 'clicks.jsonl: line 2 is not valid JSON'],
		['notes.csv', 'Could not read "notes.csv": unclosed quote near line 3'],
		['report.csv', '"report.csv" is an incomplete ZIP file']
	];
	for (const [name, reason] of refusals) await expect(cell(name).getByRole('alert')).toContainText(reason);
	// Work that ended leaves no bar behind ("Done 100 %").
	await expect(page.locator('[data-cell-type="data"] [role="status"]')).toHaveCount(0);

	await expect(cell('clients_latin1.csv').getByTestId('table-shape')).toHaveText('2 rows × 3 columns');
	await expect(cell('clients_latin1.csv').getByRole('grid')).toContainText('René');
	await expect(cell('clients_latin1.csv').getByRole('grid')).toContainText('Besançon');
	await expect(cell('clients_latin1.csv')).toContainText('Windows-1252');

	await expect(cell('ventes_fr.csv').getByTestId('table-shape')).toHaveText('3 rows × 3 columns');
	await expect(cell('ventes_fr.csv')).toContainText('semicolon ;-separated, decimal comma 1,5');
	await expect(cell('ventes_fr.csv').getByRole('grid')).toContainText('1,234.5');

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

	// "Reload" on a refused file reads it again (it was never kept in storage) and gives the same reason.
	await cell('clicks.jsonl').getByRole('button', { name: 'Reload' }).click();
	await expect(cell('clicks.jsonl').getByRole('alert')).toContainText(refusals[0][1]);

	// After a reload a refused file still says why, not "no longer in this browser's storage".
	await page.reload();
	await expect(cell('ragged.csv').getByTestId('table-shape')).toHaveText('4 rows × 3 columns');
	for (const [name, reason] of refusals) await expect(cell(name).getByRole('alert')).toContainText(reason);
	await expect(page.getByText("no longer in this browser's storage")).toHaveCount(0);
});

test('a churn target with one value says so before training', async ({ page }) => {
	await startEmpty(page);
	const rows = Array.from({ length: 30 }, (_, i) => `${i + 1},${i % 12},${i % 2 ? 'monthly' : 'yearly'},No`);
	await loadFiles(page, [file('stayers.csv', ['id,tenure,contract,churn', ...rows].join('\n') + '\n')]);
	await expect(page.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveText('30 rows × 4 columns');
	await page.getByRole('button', { name: '+ Churn' }).click();
	const churn = page.locator('[data-cell-type="churn"]');
	await expect(churn.getByRole('combobox', { name: 'Target' })).toHaveValue('churn');
	await churn.getByRole('button', { name: 'Train' }).click();
	await expect(churn.getByRole('alert')).toHaveText(
		'The target "churn" has only one value ("No"): a churn model needs customers who left and customers who stayed.'
	);
	await expect(churn).not.toContainText('backend failed');
});
