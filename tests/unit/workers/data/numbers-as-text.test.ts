import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { tableFromIPC } from 'apache-arrow';
import type { DataEngine } from '$workers/data';
import { Db } from '$workers/data/db';
import { openNodeDuckDB } from '$workers/data/duckdb-node';
import { readNumbersAsText } from '$workers/data/numbers-as-text';
import { settleColumnTypes } from '$workers/data/column-types';
import { trainTabular } from '$models/auto/trainer';
import { DEFAULT_TABULAR_REQUEST } from '$models/auto/types';
import { rawColumnsFromArrow } from '$workers/train/arrow-columns';
import { useFastestNodeBackend } from '../../../../scripts/node-backend';
import { load, newEngine } from './engine-fixture';

let engine: DataEngine;

beforeAll(async () => {
	({ engine } = await newEngine());
});

let tables = 0;
/** Loads `csv` into a fresh table; returns its name, the column's type and values, and the notes. */
async function read(csv: string, column: string, options = {}) {
	const table = `num_${++tables}`;
	const report = await load(engine, `${table}.csv`, csv, table, options);
	const at = report.columns.findIndex((c) => c.name === column);
	const rows = (await engine.page(table, 0, 10_000)).rows;
	return { table, type: report.columns[at]?.type, values: rows.map((r) => r[at]), notes: report.warnings.join(' ') };
}

const NNBSP = '\u202f';
const NBSP = '\u00a0';
const KEEP = 'Choose "text" under Reading options to keep it as written.';

describe('readNumbersAsText', () => {
	it.each([
		['"1,234" with a decimal point in the file', ['1,234', '2,500'], '.', { format: 'grouped', group: ',', decimal: '.' }],
		['"1,234" with a decimal comma in the file', ['1,234', '2,500', 'N/A'], ',', { format: 'tokens', group: '', decimal: ',', tokens: ['N/A'] }],
		['"1.234" settled by "2.5" in the same column', ['1.234', '2.5'], ',', { format: 'grouped', group: '', decimal: '.' }],
		['spaces of three kinds as one separator', [`1 234`, `5${NBSP}678`, `9${NNBSP}012,5`], '.', { format: 'grouped', group: ' ', decimal: ',' }],
		['a currency written two ways', ['12 DH', '1 250,00 Dhs', '5 dh'], '.', { format: 'currency', group: ' ', decimal: ',', currency: 'DH' }]
	] as const)('readNumbersAsText(%s)', (_case, values, decimal, expected) => {
		expect(readNumbersAsText(values, decimal)).toMatchObject(expected);
	});

	it.each([
		['only missing markers', ['N/A', '-', '?']],
		['leading zeros', ['01234', '75001']],
		['two grouping styles', ['1 234,50', '1,234.50']],
		['two currencies', ['12 €', '$5']],
		['percent and plain fractions', ['12%', '0.5']],
		['a currency on some values only', ['12 €', '15']],
		['grouped and ungrouped thousands', ['1 234', '5678']],
		['ambiguous even with the file decimal', ['1.234', '1,234']]
	])('readNumbersAsText(%s) is null', (_case, values) => {
		expect(readNumbersAsText(values, '.')).toBeNull();
	});
});

