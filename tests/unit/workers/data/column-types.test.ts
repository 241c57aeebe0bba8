import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { DataEngine } from '$workers/data';
import { load, newEngine } from './engine-fixture';

let engine: DataEngine;

beforeAll(async () => {
	({ engine } = await newEngine());
});

const typeOf = async (table: string, column: string) => (await engine.describe(table)).columns.find((c) => c.name === column)?.type;
const rows = async (table: string) => (await engine.page(table, 0, 100)).rows;

describe('loadFile: cells of blank spaces', () => {
	it.each([
		['a numeric column with blank cells becomes DOUBLE', 'id,total\nA,79.55\nB, \nC,10\n', ',', 'DOUBLE', [['A', 79.55], ['B', null], ['C', 10]]],
		['whole numbers become BIGINT', 'id,n\nA,3\nB,   \nC,-4\n', ',', 'BIGINT', [['A', 3], ['B', null], ['C', -4]]],
		['decimal commas are read with the file', 'id;total\nA;79,55\nB; \n', ';', 'DOUBLE', [['A', 79.55], ['B', null]]],
		['codes with leading zeros stay text', 'id,postcode\nA,01234\nB, \nC,75001\n', ',', 'VARCHAR', [['A', '01234'], ['B', null], ['C', '75001']]],
		['text stays text, blanks become missing', 'id,note\nA,hello\nB,  \n', ',', 'VARCHAR', [['A', 'hello'], ['B', null]]]
	])('loadFile(%s)', async (_case, csv, _delimiter, type, expected) => {
		const table = `blank_${Math.random().toString(36).slice(2, 8)}`;
		const report = await load(engine, 'blanks.csv', csv, table);
		const column = report.columns[1].name;
		expect(await typeOf(table, column)).toBe(type);
		expect(await rows(table)).toEqual(expected);
		expect(report.warnings.join(' ')).toMatch(type === 'VARCHAR' ? /read as missing values/ : /was read as numbers: its 1 cell of blank spaces is a missing value/);
	});

	it('loadFile(the raw telco export) reads TotalCharges as numbers with its 11 blank cells missing', async () => {
		const telco = (await readFile('datasets/wa_churn.csv', 'utf8')).trimEnd().split('\n');
		const header = telco[0].split(',').map((h) => h.replaceAll('"', ''));
		const at = header.findIndex((h) => /^total_?charges$/i.test(h));
		expect(at).toBeGreaterThan(0);
		// The shared copy has those 11 cells empty; the raw export writes them as " ".
		const empty = telco.filter((line, i) => i > 0 && line.split(',')[at] === '').length;
		expect(empty).toBe(11);
		const raw = telco.map((line, i) => (i > 0 ? line.split(',').map((v, j) => (j === at && v === '' ? ' ' : v)).join(',') : line));
		const report = await load(engine, 'WA_Fn-UseC_-Telco-Customer-Churn.csv', raw.join('\n') + '\n', 'telco_raw');
		expect(await typeOf('telco_raw', header[at])).toBe('DOUBLE');
		expect(report.warnings.join(' ')).toContain(`"${header[at]}" was read as numbers: its 11 cells of blank spaces are missing values.`);
		const profile = await engine.profile('telco_raw');
		expect(profile.columns.find((c) => c.name === header[at])?.missing).toBe(11);
	});
});

describe('loadFile: types chosen per column', () => {
	it('loadFile(columnTypes) reads a column as chosen, and says which values did not fit', async () => {
		const csv = 'client,code,amount,since\nA,007,12,03/04/2024\nB,042,n/a,2024-05-06\nC,100,7.5,31/12/2023\n';
		const report = await load(engine, 'choice.csv', csv, 'choice', { columnTypes: { code: 'text', amount: 'integer', since: 'date' } });
		expect(await typeOf('choice', 'code')).toBe('VARCHAR');
		expect(await typeOf('choice', 'amount')).toBe('BIGINT');
		expect(await typeOf('choice', 'since')).toBe('DATE');
		const page = await rows('choice');
		expect(page.map((r) => r[1])).toEqual(['007', '042', '100']);
		expect(page.map((r) => r[2])).toEqual([12, null, null]);
		expect(report.warnings.join(' ')).toContain('2 values of "amount" are not whole numbers (e.g. "');
		expect(page.map((r) => String(r[3]))).toEqual([expect.stringContaining('2024-04-03'), expect.stringContaining('2024-05-06'), expect.stringContaining('2023-12-31')]);
	});

	it('loadFile(columnTypes for a column the file lacks) still reads the file, and says the choice was not applied', async () => {
		const report = await load(engine, 'other.csv', 'a,b\n1,2\n3\n', 'other', { columnTypes: { postcode: 'text', a: 'text' } });
		expect(report.rowCount).toBe(2);
		expect(await typeOf('other', 'a')).toBe('VARCHAR');
		expect(report.warnings).toContain('The type chosen for "postcode" was not applied: this file has no such column.');
	});
});
