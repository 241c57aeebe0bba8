import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { Db } from '$workers/data/db';
import { openNodeDuckDB } from '$workers/data/duckdb-node';
import { readExcel } from '$workers/data/readers/excel';
import { importTable } from '$workers/data/readers/imported-table';
import { sheetTitle, toXlsx } from '$workers/data/writers/xlsx';

let db: Db;

beforeAll(async () => {
	db = new Db(await openNodeDuckDB());
});

const day = (y: number, m: number, d: number, h = 0, min = 0, s = 0) => new Date(Date.UTC(y, m - 1, d, h, min, s));

/**
 * A workbook as CRM exports come: a "Read me" sheet first, then the data
 * under a merged title and a blank row, with a merged header ("Name" over
 * first and last name), a merged data cell (one city for two rows), dates,
 * date-times, a formula with its saved result, yes/no values, an #N/A,
 * codes stored as text, accents, an empty row and a time of day.
 */
function crmWorkbook(): XLSX.WorkBook {
	const s = (v: string): XLSX.CellObject => ({ t: 's', v });
	const n = (v: number, f?: string): XLSX.CellObject => ({ t: 'n', v, ...(f ? { f } : {}) });
	// Excel's built-in formats 14 and 22: a date, a date and time.
	const d = (v: Date): XLSX.CellObject => ({ t: 'd', v, z: v.getUTCHours() + v.getUTCMinutes() + v.getUTCSeconds() ? 'm/d/yy\\ h:mm' : 'm/d/yy' });
	const b = (v: boolean): XLSX.CellObject => ({ t: 'b', v });
	const data: (XLSX.CellObject | undefined)[][] = [
		[s('Customer export — March 2026')],
		[],
		[s('id'), s('Name'), undefined, s('signed'), s('last seen'), s('total'), s('active'), s('score'), s('code'), s('city'), s('call at')],
		[n(1), s('Éloïse'), s('Dupré'), d(day(2024, 2, 29)), d(day(2024, 2, 29, 13, 45, 7)), n(3, '1+2'), b(true), { t: 'e', v: 0x2a }, s('00123'), s('Montréal'), { t: 'n', v: 0.25, z: 'hh:mm' }],
		[n(2), s('Zoë'), s('Ångström'), d(day(1999, 12, 31)), d(day(2023, 12, 31, 23, 59, 59)), n(10.5, 'F4*3.5'), b(false), n(0.75), s('0042')],
		[],
		[n(3), s('Renée'), undefined, undefined, undefined, n(-4), b(true), n(12), s('7'), s('Lyon'), { t: 'n', v: 0.5, z: 'hh:mm' }]
	];
	const sheet: XLSX.WorkSheet = {
		'!data': data as XLSX.CellObject[][],
		'!ref': 'A1:K7',
		'!merges': [
			{ s: { r: 0, c: 0 }, e: { r: 0, c: 10 } },
			{ s: { r: 2, c: 1 }, e: { r: 2, c: 2 } },
			{ s: { r: 3, c: 9 }, e: { r: 4, c: 9 } }
		]
	};
	const book = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Read me'], ['This workbook lists our customers.'], ['One row per customer.']]), 'Read me');
	XLSX.utils.book_append_sheet(book, sheet, 'Clients — mars');
	return book;
}

const write = (book: XLSX.WorkBook, bookType: XLSX.BookType) => new Uint8Array(XLSX.write(book, { type: 'array', bookType }));

const described = (table: string) =>
	db
		.query(`DESCRIBE ${table}`)
		.toArray()
		.map((r) => `${r.column_name} ${r.column_type}`);

const rows = (sql: string) =>
	db
		.query(sql)
		.toArray()
		.map((r) => ({ ...r }));

