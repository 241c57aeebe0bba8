import { describe, expect, it } from 'vitest';
import { defaultSource, notebookSources } from '$lib/cells/default-source';
import { startParams } from '$lib/cells/definitions';
import type { NotebookCell } from '$lib/notebook';

const cell = (id: string, type: string, params: Record<string, unknown>): NotebookCell => ({ id, type, title: '', collapsed: false, params });
const data = (table: string) => cell(`d_${table}`, 'data', { fileKey: `f_${table}`, fileName: `${table}.csv`, table, options: {} });
const sql = (view: string, text = '') => cell(`s_${view}`, 'sql', { sql: text, view });
const profile = (table: string) => cell(`p_${table}`, 'profile', { table });

describe('defaultSource(cells, at, loaded)', () => {
	it.each([
		{ name: 'the table of the data cell just above', cells: [data('customers')], at: 1, expected: 'customers' },
		{ name: 'the view of the nearest SQL cell above, not the table before it', cells: [data('customers'), sql('q1')], at: 2, expected: 'q1' },
		{ name: 'the nearest writer above, skipping cells that write nothing', cells: [data('customers'), profile('customers'), data('orders')], at: 2, expected: 'customers' },
		{ name: 'with nothing written above, the last relation the notebook writes', cells: [data('customers'), data('orders')], at: 0, expected: 'orders' },
		{ name: "'' for a notebook that writes nothing", cells: [profile('zeta')], at: 1, expected: '' }
	])('picks $name', ({ cells, at, expected }) => {
		expect(defaultSource(cells, at, [])).toBe(expected);
	});

	it("never picks another notebook's table, however DuckDB's list is ordered", () => {
		// 'zeta' was loaded by another notebook in this tab: alphabetically last, and ignored.
		expect(defaultSource([data('alpha')], 1, ['alpha', 'zeta'])).toBe('alpha');
		expect(defaultSource([], 0, ['alpha', 'zeta'])).toBe('');
	});

	it('prefers a relation DuckDB holds over the name of a query that has not run', () => {
		const cells = [data('customers'), sql('q1')];
		expect(defaultSource(cells, 2, ['customers'])).toBe('customers');
		expect(defaultSource(cells, 2, ['customers', 'Q1'])).toBe('q1');
	});
});

/** The notebook around a new cell: `source` its default table, names free from 1 on. */
const around = (source: string) => ({ source, freeName: (prefix: string) => `${prefix}1` });

describe('startParams(type, {source, freeName})', () => {
	it.each([
		{ type: 'profile', expected: { table: 'customers' } },
		{ type: 'chart', expected: { relation: 'customers' } },
		{ type: 'churn', expected: { table: 'customers' } },
		{ type: 'predict', expected: { table: 'customers' } },
		{ type: 'text', expected: { table: 'customers' } },
		{ type: 'segments', expected: { table: 'customers', outName: 'customers_segments' } },
		{ type: 'rfm', expected: { source: 'customers', outName: 'customers_rfm' } },
		{ type: 'sql', expected: { sql: 'SELECT * FROM customers LIMIT 100', view: 'q1' } },
		{ type: 'markdown', expected: {} }
	] as const)('startParams($type, {source: "customers"})', ({ type, expected }) => {
		expect(startParams(type, around('customers'))).toEqual(expected);
	});

	it('startParams(type, {source: ""}) keeps the defaults; a SQL cell still gets a free result name', () => {
		expect(startParams('churn', around(''))).toEqual({});
		expect(startParams('sql', around(''))).toEqual({ view: 'q1' });
	});
});

describe('notebookSources(cells, at, loaded)', () => {
	it('lists every relation the notebook writes, nearest above first, held ones before the others; a dashboard takes the latest scored table', () => {
		const cells = [data('customers'), data('customers_scored'), data('orders')];
		expect(notebookSources(cells, 2, ['customers', 'customers_scored'])).toEqual(['customers_scored', 'customers', 'orders']);
		const sources = notebookSources(cells, 3, ['customers', 'customers_scored', 'orders']);
		expect(startParams('dashboard', { source: sources[0], sources, freeName: (p) => `${p}1` })).toEqual({ table: 'customers_scored', view: 'dashboard1' });
	});
});
