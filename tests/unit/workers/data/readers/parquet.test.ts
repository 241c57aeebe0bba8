import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '$workers/data/db';
import { openNodeDuckDB } from '$workers/data/duckdb-node';
import { importTable } from '$workers/data/readers/imported-table';
import { readParquet } from '$workers/data/readers/parquet';
import { float32Number, timeText } from '$workers/data/readers/parquet-columns';
import { NativeDuckDB } from '../native-duckdb';

let db: Db;
let native: NativeDuckDB;

beforeAll(async () => {
	db = new Db(await openNodeDuckDB());
	native = await NativeDuckDB.open();
});

afterAll(() => native.close());

/** Every core type, three rows, missing values, a time before 1970 (rounded down, not toward 1970). */
const ALL_TYPES = `SELECT * FROM (VALUES
	(1::INTEGER, 9007199254740993::BIGINT, 2.5::DOUBLE, 3.0::DOUBLE, 0.1::FLOAT, true, 'Zoë, "quoted"', DATE '2024-02-29',
		TIMESTAMP '2024-02-29 13:45:07.123456', TIMESTAMP '2024-03-01 00:00:00', TIMESTAMP_MS '2024-02-29 13:45:07.5', TIMESTAMP_NS '2024-02-29 13:45:07.123456789',
		12.34::DECIMAL(10,2), 123456789012.345::DECIMAL(18,3), [1, 2], {'city': 'Lyon', 'zip': 69001}),
	(2, NULL, NULL, 4.0, NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
	(3, -42, -0.5, -1.0, -1.25, NULL, '', DATE '1969-07-20',
		TIMESTAMP '1969-12-31 23:59:59.9995', TIMESTAMP '1900-01-01 00:00:00', TIMESTAMP_MS '1969-12-31 23:59:59.999', TIMESTAMP_NS '1969-12-31 23:59:59.999999999',
		-0.01, 0, [], {'city': NULL, 'zip': NULL})
) t(id, big, amount, whole_double, ratio, active, name, signed, seen, midnight, seen_ms, seen_ns, price, total, tags, address)`;

const DESCRIBED = [
	'id BIGINT',
	'big BIGINT',
	'amount DOUBLE',
	'whole_double DOUBLE',
	'ratio DOUBLE',
	'active BOOLEAN',
	'name VARCHAR',
	'signed DATE',
	'seen TIMESTAMP',
	'midnight TIMESTAMP',
	'seen_ms TIMESTAMP',
	'seen_ns TIMESTAMP',
	'price DOUBLE',
	'total DOUBLE',
	'tags VARCHAR',
	'address VARCHAR'
];

const ROWS = [
	{
		id: '1',
		big: '9007199254740993',
		amount: '2.5',
		whole_double: '3.0',
		ratio: '0.1',
		active: 'true',
		name: 'Zoë, "quoted"',
		signed: '2024-02-29',
		seen: '2024-02-29 13:45:07.123',
		midnight: '2024-03-01 00:00:00',
		seen_ms: '2024-02-29 13:45:07.5',
		seen_ns: '2024-02-29 13:45:07.123',
		price: '12.34',
		total: '123456789012.345',
		tags: '[1,2]',
		address: '{"city":"Lyon","zip":69001}'
	},
	{
		id: '2',
		big: null,
		amount: null,
		whole_double: '4.0',
		ratio: null,
		active: 'false',
		name: null,
		signed: null,
		seen: null,
		midnight: null,
		seen_ms: null,
		seen_ns: null,
		price: null,
		total: null,
		tags: null,
		address: null
	},
	{
		id: '3',
		big: '-42',
		amount: '-0.5',
		whole_double: '-1.0',
		ratio: '-1.25',
		active: null,
		name: '',
		signed: '1969-07-20',
		seen: '1969-12-31 23:59:59.999',
		midnight: '1900-01-01 00:00:00',
		seen_ms: '1969-12-31 23:59:59.999',
		seen_ns: '1969-12-31 23:59:59.999',
		price: '-0.01',
		total: '0.0',
		tags: '[]',
		address: '{"city":null,"zip":null}'
	}
];

/** Every column of `table` as DuckDB's text, by id. */
function textRows(table: string): Record<string, unknown>[] {
	const columns = db.query(`DESCRIBE ${table}`).toArray().map((r) => String(r.column_name));
	const select = columns.map((c) => `CAST("${c}" AS VARCHAR) AS "${c}"`).join(', ');
	return db.query(`SELECT ${select} FROM ${table} ORDER BY 1`).toArray().map((r) => ({ ...r }));
}

const described = (table: string) => db.query(`DESCRIBE ${table}`).toArray().map((r) => `${r.column_name} ${r.column_type}`);

