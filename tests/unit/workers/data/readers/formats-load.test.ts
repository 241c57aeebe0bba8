import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import type { DataEngine } from '$workers/data';
import { fileFormat } from '$workers/data/readers/formats';
import { isJsonFile } from '$workers/data/json-check';
import { load, newEngine } from '../engine-fixture';

let engine: DataEngine;
beforeAll(async () => {
	({ engine } = await newEngine());
});

const typeOf = async (table: string, column: string) => (await engine.describe(table)).columns.find((c) => c.name === column)?.type;
const bytes = (text: string) => new TextEncoder().encode(text);

describe('fileFormat', () => {
	it.each([
		['a.csv', bytes('id,x\n1,2\n'), 'csv'],
		['a.txt', bytes('{"id":1}\n{"id":2}\n'), 'json'],
		['a.json', bytes('[]'), 'json'],
		['a.parquet', bytes('not parquet'), 'parquet'],
		['renamed.csv', Uint8Array.from([0x50, 0x41, 0x52, 0x31, 0, 0]), 'parquet'],
		['renamed.csv', Uint8Array.from([0x50, 0x4b, 0x03, 0x04]), 'excel'],
		['old.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0]), 'excel'],
		['flat.ods', bytes('<?xml version="1.0"?>'), 'excel']
	] as const)('fileFormat(%s) is %s', (name, content, format) => {
		expect(fileFormat(name, content, isJsonFile)).toBe(format);
	});
});

describe('numbers stored as text in workbooks and JSON', () => {
	it('a workbook column of "1 234,50 €" text cells with "N/A" loads as DOUBLE, with the note', async () => {
		const book = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['client', 'ca'], ['A', '1 234,50 €'], ['B', 'N/A'], ['C', '99,90 €']]), 'Feuil1');
		const file = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }));
		const report = await load(engine, 'ventes.xlsx', file, 'ventes_xlsx');
		expect(report.format).toBe('excel');
		expect(await typeOf('ventes_xlsx', 'ca')).toBe('DOUBLE');
		expect((await engine.page('ventes_xlsx', 0, 10)).rows.map((r) => r[1])).toEqual([1234.5, null, 99.9]);
		expect(report.warnings.join(' ')).toMatch(/Column "ca" was read as numbers: .*€ sign removed.*1 cell "N\/A" read as missing/);
	});

	it('JSON amounts written as "$1,234.50" load as DOUBLE', async () => {
		const report = await load(engine, 'crm.json', JSON.stringify([{ id: 1, spend: '$1,234.50' }, { id: 2, spend: '-' }, { id: 3, spend: '$12.00' }]), 'crm_json');
		expect(report.format).toBe('json');
		expect(await typeOf('crm_json', 'spend')).toBe('DOUBLE');
		expect((await engine.page('crm_json', 0, 10)).rows.map((r) => r[1])).toEqual([1234.5, null, 12]);
	});

	it('the user keeps a column as text under Reading options', async () => {
		const report = await load(engine, 'crm2.json', JSON.stringify([{ spend: '$1,234.50' }, { spend: '$3.00' }]), 'crm2', { columnTypes: { spend: 'text' } });
		expect(report.warnings.join(' ')).not.toMatch(/read as numbers/);
		expect(await typeOf('crm2', 'spend')).toBe('VARCHAR');
	});
});
