import { describe, expect, it } from 'vitest';
import { addEntries, cellFromFile, cellLabel, cellRuns, CELL_DEFINITIONS, copyParams, newCell, offeredBy } from '$lib/cells/definitions';

describe('the cell registry', () => {
	it('addEntries() is the add bar, in order, with the data cell opening the file picker', () => {
		expect(addEntries().map((e) => `+ ${e.text}${e.picksFiles ? ' (files)' : ''}`)).toEqual([
			'+ Data file (files)',
			'+ SQL',
			'+ Profile',
			'+ Pseudonymise',
			'+ Chart',
			'+ Churn model',
			'+ Recommendations',
			'+ Survival',
			'+ Segments',
			'+ RFM',
			'+ Lifetime value',
			'+ Predict segment',
			'+ Sentiment',
			'+ Retention dashboard',
			'+ Text'
		]);
	});

	it.each(Object.keys(CELL_DEFINITIONS))('%s: defaults() pass check(), and every param is in the schema', (type) => {
		const def = CELL_DEFINITIONS[type as keyof typeof CELL_DEFINITIONS];
		const defaults = def.defaults() as unknown as Record<string, unknown>;
		expect(def.check(defaults)).toBeNull();
		for (const key of Object.keys(defaults)) expect(Object.keys(def.params)).toContain(key);
	});

	it('cellFromFile(file) is a data cell reading it', () => {
		expect(cellFromFile({ fileKey: 'f_1', fileName: 'clients.csv', table: 'clients' })).toEqual({ type: 'data', params: { fileKey: 'f_1', fileName: 'clients.csv', table: 'clients' } });
	});

	it('copyParams(sql cell) gives the copy its own result name; other cells copy as they are', () => {
		const ctx = { source: '', freeName: (prefix: string) => `${prefix}1` };
		expect(copyParams(newCell('sql', { view: 'totals' }), ctx)).toEqual({ view: 'totals_1' });
		expect(copyParams(newCell('sql'), ctx)).toEqual({ view: 'q_1' });
		expect(copyParams(newCell('chart'), ctx)).toEqual({});
	});

	it('cellRuns(type) is false only for cells that just show; cellLabel of an unknown type is the type', () => {
		expect(Object.keys(CELL_DEFINITIONS).filter((t) => !cellRuns(t))).toEqual(['markdown']);
		expect(cellLabel('churn')).toBe('Churn');
		expect(cellLabel('spreadsheet')).toBe('spreadsheet');
	});

	it('offeredBy(cells, kind) lists what cells offer: a trained churn model, named by its cell', () => {
		const untrained = newCell('churn', { table: 'customers' });
		const trained = { ...newCell('churn', { table: 'customers', resultKey: 'r_1', selected: 'gbdt', threshold: 0.4, scoredName: 'customers_scored' }), title: 'Churn A' };
		const offered = offeredBy([newCell('sql'), untrained, trained, newCell('recommend')], 'churnModel');
		expect(offered).toEqual([
			{ cellId: trained.id, title: 'Churn A', value: { resultKey: 'r_1', selected: 'gbdt', table: 'customers', threshold: 0.4, scoredName: 'customers_scored', valuePerRetained: 500, costPerContact: 20 } }
		]);
	});
});