describe('readParquet: files written by DuckDB', () => {
	it.each(['uncompressed', 'snappy', 'gzip', 'zstd', 'brotli', 'lz4', 'lz4_raw'])('reads every core type, compression %s', async (compression) => {
		const bytes = await native.parquet(ALL_TYPES, compression);
		const { table, notes } = await readParquet(bytes, 'customers.parquet');
		expect(notes).toEqual([]);
		importTable(db, 'pq', table);
		expect(db.query(`SELECT count(*) AS n FROM pq`).get(0)?.n).toBe(3n);
		expect(described('pq')).toEqual(DESCRIBED);
		expect(textRows('pq')).toEqual(ROWS);
	});

	it('keeps 64-bit integers as BigInt and text as text, not bytes', async () => {
		const { table } = await readParquet(await native.parquet(ALL_TYPES), 'x.parquet');
		const column = (name: string) => table.columns.find((c) => c.name === name)?.values;
		expect(column('big')).toEqual([9007199254740993n, null, -42n]);
		expect(column('name')).toEqual(['Zoë, "quoted"', null, '']);
		expect(column('seen')?.[0]).toEqual(new Date(Date.UTC(2024, 1, 29, 13, 45, 7, 123)));
	});

	it('reads every row group of a larger file, in order', async () => {
		const bytes = await native.parquet(`SELECT range AS id, range * 0.5 AS half, 'c' || range AS code FROM range(10000)`, 'zstd', 'ROW_GROUP_SIZE 2048');
		const { table } = await readParquet(bytes, 'big.parquet');
		importTable(db, 'pq_big', table);
		const row = db.query(`SELECT count(*) AS n, CAST(sum(id) AS BIGINT) AS ids, sum(half) AS halves, min(code) AS first, bool_and(code = 'c' || id) AS aligned FROM pq_big`).get(0);
		expect({ ...row }).toEqual({ n: 10000n, ids: 49995000n, halves: 24997500, first: 'c0', aligned: true });
	});

	it('reads the other types as text, and says what it changed', async () => {
		const bytes = await native.parquet(
			`SELECT * FROM (VALUES
				(1, TIME '13:45:07.25', 'a'::ENUM('a', 'b'), '{"x": [1, 2]}'::JSON, '\\x00\\xFF'::BLOB, 'plain'::BLOB, 'd4c0a0f6-5c1e-4d53-9a0e-6b1f3c2a7e10'::UUID,
					18446744073709551615::UBIGINT, 170141183460469231731687303715884105727::HUGEINT, 1.5::DECIMAL(38,10), TIMESTAMPTZ '2024-01-01 12:00:00+00',
					DATE 'infinity', INTERVAL 3 DAY, MAP {'k': 1}, [{'q': [1, 2]}], 7::UTINYINT),
				(2, NULL, NULL, NULL, NULL, NULL, NULL, 1::UBIGINT, NULL, NULL, NULL, DATE '2024-01-31', NULL, NULL, NULL, NULL)
			) t(id, at_time, level, doc, raw, text_bytes, uid, unsigned, huge, wide, instant, until, gap, props, deep, small)`
		);
		const { table, notes } = await readParquet(bytes, 'x.parquet');
		expect(notes).toEqual([
			'Columns left out, as this workbench cannot read their type: "gap" (INTERVAL).',
			'Dates and times in "instant" carry a time zone in the file; they are shown in UTC.',
			'1 date lies beyond the years a date can hold here (such as "infinity") and is left empty.',
			'1 whole number is too large for a 64-bit integer column and kept as text, with all digits.',
			'"raw" holds binary data, not text; it is shown as DuckDB shows bytes (\\xFF).'
		]);
		importTable(db, 'pq_other', table);
		expect(described('pq_other')).toEqual([
			'id BIGINT',
			'at_time VARCHAR',
			'level VARCHAR',
			'doc VARCHAR',
			'raw VARCHAR',
			'text_bytes VARCHAR',
			'uid VARCHAR',
			'unsigned VARCHAR',
			'huge DOUBLE',
			'wide DOUBLE',
			'instant TIMESTAMP',
			'until DATE',
			'props VARCHAR',
			'deep VARCHAR',
			'small BIGINT'
		]);
		expect(textRows('pq_other')[0]).toEqual({
			id: '1',
			at_time: '13:45:07.25',
			level: 'a',
			doc: '{"x": [1, 2]}',
			raw: '\\x00\\xFF',
			text_bytes: 'plain',
			uid: 'd4c0a0f6-5c1e-4d53-9a0e-6b1f3c2a7e10',
			unsigned: '18446744073709551615',
			huge: '1.7014118346046923e+38',
			wide: '1.5',
			instant: '2024-01-01 12:00:00',
			until: null,
			props: '{"k":1}',
			deep: '[{"q":[1,2]}]',
			small: '7'
		});
		// The binary value is what native DuckDB shows for the same bytes.
		const [nativeRow] = await native.rows(bytes, `SELECT CAST(raw AS VARCHAR) AS raw FROM read_parquet($file) WHERE id = 1`);
		expect(nativeRow.raw).toBe('\\x00\\xFF');
	});

	it('reads a file with no rows as typed, empty columns', async () => {
		const { table } = await readParquet(await native.parquet(`SELECT 1::BIGINT AS id, 'x' AS name, DATE '2024-01-01' AS day LIMIT 0`), 'empty.parquet');
		importTable(db, 'pq_empty', table);
		expect(described('pq_empty')).toEqual(['id BIGINT', 'name VARCHAR', 'day DATE']);
		expect(db.query(`SELECT count(*) AS n FROM pq_empty`).get(0)?.n).toBe(0n);
	});
});

