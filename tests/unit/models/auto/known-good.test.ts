/**
 * The search starts from the known-good: each kind's first trials are the
 * strongest setting on our tables and the native libraries' own defaults
 * (XGBoost's 100 trees, depth 6, rate 0.3; scikit-learn's forest; L2 logistic
 * with C = 1), so the automatic mode never ends below a model left untouched.
 * Every trial is recorded for the leaderboard and `evaluate --verbose`, and a
 * random draw never repeats one already tried.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { trainTabular } from '$models/auto/trainer';
import { DEFAULT_TABULAR_REQUEST } from '$models/auto/types';
import type { RawColumn } from '$models/shared/columns';
import { GBDT_DEFAULTS } from '$models/gbdt';
import { useFastestNodeBackend } from '../../../../scripts/node-backend';
import { DATASETS, loadCsv } from './load-csv';

let credit: RawColumn[];
const ctx = () => ({ progress: () => undefined, signal: new AbortController().signal });

beforeAll(async () => {
	await useFastestNodeBackend();
	credit = await loadCsv(`${DATASETS}credit_data.split.csv`);
});

describe('the search', () => {
	it('tries XGBoost’s defaults second, after the best known setting, then the grid corners and early stopping', async () => {
		const result = await trainTabular(credit, { ...DEFAULT_TABULAR_REQUEST, target: 'Status', positive: 'bad', splitColumn: 'split', mode: 'gbdt', budgetS: 8, cvFolds: 2 }, ctx());
		const tried = result.leaderboard[0].tried!;
		const first = [
			{ nEstimators: 200, learningRate: 0.05, maxDepth: 3 },
			{}, // GBDT_DEFAULTS: XGBoost's own
			{ maxDepth: 3 },
			{ nEstimators: 300, learningRate: 0.05 },
			{ nEstimators: 1000, learningRate: 0.05, maxDepth: 4, earlyStoppingRounds: 30 }
		];
		// A busy machine may run fewer trials in the budget, never fewer than these two.
		expect(tried.length).toBeGreaterThanOrEqual(2);
		expect(tried.slice(0, first.length).map((t) => t.params)).toEqual(first.slice(0, tried.length));
		expect(GBDT_DEFAULTS).toMatchObject({ nEstimators: 100, maxDepth: 6, learningRate: 0.3 });
		// The kept configuration is the best complete trial, and its CV score is the row's. Near the budget's end a
		// better trial is dropped when its final fit would not fit: so the strict check holds when the search ended
		// well within the budget (its space ran out; the faster trees usually get there on a quiet machine).
		const complete = tried.filter((t) => t.complete);
		const best = Math.max(...complete.map((t) => t.cvScore));
		if (result.budget!.spentS < 0.6 * 8) expect(result.leaderboard[0].cvScore).toBe(best);
		else expect(result.leaderboard[0].cvScore).toBeLessThanOrEqual(best);
		const kept = tried.filter((t) => t.kept);
		expect(kept).toHaveLength(1);
		expect(kept[0]).toMatchObject({ complete: true, cvScore: result.leaderboard[0].cvScore });
		// No random draw repeats a configuration.
		const keys = tried.map((t) => JSON.stringify(Object.entries(t.params).sort()));
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('tries scikit-learn’s forest and L2 logistic regression with C = 1 among the first', async () => {
		const forest = await trainTabular(credit, { ...DEFAULT_TABULAR_REQUEST, target: 'Status', positive: 'bad', splitColumn: 'split', mode: 'forest', budgetS: 10, cvFolds: 2 }, ctx());
		expect(forest.leaderboard[0].tried!.slice(0, 2).map((t) => t.params)).toEqual([{}, { nEstimators: 100, maxDepth: 0 }]);
		const logistic = await trainTabular(credit, { ...DEFAULT_TABULAR_REQUEST, target: 'Status', positive: 'bad', splitColumn: 'split', mode: 'logistic', budgetS: 3, cvFolds: 2 }, ctx());
		expect(logistic.leaderboard[0].tried![0].params).toEqual({});
		expect(logistic.leaderboard[0].params).toMatchObject({ C: expect.any(Number) });
	});
});
