import { beforeAll, describe, expect, it } from 'vitest';
import { Db } from '$workers/data/db';
import { openNodeDuckDB } from '$workers/data/duckdb-node';
import { importTable } from '$workers/data/readers/imported-table';
import { looksLikeNdjson, readJson } from '$workers/data/readers/json';
import { parseJson } from '$workers/data/readers/json-integers';

let db: Db;

beforeAll(async () => {
	db = new Db(await openNodeDuckDB());
});

const described = (table: string) => db.query(`DESCRIBE ${table}`).toArray().map((r) => `${r.column_name} ${r.column_type}`);
const rows = (sql: string) => db.query(sql).toArray().map((r) => ({ ...r }));
/** The columns of a read table as { name: values }. */
const byName = (text: string, fileName = 'x.json') => Object.fromEntries(readJson(text, fileName).table.columns.map((c) => [c.name, c.values]));

describe('readJson: shapes', () => {
	it('reads a list of records, typed by their values (ISO dates stay text)', () => {
		const text = JSON.stringify([
			{ id: 1, name: 'Ann', amount: 10.5, active: true, signed_up: '2024-01-31' },
			{ id: 2, name: 'Bob', amount: 3, active: false, signed_up: '2024-02-29T10:00:00Z' }
		]);
		const { table, notes } = readJson(text, 'customers.json');
		expect(notes).toEqual([]);
		importTable(db, 'js', table);
		expect(described('js')).toEqual(['id BIGINT', 'name VARCHAR', 'amount DOUBLE', 'active BOOLEAN', 'signed_up VARCHAR']);
		expect(rows(`SELECT * FROM js ORDER BY id`)).toEqual([
			{ id: 1n, name: 'Ann', amount: 10.5, active: true, signed_up: '2024-01-31' },
			{ id: 2n, name: 'Bob', amount: 3, active: false, signed_up: '2024-02-29T10:00:00Z' }
		]);
	});

	it('orders columns by first appearance across records; a missing key is a missing value', () => {
		const columns = readJson('[{"b": 1, "a": 2}, {"c": 3, "a": 4}, {"b": null}]', 'x.json').table.columns;
		expect(columns).toEqual([
			{ name: 'b', values: [1, null, null] },
			{ name: 'a', values: [2, 4, null] },
			{ name: 'c', values: [null, 3, null] }
		]);
	});

	it('reads NDJSON / JSON Lines, skipping blank lines, with Windows line ends', () => {
		const text = '\uFEFF{"id": 1, "city": "Lyon"}\r\n\r\n{"id": 2, "zip": "69001"}\r\n   \n{"id": 3}\n';
		const { table, notes } = readJson(text, 'events.ndjson');
		expect(notes).toEqual([]);
		importTable(db, 'nd', table);
		expect(rows(`SELECT * FROM nd ORDER BY id`)).toEqual([
			{ id: 1n, city: 'Lyon', zip: null },
			{ id: 2n, city: null, zip: '69001' },
			{ id: 3n, city: null, zip: null }
		]);
	});

	it('flattens nested records with dotted names and keeps lists as JSON text', () => {
		const text = JSON.stringify([
			{ id: 1, address: { city: 'Lyon', geo: { lat: 45.76 } }, tags: ['vip', 'b2b'], orders: [{ sku: 'A', qty: 2 }] },
			{ id: 2, address: { city: 'Nice', zip: '06000' }, tags: [], orders: null }
		]);
		const { table } = readJson(text, 'nested.json');
		importTable(db, 'nest', table);
		expect(described('nest')).toEqual(['id BIGINT', 'address.city VARCHAR', 'address.geo.lat DOUBLE', 'tags VARCHAR', 'orders VARCHAR', 'address.zip VARCHAR']);
		expect(rows(`SELECT * FROM nest ORDER BY id`)).toEqual([
			{ id: 1n, 'address.city': 'Lyon', 'address.geo.lat': 45.76, tags: '["vip","b2b"]', orders: '[{"sku":"A","qty":2}]', 'address.zip': null },
			{ id: 2n, 'address.city': 'Nice', 'address.geo.lat': null, tags: '[]', orders: null, 'address.zip': '06000' }
		]);
	});

	it('reads the one list of records an object holds, and says so', () => {
		expect(readJson('{"data": [{"id": 1}, {"id": 2}]}', 'api.json')).toEqual({
			table: { columns: [{ name: 'id', values: [1, 2] }] },
			notes: ['Read the 2 records under "data".']
		});
		const wrapped = readJson('{\n  "total": 1,\n  "customers": [{"id": 7, "tags": ["a"]}],\n  "page": {"next": null}\n}', 'export.json');
		expect(wrapped.table.columns).toEqual([
			{ name: 'id', values: [7] },
			{ name: 'tags', values: ['["a"]'] }
		]);
		expect(wrapped.notes).toEqual(['Read the 1 record under "customers"; the other fields ("total", "page") were left out.']);
		expect(readJson('{"response": {"items": [{"id": 1}]}}', 'x.json').notes).toEqual(['Read the 1 record under "response.items".']);
	});

	it('reads a single record as one row, and a list of plain values as one column', () => {
		expect(readJson('{"id": 1, "tags": ["a", "b"]}', 'one.json')).toEqual({
			table: {
				columns: [
					{ name: 'id', values: [1] },
					{ name: 'tags', values: ['["a","b"]'] }
				]
			},
			notes: ['The file holds one record: it is read as a table of one row.']
		});
		expect(readJson('["a@x.fr", "b@y.fr", null]', 'emails.json')).toEqual({
			table: { columns: [{ name: 'value', values: ['a@x.fr', 'b@y.fr', null] }] },
			notes: ['The file holds a list of values, not records: they are read as one column, "value".']
		});
	});
});