describe('readExcel: a CRM export', () => {
	// The ODS writer drops error cells, so #N/A is an empty cell there (no note).
	it.each(['xlsx', 'xls', 'ods'] as const)('%s: the data sheet, its header, values and types', async (bookType) => {
		const result = await readExcel(write(crmWorkbook(), bookType), `clients.${bookType}`);
		expect(result.sheet).toBe('Clients — mars');
		expect(result.sheets).toEqual([
			{ name: 'Read me', rows: 2, columns: 1 },
			{ name: 'Clients — mars', rows: 3, columns: 11 }
		]);
		expect(result.notes).toEqual([
			'Read the sheet "Clients — mars", the one with the most data (the workbook also has "Read me").',
			'Rows 1–2 above the header were left out (a title).',
			'The merged header cell "Name" (B3:C3) names each column it covers; repeated names are numbered (_2, _3).',
			'Merged cells give their value to every cell they cover, as Excel shows them: J4:J5.',
			'1 empty row between the data was left out (row 6).',
			...(bookType === 'ods' ? [] : ['1 cell showed a spreadsheet error and is empty in the table: #N/A in H4.']),
			'Times of day without a date were read as text (hh:mm:ss).'
		]);

		const types = importTable(db, 'clients', result.table);
		expect(types).toEqual(['BIGINT', 'VARCHAR', 'VARCHAR', 'DATE', 'TIMESTAMP', 'DOUBLE', 'BOOLEAN', 'DOUBLE', 'VARCHAR', 'VARCHAR', 'VARCHAR']);
		expect(described('clients')).toEqual([
			'id BIGINT',
			'Name VARCHAR',
			'Name_2 VARCHAR',
			'signed DATE',
			'last seen TIMESTAMP',
			'total DOUBLE',
			'active BOOLEAN',
			'score DOUBLE',
			'code VARCHAR',
			'city VARCHAR',
			'call at VARCHAR'
		]);
		expect(rows(`SELECT id, "Name", Name_2, CAST(signed AS VARCHAR) AS signed, CAST("last seen" AS VARCHAR) AS seen, total, active, score, code, city, "call at" AS call FROM clients ORDER BY id`)).toEqual([
			{ id: 1n, Name: 'Éloïse', Name_2: 'Dupré', signed: '2024-02-29', seen: '2024-02-29 13:45:07', total: 3, active: true, score: null, code: '00123', city: 'Montréal', call: '06:00:00' },
			{ id: 2n, Name: 'Zoë', Name_2: 'Ångström', signed: '1999-12-31', seen: '2023-12-31 23:59:59', total: 10.5, active: false, score: 0.75, code: '0042', city: 'Montréal', call: null },
			{ id: 3n, Name: 'Renée', Name_2: null, signed: null, seen: null, total: -4, active: true, score: 12, code: '7', city: 'Lyon', call: '12:00:00' }
		]);
	});

	it('reads a workbook that counts days from 1904 (old Mac Excel)', async () => {
		const sheet: XLSX.WorkSheet = {
			'!data': [
				[{ t: 's', v: 'signed' }, { t: 's', v: 'at' }],
				[{ t: 'n', v: 43831.5, z: 'm/d/yy\\ h:mm' }, { t: 'n', v: 0.75, z: 'h:mm' }]
			],
			'!ref': 'A1:B2'
		};
		const book = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(book, sheet, 'S');
		book.Workbook = { WBProps: { date1904: true } };
		const result = await readExcel(write(book, 'xlsx'), 'mac.xlsx');
		expect(result.table.columns.map((c) => c.values)).toEqual([[day(2024, 1, 2, 12)], ['18:00:00']]);
	});

	it('reads the sheet asked for, and says which sheets there are when the name is unknown', async () => {
		const bytes = write(crmWorkbook(), 'xlsx');
		const readMe = await readExcel(bytes, 'clients.xlsx', 'Read me');
		expect(readMe.sheet).toBe('Read me');
		expect(readMe.table.columns.map((c) => [c.name, c.values])).toEqual([['Read me', ['This workbook lists our customers.', 'One row per customer.']]]);
		expect(readMe.notes).toEqual([]);
		await expect(readExcel(bytes, 'clients.xlsx', 'Feuil1')).rejects.toThrow('The workbook "clients.xlsx" has no sheet named "Feuil1". Its sheets: "Read me", "Clients — mars".');
	});

	it('prefers a visible sheet to a hidden one with more data', async () => {
		const book = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['code', 'label'], ...Array.from({ length: 20 }, (_, i) => [i, `item ${i}`])]), 'Lists');
		XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['id'], [1], [2]]), 'Data');
		book.Workbook = { Sheets: [{ name: 'Lists', Hidden: 1 }, { name: 'Data', Hidden: 0 }] };
		const result = await readExcel(write(book, 'xlsx'), 'lists.xlsx');
		expect(result.sheet).toBe('Data');
		expect(result.sheets).toEqual([
			{ name: 'Lists', rows: 20, columns: 2 },
			{ name: 'Data', rows: 2, columns: 1 }
		]);
	});

	it('drops empty leading, middle and trailing columns, naming the middle ones', async () => {
		const book = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([[null, 'a', null, 'b'], [null, 1, null, 'x'], [null, 2, null, 'y']]), 'S');
		const result = await readExcel(write(book, 'xlsx'), 'gaps.xlsx');
		expect(result.table.columns.map((c) => [c.name, c.values])).toEqual([
			['a', [1, 2]],
			['b', ['x', 'y']]
		]);
		expect(result.notes).toEqual(['Empty column C (no name, no values) was left out.']);
	});

	it('keeps a header-only sheet as an empty table, with a note', async () => {
		const book = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['id', 'email']]), 'S');
		const result = await readExcel(write(book, 'xlsx'), 'header.xlsx');
		expect(result.table.columns).toEqual([
			{ name: 'id', values: [] },
			{ name: 'email', values: [] }
		]);
		expect(result.notes).toEqual(['The sheet has a header row but no data rows.']);
	});
});