describe('loadFile: numbers written as text', () => {
	it.each(['-', '–', '—', 'N/A', 'n/a', 'NA', 'n.d.', 'nd', '?', '#N/A', 'NULL', 'null', 'none'])('loadFile(a column of numbers with "%s") reads it as missing', async (token) => {
		const { type, values, notes } = await read(`id;v\nA;12,5\nB;${token}\nC;3\n`, 'v');
		expect(type).toBe('DOUBLE');
		expect(values).toEqual([12.5, null, 3]);
		expect(notes).toContain(`Column "v" was read as numbers: 1 cell "${token}" read as missing. ${KEEP}`);
	});

	it.each([
		['French: space groups, decimal comma, €', `id;CA\nA;1 234,50 €\nB;99,90 €\nC;N/A\nD;-1 234,50 €\n`, [1234.5, 99.9, null, -1234.5], 'thousands separators and the € sign removed, 1 cell "N/A" read as missing'],
		['narrow and plain no-break spaces', `id;CA\nA;1${NNBSP}234${NNBSP}567,5${NBSP}€\nB;2${NBSP}000,25${NBSP}€\nC;-\n`, [1234567.5, 2000.25, null], 'thousands separators and the € sign removed, 1 cell "-" read as missing'],
		['German: point groups, decimal comma', 'id;v\nA;1.234,50\nB;12.000,00\nC;7,5\n', [1234.5, 12000, 7.5], 'thousands separators removed'],
		['English: comma groups, decimal point', 'id,v\nA,"1,234.50"\nB,"12,000.00"\nC,7.5\n', [1234.5, 12000, 7.5], 'thousands separators removed'],
		['Swiss: apostrophe groups', "id;v\nA;1'234.50\nB;12'000.25\nC;7.5\n", [1234.5, 12000.25, 7.5], 'thousands separators removed'],
		['dollars, negatives in parentheses', 'id,v\nA,"$1,234.50"\nB,"(1,234.50)"\nC,$5.00\nD,n/a\n', [1234.5, -1234.5, 5, null], 'thousands separators and the $ sign removed, 1 amount in parentheses read as negative, 1 cell "n/a" read as missing'],
		['Algerian dinars', 'id;v\nA;12 500 DA\nB;1 000 DA\nC;750 DA\n', [12500, 1000, 750], 'thousands separators and the currency code DA removed'],
		['DZD before the amount', 'id;v\nA;DZD 12 500\nB;DZD 900,50\n', [12500, 900.5], 'thousands separators and the currency code DZD removed'],
		['Moroccan dirhams', 'id;v\nA;99,90 DH\nB;1 250 DH\nC;5 Dhs\n', [99.9, 1250, 5], 'thousands separators and the currency code DH removed'],
		['MAD', 'id;v\nA;MAD 99,90\nB;MAD -5\n', [99.9, -5], 'the currency code MAD removed'],
		['Tunisian dinars', 'id;v\nA;12,500 DT\nB;3 DT\n', [12.5, 3], 'the currency code DT removed'],
		['TND', 'id;v\nA;1 500 TND\nB;3,250 TND\n', [1500, 3.25], 'thousands separators and the currency code TND removed'],
		['EUR', 'id;v\nA;EUR 1.234,50\nB;EUR 5,00\n', [1234.5, 5], 'thousands separators and the currency code EUR removed'],
		['USD after the amount', 'id,v\nA,"1,234.50 USD"\nB,5 USD\n', [1234.5, 5], 'thousands separators and the currency code USD removed'],
		['pounds', 'id,v\nA,£12.50\nB,-£3\n', [12.5, -3], 'the £ sign removed'],
		['percent with a decimal comma', 'id;p\nA;12,5 %\nB;-3 %\nC;100 %\n', [12.5, -3, 100], 'the percent sign removed'],
		['percent with a decimal point', 'id,p\nA,12.5%\nB,+3%\nC,?\n', [12.5, 3, null], 'the percent sign removed, 1 cell "?" read as missing'],
		['a decimal comma in a file of decimal points', 'id;a;b\nA;1.5;2,25\nB;2.5;3,5\n', [2.25, 3.5], 'decimal commas read as decimal points']
	])('loadFile(%s) reads DOUBLE', async (_case, csv, expected, words) => {
		const column = csv.slice(0, csv.indexOf('\n')).split(/[;,]/).at(-1)!;
		const { type, values, notes } = await read(csv, column);
		expect(type).toBe('DOUBLE');
		expect(values).toEqual(expected);
		expect(notes).toContain(`Column "${column}" was read as numbers: ${words}. ${KEEP}`);
	});

	it.each([
		['whole numbers with a marker', 'id;n\nA;12\nB;NA\nC;-7\n', [12, null, -7]],
		['grouped whole numbers', 'id;n\nA;1 234 567\nB;12\nC;-\n', [1234567, 12, null]],
		['"1,234" in a file of decimal points', 'id,n\nA,"1,234"\nB,N/A\n', [1234, null]]
	])('loadFile(%s) reads BIGINT', async (_case, csv, expected) => {
		const { type, values, notes } = await read(csv, 'n');
		expect(type).toBe('BIGINT');
		expect(values).toEqual(expected);
		expect(notes).toContain('Column "n" was read as numbers');
	});

	it('loadFile("1,234" in a file of decimal commas) reads 1.234', async () => {
		const { type, values } = await read('id;n\nA;1,234\nB;2,5\nC;N/A\n', 'n');
		expect(type).toBe('DOUBLE');
		expect(values).toEqual([1.234, 2.5, null]);
	});

	it('loadFile(money with whole amounts only) keeps DOUBLE', async () => {
		const { type, values } = await read('id;v\nA;12 €\nB;1 500 €\n', 'v');
		expect(type).toBe('DOUBLE');
		expect(values).toEqual([12, 1500]);
	});

	it('loadFile(markers and cells of blank spaces) counts both in the note', async () => {
		const { type, values, notes } = await read('id;v\nA;1 234,5\nB;  \nC;N/A\nD;N/A\nE;-\n', 'v');
		expect(type).toBe('DOUBLE');
		expect(values).toEqual([1234.5, null, null, null, null]);
		expect(notes).toContain('2 cells "N/A", 1 cell "-" and 1 cell of blank spaces read as missing');
	});

	it.each([
		['ids with leading zeros', 'id;code\nA;01234\nB;00042\nC;N/A\n'],
		['French phone numbers', 'id;code\nA;06 12 34 56 78\nB;07 98 76 54 32\n'],
		['international phone numbers', 'id;code\nA;+213 5 55 12 34 56\nB;+213 6 61 23 45 67\n'],
		['phone numbers grouped by three', 'id;code\nA;+33 612 345 678\nB;+33 698 765 432\n'],
		['postcodes', 'id;code\nA;01000\nB;75001\nC;13008\nD;?\n'],
		['bad grouping', 'id;code\nA;1 234 5\nB;12\n'],
		['two formats in one column', 'id;code\nA;1 234,50\nB;1.234,50\nC;"1,234.50"\n'],
		['only missing markers', 'id;code\nA;N/A\nB;-\nC;?\n'],
		['product codes', 'id;code\nA;A-123\nB;B-456\nC;-\n'],
		['dates', 'id;code\nA;12/03/2024\nB;N/A\nC;01/12/2023\n'],
		['school years', 'id;code\nA;2023-2024\nB;2024-2025\n'],
		['years in a list', 'id;code\nA;2019 2020\nB;2021 2022 2023\n'],
		['two currencies', 'id;code\nA;12 €\nB;5 DA\n'],
		['percentages mixed with fractions', 'id;code\nA;12 %\nB;0,5\n'],
		['amounts with words', 'id;code\nA;12 € HT\nB;5 € TTC\n']
	])('loadFile(%s) keeps the text as written', async (_case, csv) => {
		const expected = csv.trim().split('\n').slice(1).map((line) => line.split(';')[1].replaceAll('"', ''));
		const { type, values, notes } = await read(csv, 'code');
		expect(type).toBe('VARCHAR');
		expect(values).toEqual(expected);
		expect(notes).not.toContain('was read as numbers');
	});

	it('loadFile(plain years) keeps DuckDB’s reading', async () => {
		const { type, values, notes } = await read('id;year\nA;2019\nB;2024\n', 'year');
		expect(type).toBe('BIGINT');
		expect(values).toEqual([2019, 2024]);
		expect(notes).toBe('');
	});

	it('loadFile(columnTypes: CA is text) keeps the amounts as written', async () => {
		const { type, values, notes } = await read('id;CA\nA;1 234,50 €\nB;N/A\n', 'CA', { columnTypes: { CA: 'text' } });
		expect(type).toBe('VARCHAR');
		expect(values).toEqual(['1 234,50 €', 'N/A']);
		expect(notes).not.toContain('was read as numbers');
	});

	it('loadFile(one odd value past the sample) keeps the whole column as text', async () => {
		const lines = Array.from({ length: 3000 }, (_, i) => `R${i};${i + 1} €`);
		const { type, values } = await read(['id;v', ...lines, 'LAST;call back', ''].join('\n'), 'v');
		expect(type).toBe('VARCHAR');
		expect(values.at(-1)).toBe('call back');
	});
});

