import { beforeAll, describe, expect, it } from 'vitest';
import type { DataEngine } from '$workers/data';
import { load, newEngine } from './engine-fixture';

let engine: DataEngine;

beforeAll(async () => {
	({ engine } = await newEngine());
	await load(engine, 'accounts.csv', 'account_id,region,mrr\n1,North,10.5\n2,South,20\n3,North,30\n', 'accounts');
	await load(engine, 'tickets.csv', 'account_id,severity\n1,high\n1,low\n3,low\n', 'tickets');
});

describe('runSql', () => {
	it('runSql(query, "q1") creates a view that later SQL can read', async () => {
		const first = await engine.runSql('-- revenue by region\nSELECT region, sum(mrr) AS mrr FROM accounts GROUP BY region ORDER BY region;', 'q1');
		expect(first.viewName).toBe('q1');
		expect(first.info?.rowCount).toBe(2);
		expect(first.info?.columns.map((c) => c.name)).toEqual(['region', 'mrr']);
		expect(first.reads).toEqual(['accounts']);
		const second = await engine.runSql('select * from q1 where mrr > 35', 'q2');
		expect(second.info?.rowCount).toBe(1);
		expect(second.reads).toContain('q1');
		expect(await engine.listRelations()).toEqual(['accounts', 'q1', 'q2', 'tickets']);
	});

	it('runSql(join with CTE) lists both tables in reads, not the CTE', async () => {
		const result = await engine.runSql(
			'WITH t AS (SELECT account_id, count(*) AS n FROM tickets GROUP BY 1) SELECT a.*, t.n FROM accounts a LEFT JOIN t USING (account_id)',
			'joined'
		);
		expect(result.reads.sort()).toEqual(['accounts', 'tickets']);
		expect(result.info?.rowCount).toBe(3);
	});

	it('runSql(SUMMARIZE accounts) is saved as a view too', async () => {
		const result = await engine.runSql('SUMMARIZE accounts', 'summary');
		expect(result.info?.rowCount).toBe(3);
	});

	it('runSql(CREATE TABLE ...) runs it and returns a message', async () => {
		const result = await engine.runSql("CREATE TABLE big_accounts AS SELECT * FROM accounts WHERE mrr >= 20", 'q3');
		expect(result).toMatchObject({ viewName: null, info: null, message: 'Statement executed.', reads: ['accounts'] });
		expect((await engine.describe('big_accounts')).rowCount).toBe(2);
	});

	it('runSql(statement; query) runs the statement and saves the final query', async () => {
		const result = await engine.runSql("CREATE OR REPLACE TABLE tmp AS SELECT 1 AS x; SELECT x + 1 AS y FROM tmp;", 'q4');
		expect(result.viewName).toBe('q4');
		expect((await engine.page('q4', 0, 10)).rows).toEqual([[2]]);
	});

	it('runSql(missing table) names it and lists the known tables', async () => {
		const error = await engine.runSql('SELECT * FROM acounts', 'bad1').catch((e: Error) => e);
		expect((error as Error).message).toMatch(/^There is no table or view named acounts\. Known tables: accounts, .*\.\n\nLINE 1: SELECT \* FROM acounts\n {22}\^$/);
	});

	it('runSql(syntax error) points at the mistake', async () => {
		await expect(engine.runSql('SELEC * FROM accounts', 'bad2')).rejects.toThrow(/^SQL syntax error near "SELEC"\.\n\nLINE 1: SELEC/);
	});

	it('runSql(unknown column) suggests the candidates', async () => {
		await expect(engine.runSql('SELECT regoin FROM accounts', 'bad3')).rejects.toThrow(/^There is no column named "regoin"\. Did you mean "region"/);
	});

	it('runSql(failing cast) leaves no broken view behind', async () => {
		await expect(engine.runSql("SELECT CAST(region AS INTEGER) FROM accounts", 'bad4')).rejects.toThrow(/^A value could not be converted/);
		expect(await engine.listRelations()).not.toContain('bad4');
	});

	it('runSql(query reading its own result) is refused', async () => {
		await expect(engine.runSql('SELECT * FROM q1', 'q1')).rejects.toThrow('which is the name of its own result');
	});

	it('runSql(query named like a table) is refused without touching the table', async () => {
		await expect(engine.runSql('SELECT 1', 'accounts')).rejects.toThrow('"accounts" is already the name of a table');
		expect((await engine.describe('accounts')).rowCount).toBe(3);
	});

	it('runSql(INSTALL httpfs) is refused', async () => {
		await expect(engine.runSql('INSTALL httpfs', 'x')).rejects.toThrow('INSTALL is not available');
	});

	it('runSql(empty or comments only) says the cell is empty', async () => {
		await expect(engine.runSql('  -- nothing\n ; ', 'x')).rejects.toThrow('The SQL cell is empty.');
	});
});