describe('readJson: whole numbers beyond 2^53 keep their digits', () => {
	it('as BigInt in a BIGINT column, in lists, and as text past 64 bits', () => {
		const text = '[{"id": 1234567890123456789, "ref": "12345678901234567890", "x": 0.12345678901234567, "ids": [98765432109876543210, 1]},\n{"id": -9223372036854775808, "ref": null, "x": 1e21, "ids": []},\n{"id": 123456789012345678901234, "x": -1.5e-7}]';
		const { table, notes } = readJson(text, 'ids.json');
		const [id, ref, x, ids] = table.columns;
		expect(id.values).toEqual([1234567890123456789n, -9223372036854775808n, '123456789012345678901234']);
		expect(ref.values).toEqual(['12345678901234567890', null, null]);
		expect(x.values).toEqual([0.12345678901234567, 1e21, -1.5e-7]);
		expect(ids.values).toEqual(['[98765432109876543210,1]', '[]', null]);
		expect(notes).toEqual(['1 whole number is too large for a 64-bit integer column and kept as text, with all digits.']);
		importTable(db, 'ids', { columns: [{ name: 'id', values: id.values.slice(0, 2) }] });
		expect(rows(`SELECT CAST(id AS VARCHAR) AS id FROM ids ORDER BY id DESC`)).toEqual([{ id: '1234567890123456789' }, { id: '-9223372036854775808' }]);
	});

	it('parseJson leaves digits inside text alone and keeps exact values plain numbers', () => {
		expect(parseJson('{"s": "x 1234567890123456789 y", "n": 1234567890123456, "e": 12345678901234567e2, "big": 12345678901234567}')).toEqual({
			s: 'x 1234567890123456789 y',
			n: 1234567890123456,
			e: 12345678901234567e2,
			big: 12345678901234567n
		});
		expect(parseJson('["a\\"12345678901234567890", 12345678901234567890]')).toEqual(['a"12345678901234567890', 12345678901234567890n]);
	});
});

describe('readJson: refusals, in words naming the file', () => {
	it.each([
		['', /^x\.json is empty: there are no records to read\.$/],
		['  \n', /^x\.json is empty/],
		['[]', /^x\.json holds no records: the list is empty\.$/],
		['{"data": []}', /^x\.json holds no records/],
		['42', /^x\.json holds a single value, not records \(it is a number\)\./],
		['"hello"', /^x\.json holds a single value, not records \(it is text\)\./],
		['null', /^x\.json holds a single value, not records/],
		['[{}, {}]', /^x\.json: the records have no fields/],
		['[{"id": 1}, 2]', /^x\.json: item 2 of the list is a number, not a record like the others\.$/],
		['{"customers": [{"id": 1}], "orders": [{"id": 2}]}', /^x\.json holds several lists of records \("customers", "orders"\)/],
		['[\n  {"id": 1},\n  {"id": 2,}\n]', /^x\.json is not valid JSON \(.*line 3/]
	])('refuses %j', (text, message) => {
		expect(() => readJson(text, 'x.json')).toThrow(message);
	});

	it('names the NDJSON line that is not a record', () => {
		expect(() => readJson('{"id": 1}\n{"id": 2}\n\n{"id": 3\n', 'log.jsonl')).toThrow(/^log\.jsonl: line 4 is not valid JSON \((?!line)[^)]+\)\. Each line must hold one record, \{…\}\.$/);
		expect(() => readJson('{"id": 1}\n{"id": 2}\n[3]\n', 'log.jsonl')).toThrow('log.jsonl: line 3 holds a list, not a record {…}. Each line must hold one record.');
	});
});

describe('looksLikeNdjson', () => {
	it.each([
		['{"a": 1}\n{"a": 2}\n', true],
		['\n\n{"a": 1}\r\n{"b": [1, 2]}', true],
		['{"a": 1}', true],
		['[{"a": 1}, {"a": 2}]', false],
		['{\n  "a": 1\n}', false],
		['{"a": 1}\n[1]', false],
		['{"a": 1}\n{"a": ', false],
		['id,name\n1,Ann', false],
		['', false]
	])('%j → %s', (text, expected) => {
		expect(looksLikeNdjson(text)).toBe(expected);
	});
});