describe('settleColumnTypes with plain text numbers', () => {
	it('settleColumnTypes(a table made by another reader) reads its numbers as text, except the columns chosen', async () => {
		const db = new Db(await openNodeDuckDB());
		db.raw(`CREATE TABLE sheet AS SELECT * FROM (VALUES ('1 234,50 €', '12 %', 'x'), ('N/A', '3 %', 'y')) t(CA, rate, label)`);
		const notes = settleColumnTypes(db, 'sheet', '.', { rate: 'text' }, { plainTextNumbers: true });
		expect(notes).toEqual([`Column "CA" was read as numbers: thousands separators and the € sign removed, 1 cell "N/A" read as missing. ${KEEP}`]);
		const types = db.raw('SELECT column_name, column_type FROM (DESCRIBE sheet)').toArray().map((r) => `${r.column_name}:${r.column_type}`);
		expect(types).toEqual(['CA:DOUBLE', 'rate:VARCHAR', 'label:VARCHAR']);
		expect(db.raw('SELECT CA FROM sheet').toArray().map((r) => r.CA)).toEqual([1234.5, null]);
	});
});

describe('the churn model on amounts written the French way', () => {
	/** "1889.5" → "1 889,50 €" (narrow no-break spaces in thousands, a no-break space before €): the same number. */
	function euros(value: string): string {
		const [int, frac = ''] = value.split('.');
		return `${int.replace(/\B(?=(\d{3})+$)/g, NNBSP)},${frac.padEnd(2, '0')}${NBSP}€`;
	}

	it('loadFile(wa_churn with "1 234,50 €" charges, "N/A" and "-") trains the very model of the clean file', async () => {
		await useFastestNodeBackend();
		const clean = await readFile('datasets/wa_churn.split.csv', 'utf8');
		const [header, ...rows] = clean.trimEnd().split('\n');
		const names = header.split(',');
		const charges = ['monthly_charges', 'total_charges'].map((n) => names.indexOf(n));
		expect(charges.every((i) => i >= 0)).toBe(true);
		let empty = 0;
		const messy = rows.map((line) => {
			const fields = line.split(',');
			expect(fields).toHaveLength(names.length);
			// The clean file's 11 empty total_charges become markers, so both files hold the same data.
			return fields.map((v, j) => (!charges.includes(j) ? v : v === '' ? (empty++ % 2 ? '-' : 'N/A') : euros(v))).join(';');
		});
		expect(empty).toBe(11);
		expect(messy[1]).toContain(`1${NNBSP}889,50${NBSP}€`);

		await load(engine, 'wa_churn.split.csv', clean, 'churn_clean');
		const report = await load(engine, 'wa_churn_fr.csv', [names.join(';'), ...messy, ''].join('\n'), 'churn_fr');
		expect(report.rowCount).toBe(7043);
		expect(report.warnings).toContain(`Column "total_charges" was read as numbers: thousands separators and the € sign removed, 6 cells "N/A" and 5 cells "-" read as missing. ${KEEP}`);
		expect(report.warnings).toContain(`Column "monthly_charges" was read as numbers: the € sign removed. ${KEEP}`);

		const columnsOf = async (table: string) => rawColumnsFromArrow(tableFromIPC((await engine.exportArrow(table)).ipc));
		const [a, b] = [await columnsOf('churn_clean'), await columnsOf('churn_fr')];
		expect(b).toEqual(a);

		const request = { ...DEFAULT_TABULAR_REQUEST, target: 'churn', positive: 'Yes', splitColumn: 'split', mode: 'logistic' as const, budgetS: 30 };
		const ctx = { progress: () => undefined, signal: new AbortController().signal };
		const [fitA, fitB] = [await trainTabular(a, request, ctx), await trainTabular(b, request, ctx)];
		expect(fitA.nTest).toBe(1409);
		expect(fitA.leaderboard[0].auc).toBeGreaterThan(0.8);
		// Every configuration of the search ran in both (the 30 s budget never cut it short), so they compare like for like.
		expect([fitA.leaderboard[0].trials, fitB.leaderboard[0].trials]).toEqual([8, 8]);
		expect(fitB.leaderboard[0].params).toEqual(fitA.leaderboard[0].params);
		expect(fitB.leaderboard[0].auc).toBeCloseTo(fitA.leaderboard[0].auc, 9);
	});
});
