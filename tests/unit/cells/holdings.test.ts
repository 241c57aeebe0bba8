import { describe, expect, it } from 'vitest';
import { combine, exclusive, holdingsOf, needsOf } from '$lib/cells/holdings';
import type { NotebookCell } from '$lib/notebook';

const cell = (id: string, type: string, params: Record<string, unknown>): NotebookCell => ({ id, type, title: '', collapsed: false, params });
const data = (table: string, fileKey: string) => cell(`d_${table}`, 'data', { fileKey, fileName: `${table}.csv`, table, options: {} });
const churn = (table: string, resultKey: string, scoredName = '') => cell(`c_${table}`, 'churn', { table, resultKey, scoreTable: '', scoredName });
const text = (resultKey: string, wordList: string) => cell('t', 'text', { table: 'reviews', resultKey, wordList, scoreTable: '', scoredName: '' });

describe('holdingsOf(cells)', () => {
	it('lists the relations cells create, their kept files and their kept results', () => {
		const cells = [data('customers', 'f_1'), churn('customers', 'r_1', 'customers_scored'), text('r_2', 'w_1'), cell('s', 'sql', { sql: 'SELECT 1', view: 'q1' })];
		expect(holdingsOf(cells)).toEqual({ relations: ['customers', 'customers_scored', 'q1'], files: ['f_1'], results: ['r_1', 'r_2', 'w_1'] });
	});

	it('leaves out keys not set yet (a churn cell never trained)', () => {
		expect(holdingsOf([churn('customers', '')])).toEqual({ relations: [], files: [], results: [] });
	});
});

describe('exclusive(held, needed)', () => {
	it('keeps what another notebook holds, reads or mentions in SQL (names case-insensitive)', () => {
		const held = holdingsOf([data('customers', 'f_1'), data('orders', 'f_2'), churn('customers', 'r_1')]);
		const other = [data('Customers', 'f_9'), cell('s', 'sql', { sql: 'SELECT * FROM orders', view: 'q1' }), churn('x', 'r_1')];
		expect(exclusive(held, needsOf(other, held.relations))).toEqual({ relations: [], files: ['f_1', 'f_2'], results: [] });
	});

	it('lets go of everything nothing else uses', () => {
		const held = holdingsOf([data('customers', 'f_1'), churn('customers', 'r_1')]);
		expect(exclusive(held, needsOf([data('zeta', 'f_9')], held.relations))).toEqual(held);
	});

	it('combine(a, b) joins holdings without repeats', () => {
		const a = holdingsOf([data('customers', 'f_1')]);
		expect(combine(a, a, holdingsOf([churn('customers', 'r_1')]))).toEqual({ relations: ['customers'], files: ['f_1'], results: ['r_1'] });
	});
});
