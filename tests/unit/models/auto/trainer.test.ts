import { beforeAll, describe, expect, it } from 'vitest';
import { trainTabular } from '$models/auto/trainer';
import { DEFAULT_TABULAR_REQUEST, type TabularRequest } from '$models/auto/types';
import type { RawColumn } from '$models/shared/columns';
import { decodeState } from '$models/shared/state-json';
import type { ModelState } from '$models';
import { scoreTable } from '$workers/train/tabular';
import { useFastestNodeBackend } from '../../../../scripts/node-backend';
import { DATASETS, loadCsv } from './load-csv';

let churn: RawColumn[];
let credit: RawColumn[];
const ctx = () => ({ progress: () => undefined, signal: new AbortController().signal });
const request = (r: Partial<TabularRequest> & { target: string }): TabularRequest => ({ ...DEFAULT_TABULAR_REQUEST, ...r });

beforeAll(async () => {
	await useFastestNodeBackend();
	churn = await loadCsv(`${DATASETS}wa_churn.split.csv`);
	credit = await loadCsv(`${DATASETS}credit_data.split.csv`);
});

describe('trainTabular', () => {
	it('trainTabular(wa_churn, {mode: gbdt}) honours the split column and reaches native tuned quality', async () => {
		const result = await trainTabular(churn, request({ target: 'churn', positive: 'Yes', splitColumn: 'split', mode: 'gbdt', budgetS: 2 }), ctx());
		expect(result).toMatchObject({ task: 'binary', classes: ['No', 'Yes'], nTrain: 5634, nTest: 1409, best: 'gbdt' });
		expect(result.features.map((f) => f.name)).not.toContain('split');
		expect(result.leaderboard).toHaveLength(1);
		expect(result.leaderboard[0].auc).toBeGreaterThan(0.84);
		expect(result.leaderboard[0].cvScore).toBeGreaterThan(0.83);
		expect(result.models.gbdt!.testProbabilities).toHaveLength(1409 * 2);
	});

	it('trainTabular(credit, {mode: auto}) compares every kind the budget has room for and picks the best by cross-validation', async () => {
		const result = await trainTabular(credit, request({ target: 'Status', positive: 'bad', splitColumn: 'split', mode: 'auto', budgetS: 6, cvFolds: 2 }), ctx());
		const kinds = result.leaderboard.map((r) => r.kind);
		// Kinds the 6 s budget has no room for are named, not silently dropped.
		expect([...kinds, ...result.budget!.skipped.map((s) => s.kind)]).toEqual(expect.arrayContaining(['gbdt', 'logistic', 'forest', 'mlp']));
		expect(kinds).toEqual(expect.arrayContaining(['gbdt', 'logistic']));
		const bestCv = Math.max(...result.leaderboard.map((r) => r.cvScore ?? -1));
		expect(result.leaderboard.find((r) => r.kind === result.best)!.cvScore).toBe(bestCv);
		expect(result.leaderboard.find((r) => r.kind === result.best)!.auc).toBeGreaterThan(0.84);
	});

	it('trainTabular(wa_churn, {target: contract}) trains a multiclass model', async () => {
		const result = await trainTabular(churn, request({ target: 'contract', splitColumn: 'split', mode: 'logistic', budgetS: 1 }), ctx());
		expect(result.task).toBe('multiclass');
		expect(result.classes).toEqual(['Month-to-month', 'One year', 'Two year']);
		expect(result.leaderboard[0].accuracy).toBeGreaterThan(0.65);
	});

	it('trainTabular(…, cancelled signal) rejects with CancelledError', async () => {
		const controller = new AbortController();
		controller.abort();
		await expect(trainTabular(churn, request({ target: 'churn', mode: 'gbdt' }), { progress: () => undefined, signal: controller.signal })).rejects.toMatchObject({ name: 'CancelledError' });
	});

	it('trainTabular(one-class target) says a model needs two classes', async () => {
		const oneClass: RawColumn[] = [
			{ name: 'x', type: 'numeric', values: Float64Array.from([1, 2, 3, 4]) },
			{ name: 'churn', type: 'text', values: ['No', 'No', 'No', 'No'] }
		];
		await expect(trainTabular(oneClass, request({ target: 'churn', mode: 'gbdt' }), ctx())).rejects.toThrow('only one value ("No")');
	});
});

describe('scoreTable', () => {
	it('scoreTable(table without a trained column) names the missing column', async () => {
		const result = await trainTabular(churn, request({ target: 'churn', positive: 'Yes', splitColumn: 'split', mode: 'logistic', budgetS: 1 }), ctx());
		const state = result.models.logistic!.state;
		expect(decodeState<ModelState>(state).kind).toBe('logistic');
		const { tableFromArrays, tableToIPC } = await import('apache-arrow');
		const ipc = tableToIPC(tableFromArrays({ tenure: Float64Array.from([1, 2]) }), 'stream');
		await expect(scoreTable({ ipc }, state)).rejects.toThrow(/columns are missing from the table to score: .*"contract"/);
	});
});
