import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readParquet } from '$workers/data/readers/parquet';
import type { ExportColumn } from '$workers/data/writers/export-column';
import { toParquet } from '$workers/data/writers/parquet';
import { parquetColumnType, scaledDecimal } from '$workers/data/writers/parquet-types';
import { NativeDuckDB } from '../native-duckdb';

let native: NativeDuckDB;

beforeAll(async () => {
	native = await NativeDuckDB.open();
});

afterAll(() => native.close());

const utc = (...parts: [number, number, number, number?, number?, number?, number?]) => new Date(Date.UTC(...parts));

/** A table as an export hands it over: DuckDB types from DESCRIBE, values as Arrow gives them to JS. */
const COLUMNS: ExportColumn[] = [
	{ name: 'id', type: 'BIGINT', values: [1n, 9007199254740993n, -5n] },
	{ name: 'visits', type: 'INTEGER', values: [3, null, -2147483648] },
	{ name: 'score', type: 'DOUBLE', values: [0.1, 2, null] },
	{ name: 'ratio', type: 'FLOAT', values: [0.5, null, -1.25] },
	{ name: 'name', type: 'VARCHAR', values: ['Zoë, "quoted"', '', null] },
	{ name: 'signed', type: 'DATE', values: [utc(2024, 1, 29), null, utc(1969, 6, 20)] },
	{ name: 'seen', type: 'TIMESTAMP', values: [utc(2024, 1, 29, 13, 45, 7, 123), utc(1969, 11, 31, 23, 59, 59, 999), null] },
	{ name: 'instant', type: 'TIMESTAMP WITH TIME ZONE', values: [utc(2024, 0, 1, 12), null, null] },
	{ name: 'active', type: 'BOOLEAN', values: [true, false, null] },
	{ name: 'price', type: 'DECIMAL(10,2)', values: [12.34, -0.01, null] },
	{ name: 'wide', type: 'DECIMAL(38,4)', values: ['12345678901234567890123.4567', null, 1.5] },
	{ name: 'level', type: 'TINYINT', values: [1, 2, null] },
	{ name: 'uid', type: 'UUID', values: ['d4c0a0f6-5c1e-4d53-9a0e-6b1f3c2a7e10', null, null] },
	{ name: 'tags', type: 'VARCHAR[]', values: ['[vip, b2b]', null, '[]'] }
];

