import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DataEngine } from '$workers/data';
import { load, newEngine } from './engine-fixture';

let engine: DataEngine;

beforeAll(async () => {
	({ engine } = await newEngine());
	await load(engine, 'deals.csv', 'id,owner,amount,closed\n1,Ann,300.5,2024-01-31\n2,"Bob ""B""",,2024-02-01\n3,Cid,100,2023-12-01\n4,Ann,200,\n', 'deals');
	await engine.runSql('SELECT id, amount::DECIMAL(10,2) AS amount_dec, closed::TIMESTAMP AS ts FROM deals', 'typed');
});

describe('page', () => {
	it('page(deals, 0, 2) returns plain values and the total', async () => {
		const page = await engine.page('deals', 0, 2);
		expect(page).toEqual({ offset: 0, rowCount: 4, rows: [[1, 'Ann', 300.5, '2024-01-31'], [2, 'Bob "B"', null, '2024-02-01']] });
	});

	it('page(deals, sort amount desc) puts missing values last', async () => {
		const page = await engine.page('deals', 0, 10, { column: 'amount', descending: true });
		expect(page.rows.map((r) => r[0])).toEqual([1, 4, 3, 2]);
	});

	it('page(deals, 1, 2, sort owner asc) pages through ties in a stable order', async () => {
		const all = (await engine.page('deals', 0, 10, { column: 'owner', descending: false })).rows.map((r) => r[0]);
		const second = (await engine.page('deals', 1, 2, { column: 'owner', descending: false })).rows.map((r) => r[0]);
		expect(second).toEqual(all.slice(1, 3));
	});

	it('page(view with DECIMAL and TIMESTAMP) gives numbers and ISO strings', async () => {
		const page = await engine.page('typed', 0, 1);
		expect(page.rows[0]).toEqual([1, 300.5, '2024-01-31T00:00:00']);
	});

	it('page(deals, sort unknown) throws a plain error', async () => {
		await expect(engine.page('deals', 0, 10, { column: 'nope', descending: false })).rejects.toThrow('There is no column named "nope" in deals.');
	});
});

describe('chartData, exports, drop', () => {
	it('chartData(maxRows below the row count) returns a repeatable sample as Arrow bytes', async () => {
		const request = { relation: 'deals', columns: ['owner', 'amount'], maxRows: 2 };
		const a = await engine.chartData(request);
		const b = await engine.chartData(request);
		expect(a).toMatchObject({ rowCount: 2, sampled: true });
		const table = tableFromIPC(a.ipc);
		expect(table.schema.fields.map((f) => f.name)).toEqual(['owner', 'amount']);
		expect(table.toArray().map((r) => r.owner)).toEqual(tableFromIPC(b.ipc).toArray().map((r) => r.owner));
	});

	it('chartData(all rows) makes BIGINT columns plain numbers', async () => {
		const result = await engine.chartData({ relation: 'deals', columns: ['id'], maxRows: 100 });
		expect(result.sampled).toBe(false);
		expect(tableFromIPC(result.ipc).getChild('id')?.toArray()).toEqual(new Float64Array([1, 2, 3, 4]));
	});

	it('exportArrow(deals) carries every row and column', async () => {
		const table = tableFromIPC((await engine.exportArrow('deals')).ipc);
		expect([table.numRows, table.numCols]).toEqual([4, 4]);
	});

	it('exportCsv(deals) writes a header and quoted text', async () => {
		const text = new TextDecoder().decode(await engine.exportCsv('deals'));
		expect(text.split('\n').slice(0, 3)).toEqual(['id,owner,amount,closed', '1,Ann,300.5,2024-01-31', '2,"Bob ""B""",,2024-02-01']);
	});

	it('dropRelation and eraseAll remove tables and views', async () => {
		await engine.dropRelation('typed');
		await engine.dropRelation('not_there');
		expect(await engine.listRelations()).toEqual(['deals']);
		await engine.eraseAll();
		expect(await engine.listRelations()).toEqual([]);
		expect(await engine.hasStoredFile('key:deals.csv')).toBe(false);
	});
});