function zipOf(path: string, text: string): Uint8Array {
	const zip = XLSX.CFB.utils.cfb_new();
	XLSX.CFB.utils.cfb_add(zip, path, new TextEncoder().encode(text));
	return new Uint8Array(XLSX.CFB.write(zip, { type: 'array', fileType: 'zip' }));
}

describe('readExcel: files it refuses, in words', () => {
	it('an empty workbook or sheet', async () => {
		const book = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([]), 'Feuil1');
		await expect(readExcel(write(book, 'xlsx'), 'empty.xlsx')).rejects.toThrow('The sheet "Feuil1" of "empty.xlsx" has no data.');
		XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([[]]), 'Feuil2');
		await expect(readExcel(write(book, 'xlsx'), 'empty.xlsx')).rejects.toThrow('The workbook "empty.xlsx" has no data: its sheets "Feuil1", "Feuil2" are empty.');
		XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['id'], [1]]), 'Data');
		await expect(readExcel(write(book, 'xlsx'), 'empty.xlsx', 'Feuil2')).rejects.toThrow('The sheet "Feuil2" of "empty.xlsx" has no data.');
	});

	it('a password-protected workbook', async () => {
		// An encrypted .xlsx is an OLE2 file holding the encryption header and the encrypted package.
		const cfb = XLSX.CFB.utils.cfb_new();
		XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, 0x3c, 0x3f]));
		XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(64));
		const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }));
		await expect(readExcel(bytes, 'secret.xlsx')).rejects.toThrow('"secret.xlsx" is protected by a password (encrypted), so it cannot be read here.');
	});

	it.each([
		['a CSV file', new TextEncoder().encode('id,name\n1,Ana\n')],
		['a PDF', new TextEncoder().encode('%PDF-1.7\n')],
		['a ZIP without a workbook', zipOf('notes.txt', 'hello')]
	])('%s', async (_, bytes) => {
		await expect(readExcel(bytes, 'data.xlsx')).rejects.toThrow('"data.xlsx" is not an Excel or OpenDocument workbook (.xlsx, .xlsm, .xls, .ods), so it cannot be read as one.');
	});

	it('an empty file', async () => {
		await expect(readExcel(new Uint8Array(0), 'data.xlsx')).rejects.toThrow('The file "data.xlsx" is empty.');
	});
});

