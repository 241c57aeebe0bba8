import { describe, expect, it } from 'vitest';
import { NotebookRunner } from '../../../src/routes/notebook-runner.svelte';
import type { NotebookCell } from '$lib/notebook';

const cell = (id: string, type: string, params: Record<string, unknown>): NotebookCell => ({ id, type, title: '', collapsed: false, params });

function setup(trusted = true) {
	const cells = [
		cell('data', 'data', { fileKey: 'f', fileName: 'a.csv', table: 'customers', options: {} }),
		cell('sql', 'sql', { sql: 'SELECT * FROM customers', view: 'q1' }),
		cell('chart', 'chart', { relation: 'q1', mark: 'bar', x: null, y: null, color: null, facet: null, aggregate: 'count' }),
		cell('profile', 'profile', { table: 'other' })
	];
	const runs: string[] = [];
	const runner = new NotebookRunner(() => cells, async () => ['customers', 'q1'], () => trusted);
	for (const c of cells) {
		runner.register(c.id, async () => {
			runs.push(c.id);
			if (c.id === 'sql') {
				runner.reportReads('sql', ['customers']);
				await runner.touched('q1', 'sql');
			}
			if (c.id === 'data') await runner.touched('customers', 'data');
		});
	}
	return { runner, runs };
}

describe('NotebookRunner', () => {
	it('runAll() runs every cell once, in document order', async () => {
		const { runner, runs } = setup();
		await runner.runAll();
		expect(runs).toEqual(['data', 'sql', 'chart', 'profile']);
		expect(runner.relations).toEqual(['customers', 'q1']);
	});

	it('touched(table) re-runs the readers of the table, then the readers of their views', async () => {
		const { runner, runs } = setup();
		await runner.runAll();
		runs.length = 0;
		await runner.run('data');
		expect(runs).toEqual(['data', 'sql', 'chart']);
	});

	it('touched(table) re-runs nothing while the notebook is untrusted: only what the user runs', async () => {
		const { runner, runs } = setup(false);
		await runner.run('data');
		expect(runs).toEqual(['data']);
	});

	it('runAll() runs a view defined below its reader before the reader, and tables first', async () => {
		const cells = [
			cell('churn', 'churn', { table: 'q2', scoreTable: '', scoredName: '' }),
			cell('q2', 'sql', { sql: 'SELECT * FROM q1', view: 'q2' }),
			cell('q1', 'sql', { sql: 'SELECT * FROM customers', view: 'q1' }),
			cell('data', 'data', { fileKey: 'f', fileName: 'a.csv', table: 'customers', options: {} })
		];
		const runs: string[] = [];
		const runner = new NotebookRunner(() => cells, async () => []);
		for (const c of cells) runner.register(c.id, async () => void runs.push(c.id));
		await runner.runAll();
		expect(runs).toEqual(['data', 'q1', 'q2', 'churn']);
	});

	it('touched(table) re-runs a query that has not run yet by the names in its text', async () => {
		const cells = [cell('data', 'data', { fileKey: 'f', fileName: 'a.csv', table: 'customers', options: {} }), cell('sql', 'sql', { sql: 'SELECT * FROM Customers', view: 'q1' })];
		const runs: string[] = [];
		const runner = new NotebookRunner(() => cells, async () => []);
		for (const c of cells) runner.register(c.id, async () => void runs.push(c.id));
		await runner.touched('customers', 'data');
		expect(runs).toEqual(['sql']);
		// Once it ran, what DuckDB said it read is the answer: its text alone re-runs nothing.
		runner.reportReads('sql', ['orders']);
		runs.length = 0;
		await runner.touched('customers', 'data');
		expect(runs).toEqual([]);
	});

	it('run(cellId) records an error status when the cell fails', async () => {
		const { runner } = setup();
		runner.register('chart', async () => {
			throw new Error('no such column');
		});
		await runner.run('chart');
		expect(runner.status.chart).toBe('error');
	});
});
