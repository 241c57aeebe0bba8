/**
 * Journey: an analyst drops the files customers arrive in — a workbook whose
 * data is on its second sheet under a title, a Parquet file, a JSON export
 * and an NDJSON log — and each becomes a table with its rows; a result then
 * leaves as XLSX and as Parquet, and both read back with their values.
 */
import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { expect, loadFiles, runSql, startEmpty, test } from './fixtures';

const CUSTOMERS = Array.from({ length: 120 }, (_, i) => ({ id: `C${1000 + i}`, ville: ['Alger', 'Oran', 'Tunis', 'Lyon'][i % 4], ca: 100 + i * 2.5, inscrit: new Date(Date.UTC(2023, i % 12, 1 + (i % 28))) }));

/** A workbook as they come: a "Read me" sheet first, the data on the second under a title and a blank row. */
function workbook(): Buffer {
	const book = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Export CRM'], ['Données clients, mars 2026. Ne pas diffuser.']]), 'Lisez-moi');
	const rows = [['Clients actifs — mars 2026'], [], ['id', 'ville', 'ca', 'inscrit'], ...CUSTOMERS.map((c) => [c.id, c.ville, c.ca, c.inscrit])];
	XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows, { cellDates: true }), 'Clients');
	XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['id', 'montant'], ['C1000', 12.5], ['C1001', 40], ['C1002', 7.25]]), 'Ventes');
	return Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'xlsx', cellDates: true }));
}

function parquet(): Buffer {
	const bytes = parquetWriteBuffer({
		columnData: [
			{ name: 'id', data: CUSTOMERS.map((c) => c.id), type: 'STRING' },
			{ name: 'ca', data: CUSTOMERS.map((c) => c.ca), type: 'DOUBLE' },
			{ name: 'achats', data: CUSTOMERS.map((_, i) => BigInt(i % 7)), type: 'INT64' }
		]
	});
	return Buffer.from(bytes);
}

test('a workbook, Parquet, JSON and NDJSON each become a table; a result leaves as XLSX and Parquet and reads back', async ({ page }) => {
	test.setTimeout(120_000);
	await startEmpty(page);
	const json = JSON.stringify(CUSTOMERS.slice(0, 40).map((c) => ({ id: c.id, contact: { ville: c.ville, pays: 'DZ' }, ca: c.ca, tags: ['vip'] })));
	const ndjson = CUSTOMERS.slice(0, 25).map((c, i) => JSON.stringify({ id: c.id, event: i % 2 ? 'open' : 'click' })).join('\n') + '\n';
	await loadFiles(page, [
		{ name: 'clients.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: workbook() },
		{ name: 'achats.parquet', mimeType: 'application/octet-stream', buffer: parquet() },
		{ name: 'crm.json', mimeType: 'application/json', buffer: Buffer.from(json) },
		{ name: 'events.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(ndjson) }
	]);
	const cell = (fileName: string) => page.locator('[data-cell-type="data"]', { hasText: `from ${fileName}` }).first();
	await expect(cell('clients.xlsx').getByTestId('table-shape')).toHaveText('120 rows × 4 columns');
	await expect(cell('clients.xlsx').getByRole('combobox', { name: 'Sheet' })).toHaveValue('Clients');
	// Another sheet becomes a table of its own, named after the file and the sheet.
	await cell('clients.xlsx').getByRole('button', { name: '+ sheet “Ventes” as its own table' }).click();
	const sales = page.locator('[data-cell-type="data"]', { hasText: 'clients_ventes' });
	await expect(sales.getByTestId('table-shape')).toHaveText('3 rows × 2 columns');
	await expect(sales.getByRole('combobox', { name: 'Sheet' })).toHaveValue('Ventes');
	await expect(cell('achats.parquet').getByTestId('table-shape')).toHaveText('120 rows × 3 columns');
	await expect(cell('crm.json').getByTestId('table-shape')).toHaveText('40 rows × 5 columns');
	await expect(cell('crm.json').getByRole('grid')).toContainText('contact.ville');
	await expect(cell('events.ndjson').getByTestId('table-shape')).toHaveText('25 rows × 2 columns');

	// The tables join in SQL with their types: dates are dates, amounts numbers.
	const sql = await runSql(page, 'SELECT c.id, c.ville, c.ca, c.inscrit, a.achats FROM clients c JOIN achats a USING (id) ORDER BY c.id');
	await expect(sql.getByTestId('sql-summary')).toContainText('120 rows × 5 columns');

	const xlsxDownload = page.waitForEvent('download');
	await sql.getByRole('button', { name: 'XLSX' }).click();
	const xlsx = XLSX.read(await readFile((await (await xlsxDownload).path())!), { cellDates: true });
	const sheet = XLSX.utils.sheet_to_json<Record<string, unknown>>(xlsx.Sheets[xlsx.SheetNames[0]]);
	expect(sheet).toHaveLength(120);
	expect(sheet[0]).toMatchObject({ id: 'C1000', ville: 'Alger', ca: 100, achats: 0 });
	expect(sheet[0].inscrit).toBeInstanceOf(Date);

	const parquetDownload = page.waitForEvent('download');
	await sql.getByRole('button', { name: 'Parquet' }).click();
	const bytes = await readFile((await (await parquetDownload).path())!);
	const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
	expect(rows).toHaveLength(120);
	expect(rows[119]).toMatchObject({ id: 'C1119', ville: 'Lyon', ca: 397.5 });
});