describe('toXlsx', () => {
	it('round trip: numbers, dates, date-times, yes/no, text and missing values keep their values and types', async () => {
		const bytes = await toXlsx([
			{ name: 'id', type: 'BIGINT', values: [1n, 2n, -3n] },
			{ name: 'amount', type: 'DOUBLE', values: [10.25, null, -0.5] },
			{ name: 'signed', type: 'DATE', values: [day(2024, 2, 29), day(1900, 1, 1), null] },
			{ name: 'seen', type: 'TIMESTAMP', values: [day(2024, 2, 29, 13, 45, 7), null, day(2031, 12, 31, 23, 59, 59)] },
			{ name: 'active', type: 'BOOLEAN', values: [true, false, null] },
			{ name: 'note', type: 'VARCHAR', values: ['=1+1', '+33 6 12 34 56 78', '@SUM(A1)'] },
			{ name: 'code', type: 'VARCHAR', values: ['00123', '-5', 'é à "q"'] }
		]);
		const result = await readExcel(bytes, 'export.xlsx');
		expect(result.sheet).toBe('data');
		expect(result.notes).toEqual([]);
		expect(importTable(db, 'round_trip', result.table)).toEqual(['BIGINT', 'DOUBLE', 'DATE', 'TIMESTAMP', 'BOOLEAN', 'VARCHAR', 'VARCHAR']);
		expect(rows(`SELECT id, amount, CAST(signed AS VARCHAR) AS signed, CAST(seen AS VARCHAR) AS seen, active, note, code FROM round_trip ORDER BY id DESC`)).toEqual([
			{ id: 2n, amount: null, signed: '1900-01-01', seen: null, active: false, note: '+33 6 12 34 56 78', code: '-5' },
			{ id: 1n, amount: 10.25, signed: '2024-02-29', seen: '2024-02-29 13:45:07', active: true, note: '=1+1', code: '00123' },
			{ id: -3n, amount: -0.5, signed: null, seen: '2031-12-31 23:59:59', active: null, note: '@SUM(A1)', code: 'é à "q"' }
		]);
	});

	it('writes text that looks like a formula as a text cell, never a formula', async () => {
		const bytes = await toXlsx([{ name: 'x', type: 'VARCHAR', values: ['=1+1', '=HYPERLINK("http://x","y")'] }]);
		const zip = XLSX.CFB.read(bytes, { type: 'array' });
		const text = (path: string) => new TextDecoder().decode(zip.FileIndex[zip.FullPaths.findIndex((p: string) => p.endsWith(path))].content);
		expect(text('sheet1.xml')).not.toMatch(/<f>|t="str"/);
		expect(text('sharedStrings.xml')).toContain('<t>=1+1</t>');
		const cells = XLSX.read(bytes, { type: 'array', dense: true }).Sheets.data['!data'] ?? [];
		expect(cells.slice(1).map((r) => [r[0].t, r[0].v, r[0].f])).toEqual([
			['s', '=1+1', undefined],
			['s', '=HYPERLINK("http://x","y")', undefined]
		]);
	});

	it('keeps integers beyond 2^53 exact as text, and NaN or infinity as words', async () => {
		const bytes = await toXlsx([{ name: 'v', type: 'DOUBLE', values: [9007199254740993n, 2n ** 53n - 1n, NaN, -Infinity] }]);
		const result = await readExcel(bytes, 'big.xlsx');
		expect(result.table.columns[0].values).toEqual(['9007199254740993', 9007199254740991, 'NaN', '-Infinity']);
	});

	it('refuses a cell Excel cannot hold, and cleans the sheet name', async () => {
		await expect(toXlsx([{ name: 'notes', type: 'VARCHAR', values: ['ok', 'x'.repeat(40_000)] }])).rejects.toThrow(
			'An Excel cell holds at most 32,767 characters, and column "notes" has 40,000 in row 2. Export as CSV to keep the whole text.'
		);
		expect(sheetTitle('Q1/Q2 [draft]: résumé of all our customers')).toBe('Q1 Q2 draft résumé of all our c');
		expect(sheetTitle("'*'")).toBe('data');
		const result = await readExcel(await toXlsx([{ name: 'a', type: 'BIGINT', values: [1] }], 'Q1/Q2'), 'q.xlsx');
		expect(result.sheet).toBe('Q1 Q2');
	});
});
