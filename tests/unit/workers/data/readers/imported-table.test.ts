import { beforeAll, describe, expect, it } from 'vitest';
import { Db } from '$workers/data/db';
import { openNodeDuckDB } from '$workers/data/duckdb-node';
import { columnNames, fitsType, importedType, importTable } from '$workers/data/readers/imported-table';

let db: Db;

beforeAll(async () => {
	db = new Db(await openNodeDuckDB());
});

describe('importedType', () => {
	it.each([
		[[1, 2, null], 'BIGINT'],
		[[1, 2.5], 'DOUBLE'],
		[[2 ** 60], 'DOUBLE'],
		[[12n, null], 'BIGINT'],
		[[true, false, null], 'BOOLEAN'],
		[[new Date(Date.UTC(2024, 0, 31)), null], 'DATE'],
		[[new Date(Date.UTC(2024, 0, 31, 9, 30))], 'TIMESTAMP'],
		[['a', 1], 'VARCHAR'],
		[[null, null], 'VARCHAR'],
		[[NaN, 3], 'BIGINT']
	] as const)('importedType, case %#: %s', (values, type) => {
		expect(importedType(values as never)).toBe(type);
	});
});

describe('fitsType', () => {
	it.each([
		['DOUBLE', [1, 2n, null], true],
		['BIGINT', [1, 2n, NaN], true],
		['BIGINT', [1.5], false],
		['BIGINT', ['18446744073709551615', 1n], false],
		['TIMESTAMP', [new Date(0), null], true],
		['DATE', ['2024-01-31'], false],
		['BOOLEAN', [true, 0], false],
		['VARCHAR', [1, 'a', true], true]
	] as const)('fitsType, case %#: %s', (type, values, fits) => {
		expect(fitsType(type, values as never)).toBe(fits);
	});
});

describe('columnNames', () => {
	it('names blanks by position and makes repeats unique, case-insensitively', () => {
		expect(columnNames(['id', ' ', 'Name', 'name', 'id'])).toEqual(['id', 'column_2', 'Name', 'name_2', 'id_2']);
	});
});

describe('importTable', () => {
	it('creates the table with each column typed and missing values as NULL', () => {
		const types = importTable(db, 'imported', {
			columns: [
				{ name: 'id', values: [1, 2, 3] },
				{ name: 'big', values: [9007199254740993n, null, 1n] },
				{ name: 'amount', values: [10.5, null, -3] },
				{ name: 'active', values: [true, false, null] },
				{ name: 'signed', values: [new Date(Date.UTC(2024, 1, 29)), null, new Date(Date.UTC(1999, 11, 31))] },
				{ name: 'seen', values: [new Date(Date.UTC(2024, 1, 29, 13, 45, 7)), null, null] },
				{ name: 'note', values: ['é à "q"', null, 'x,y'] },
				{ name: 'mixed', values: ['a', 2, true] }
			]
		});
		expect(types).toEqual(['BIGINT', 'BIGINT', 'DOUBLE', 'BOOLEAN', 'DATE', 'TIMESTAMP', 'VARCHAR', 'VARCHAR']);
		const described = db.query(`DESCRIBE imported`).toArray().map((r) => `${r.column_name} ${r.column_type}`);
		expect(described).toEqual(['id BIGINT', 'big BIGINT', 'amount DOUBLE', 'active BOOLEAN', 'signed DATE', 'seen TIMESTAMP', 'note VARCHAR', 'mixed VARCHAR']);
		const rows = db.query(`SELECT CAST(big AS VARCHAR) AS big, amount, active, CAST(signed AS VARCHAR) AS signed, CAST(seen AS VARCHAR) AS seen, note, mixed FROM imported ORDER BY id`).toArray().map((r) => ({ ...r }));
		expect(rows).toEqual([
			{ big: '9007199254740993', amount: 10.5, active: true, signed: '2024-02-29', seen: '2024-02-29 13:45:07', note: 'é à "q"', mixed: 'a' },
			{ big: null, amount: null, active: false, signed: null, seen: null, note: null, mixed: '2' },
			{ big: '1', amount: -3, active: null, signed: '1999-12-31', seen: null, note: 'x,y', mixed: 'true' }
		]);
	});

	it('keeps the type a file declares when the values fit it, and infers it when they do not', () => {
		const types = importTable(db, 'declared', {
			columns: [
				{ name: 'amount', values: [3, 4, null], type: 'DOUBLE' },
				{ name: 'at', values: [new Date(Date.UTC(2024, 0, 31)), null, null], type: 'TIMESTAMP' },
				{ name: 'empty', values: [null, null, null], type: 'BIGINT' },
				{ name: 'unsigned', values: [1n, '18446744073709551615', null], type: 'BIGINT' }
			]
		});
		expect(types).toEqual(['DOUBLE', 'TIMESTAMP', 'BIGINT', 'VARCHAR']);
		expect(db.query(`SELECT CAST(amount AS VARCHAR) AS a, CAST("at" AS VARCHAR) AS t, unsigned FROM declared LIMIT 1`).get(0)?.toJSON()).toEqual({
			a: '3.0',
			t: '2024-01-31 00:00:00',
			unsigned: '1'
		});
	});

	it('replaces a view of the same name, and an empty table keeps its columns', () => {
		db.query(`CREATE OR REPLACE VIEW v_imp AS SELECT 1 AS x`);
		importTable(db, 'v_imp', { columns: [{ name: 'a', values: [] }] });
		expect(db.relationType('v_imp')).toBe('BASE TABLE');
		expect(db.query(`SELECT count(*) AS n FROM v_imp`).get(0)?.n).toEqual(0n);
	});
});
