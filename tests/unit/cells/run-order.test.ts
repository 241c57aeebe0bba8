import { describe, expect, it } from 'vitest';
import { runOrder } from '$lib/cells/run-order';
import { mentionedIn } from '$lib/cells/sql/mentions';
import type { NotebookCell } from '$lib/notebook';

const cell = (id: string, type: string, params: Record<string, unknown>): NotebookCell => ({ id, type, title: '', collapsed: false, params });
const data = (id: string, table: string) => cell(id, 'data', { fileKey: `f_${id}`, fileName: `${table}.csv`, table, options: {} });
const sql = (id: string, view: string, text: string) => cell(id, 'sql', { sql: text, view });
const churn = (id: string, table: string, scoredName = '') => cell(id, 'churn', { table, scoreTable: '', scoredName });
const ids = (cells: NotebookCell[]) => runOrder(cells).map((c) => c.id);

describe('runOrder(cells)', () => {
	it('keeps document order when every cell comes after what it reads', () => {
		expect(ids([data('d', 'customers'), sql('s', 'q1', 'SELECT * FROM customers'), churn('c', 'q1')])).toEqual(['d', 's', 'c']);
	});

	it('runs tables, then the views over them, then the cells restoring results, whatever the document order', () => {
		const cells = [churn('c', 'q1'), sql('s', 'q1', 'SELECT * FROM customers WHERE tenure > 3'), data('d', 'customers')];
		expect(ids(cells)).toEqual(['d', 's', 'c']);
	});

	it('runs a view reading a view defined further down after it', () => {
		const cells = [
			data('d', 'customers'),
			churn('c', 'q2'),
			sql('s2', 'q2', 'SELECT * FROM q1 WHERE monthly_charges > 20'),
			sql('s1', 'q1', 'SELECT * FROM "customers" WHERE tenure > 3')
		];
		expect(ids(cells)).toEqual(['d', 's1', 's2', 'c']);
	});

	it("waits for a result cell's table when a query reads it", () => {
		const cells = [data('d', 'customers'), sql('s', 'top', 'SELECT * FROM customers_scored ORDER BY 1'), churn('c', 'customers', 'customers_scored')];
		expect(ids(cells)).toEqual(['d', 'c', 's']);
	});

	it('runs every cell once when two queries read each other', () => {
		const cells = [sql('a', 'qa', 'SELECT * FROM qb'), sql('b', 'qb', 'SELECT * FROM qa'), data('d', 't')];
		expect(ids(cells)).toEqual(['d', 'a', 'b']);
	});
});

describe('mentionedIn(sql, known)', () => {
	it.each([
		{ sql: 'SELECT * FROM Customers', expected: ['customers'] },
		{ sql: 'select * from "customers" join q1 using (id)', expected: ['customers', 'q1'] },
		{ sql: 'SELECT * FROM customers_2', expected: [] },
		{ sql: 'SELECT q10 FROM t', expected: [] }
	])('mentionedIn($sql)', ({ sql, expected }) => {
		expect(mentionedIn(sql, ['customers', 'q1'])).toEqual(expected);
	});
});