describe('readParquet: files it refuses, in words naming the file', () => {
	it('a file that is not Parquet', async () => {
		const csv = new TextEncoder().encode('id,name\n1,Ann\n');
		await expect(readParquet(csv, 'clients.parquet')).rejects.toThrow(/^clients\.parquet is not a Parquet file: Parquet files start with the marker "PAR1"/);
		await expect(readParquet(new Uint8Array(0), 'empty.parquet')).rejects.toThrow(/^empty\.parquet is not a Parquet file/);
	});

	it('a truncated file (an interrupted download)', async () => {
		const bytes = await native.parquet(ALL_TYPES);
		await expect(readParquet(bytes.subarray(0, bytes.length - 100), 'cut.parquet')).rejects.toThrow(/^cut\.parquet is incomplete: it starts like a Parquet file but its end is missing/);
		await expect(readParquet(bytes.subarray(0, 6), 'cut.parquet')).rejects.toThrow(/^cut\.parquet is incomplete/);
	});

	it('a damaged footer', async () => {
		const bytes = new Uint8Array(await native.parquet(ALL_TYPES));
		const footerLength = new DataView(bytes.buffer).getUint32(bytes.length - 8, true);
		bytes.fill(0xff, bytes.length - 8 - footerLength, bytes.length - 8);
		await expect(readParquet(bytes, 'bad.parquet')).rejects.toThrow(/^bad\.parquet could not be read as Parquet: it looks damaged/);
	});

	it('an encrypted file', async () => {
		const bytes = new Uint8Array(await native.parquet(ALL_TYPES));
		bytes.set(new TextEncoder().encode('PARE'), bytes.length - 4);
		await expect(readParquet(bytes, 'secret.parquet')).rejects.toThrow(/^secret\.parquet is an encrypted Parquet file/);
	});

	it('a codec without a decoder here (LZO)', async () => {
		// hyparquet-writer labels pages with any codec given a compressor: identity bytes, marked LZO.
		const lzo = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'id', data: [1, 2, 3], type: 'INT32' }], codec: 'LZO', compressors: { LZO: (input) => input } }));
		await expect(readParquet(lzo, 'old.parquet')).rejects.toThrow('old.parquet is compressed with LZO, which this workbench cannot read. Save it again with Snappy, Zstandard or gzip compression (or none).');
	});
});

describe('value helpers', () => {
	it('float32Number gives the shortest decimal of the same 32-bit float', () => {
		expect(float32Number(Math.fround(0.1))).toBe(0.1);
		expect(float32Number(Math.fround(1 / 3))).toBe(0.33333334);
		expect(float32Number(Math.fround(16777217))).toBe(16777216);
		expect(float32Number(NaN)).toBeNaN();
	});

	it('timeText writes a time of day as DuckDB does', () => {
		expect(timeText(49507250n * 1000n, 1000n)).toBe('13:45:07.25');
		expect(timeText(0, 1_000_000n)).toBe('00:00:00');
		expect(timeText(86399999999999n, 1n)).toBe('23:59:59.999999');
	});
});

describe('loading', () => {
	it('hyparquet is imported only inside readParquet (not in the worker’s first bundle)', () => {
		const source = readFileSync(join(import.meta.dirname, '../../../../../workers/data/readers/parquet.ts'), 'utf8');
		expect(source).not.toMatch(/^import (?!type )[^;]*from 'hyparquet/m);
		expect(source).toMatch(/await Promise\.all\(\[import\('hyparquet'\), import\('hyparquet-compressors'\)\]\)/);
	});
});