describe('toParquet', () => {
	it('writes a file native DuckDB reads with the same types and values, Snappy-compressed', async () => {
		const bytes = await toParquet(COLUMNS);
		const types = await native.rows(bytes, `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet($file))`);
		expect(types.map((r) => `${r.column_name} ${r.column_type}`)).toEqual([
			'id BIGINT',
			'visits INTEGER',
			'score DOUBLE',
			'ratio FLOAT',
			'name VARCHAR',
			'signed DATE',
			'seen TIMESTAMP',
			'instant TIMESTAMP WITH TIME ZONE',
			'active BOOLEAN',
			'price DECIMAL(10,2)',
			'wide DECIMAL(38,4)',
			'level TINYINT',
			'uid VARCHAR',
			'tags VARCHAR'
		]);
		const values = await native.rows(bytes, `SELECT * EXCLUDE (instant), CAST(instant AT TIME ZONE 'UTC' AS VARCHAR) AS instant FROM read_parquet($file)`);
		expect(values).toEqual([
			{ id: '1', visits: 3, score: 0.1, ratio: 0.5, name: 'Zoë, "quoted"', signed: '2024-02-29', seen: '2024-02-29 13:45:07.123', active: true, price: '12.34', wide: '12345678901234567890123.4567', level: 1, uid: 'd4c0a0f6-5c1e-4d53-9a0e-6b1f3c2a7e10', tags: '[vip, b2b]', instant: '2024-01-01 12:00:00' },
			{ id: '9007199254740993', visits: null, score: 2, ratio: null, name: '', signed: null, seen: '1969-12-31 23:59:59.999', active: false, price: '-0.01', wide: null, level: 2, uid: null, tags: null, instant: null },
			{ id: '-5', visits: -2147483648, score: null, ratio: -1.25, name: null, signed: '1969-07-20', seen: null, active: null, price: null, wide: '1.5000', level: null, uid: null, tags: '[]', instant: null }
		]);
		const codecs = await native.rows(bytes, `SELECT DISTINCT compression FROM parquet_metadata($file)`);
		expect(codecs).toEqual([{ compression: 'SNAPPY' }]);
	});

	it('reads back through readParquet with the same values', async () => {
		const { table, notes } = await readParquet(await toParquet(COLUMNS), 'export.parquet');
		expect(notes).toEqual(['Dates and times in "instant" carry a time zone in the file; they are shown in UTC.']);
		const read = Object.fromEntries(table.columns.map((c) => [c.name, { type: c.type, values: c.values }]));
		expect(read).toEqual({
			id: { type: 'BIGINT', values: [1n, 9007199254740993n, -5n] },
			visits: { type: 'BIGINT', values: [3, null, -2147483648] },
			score: { type: 'DOUBLE', values: [0.1, 2, null] },
			ratio: { type: 'DOUBLE', values: [0.5, null, -1.25] },
			name: { type: 'VARCHAR', values: ['Zoë, "quoted"', '', null] },
			signed: { type: 'DATE', values: [utc(2024, 1, 29), null, utc(1969, 6, 20)] },
			seen: { type: 'TIMESTAMP', values: [utc(2024, 1, 29, 13, 45, 7, 123), utc(1969, 11, 31, 23, 59, 59, 999), null] },
			instant: { type: 'TIMESTAMP', values: [utc(2024, 0, 1, 12), null, null] },
			active: { type: 'BOOLEAN', values: [true, false, null] },
			price: { type: 'DOUBLE', values: [12.34, -0.01, null] },
			wide: { type: 'DOUBLE', values: [12345678901234567890123.4567, null, 1.5] },
			level: { type: 'BIGINT', values: [1, 2, null] },
			uid: { type: 'VARCHAR', values: ['d4c0a0f6-5c1e-4d53-9a0e-6b1f3c2a7e10', null, null] },
			tags: { type: 'VARCHAR', values: ['[vip, b2b]', null, '[]'] }
		});
	});

	it('writes a table with no rows, and a column of missing values only', async () => {
		const empty = await toParquet([{ name: 'id', type: 'BIGINT', values: [] }]);
		expect(await native.rows(empty, `SELECT count(*)::INTEGER AS n FROM read_parquet($file)`)).toEqual([{ n: 0 }]);
		const nulls = await toParquet([{ name: 'd', type: 'DATE', values: [null, null] }]);
		expect(await native.rows(nulls, `SELECT count(*)::INTEGER AS n, count(d)::INTEGER AS present, typeof(any_value(d)) AS t FROM read_parquet($file)`)).toEqual([{ n: 2, present: 0, t: 'DATE' }]);
	});

	it('refuses what cannot be a table', async () => {
		await expect(toParquet([])).rejects.toThrow('A Parquet file needs at least one column.');
		await expect(
			toParquet([
				{ name: 'a', type: 'BIGINT', values: [1n] },
				{ name: 'b', type: 'BIGINT', values: [] }
			])
		).rejects.toThrow('Parquet export: column "b" has 0 values for 1 rows.');
		await expect(toParquet([{ name: 'a', type: 'BIGINT', values: [1.5] }])).rejects.toThrow('Parquet export: 1.5 is not a whole number, in an integer column.');
	});
});

describe('parquet-types', () => {
	it('maps DuckDB type names, aliases included', () => {
		const physical = (t: string) => {
			const { type, converted_type, precision, scale } = parquetColumnType(t).element;
			return [type, converted_type, precision, scale].filter((x) => x !== undefined).join(' ');
		};
		expect(physical('bigint')).toBe('INT64 INT_64');
		expect(physical('INT4')).toBe('INT32 INT_32');
		expect(physical('NUMERIC')).toBe('INT64 DECIMAL 18 3');
		expect(physical('DECIMAL(20, 0)')).toBe('FIXED_LEN_BYTE_ARRAY DECIMAL 20 0');
		expect(physical('TIMESTAMPTZ')).toBe('INT64 TIMESTAMP_MILLIS');
		expect(physical('HUGEINT')).toBe('DOUBLE');
		expect(physical('STRUCT(a INTEGER)')).toBe('BYTE_ARRAY UTF8');
	});

	it('scaledDecimal is exact from a number, text or BigInt, rounding half away from zero', () => {
		expect(scaledDecimal(12.34, 2)).toBe(1234n);
		expect(scaledDecimal(1.005, 3)).toBe(1005n);
		expect(scaledDecimal(-0.015, 2)).toBe(-2n);
		expect(scaledDecimal('12345678901234567890.125', 2)).toBe(1234567890123456789013n);
		expect(scaledDecimal(7n, 2)).toBe(700n);
		expect(scaledDecimal(1e22, 0)).toBe(10n ** 22n);
		expect(() => scaledDecimal('1,5', 2)).toThrow('"1,5" is not a decimal number');
	});
});
