/**
 * Cross-validation folds fitted side by side on helper threads give what one
 * fold after another gives: the threads run the same fit (fold-fit.ts) on the
 * same rows with the same seeds, so the configurations tried, their CV scores
 * and the model kept are the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainTabular } from '$models/auto/trainer';
import { DEFAULT_TABULAR_REQUEST, type TabularRequest, type TabularResult } from '$models/auto/types';
import type { RawColumn } from '$models/shared/columns';
import type { ThreadPool } from '$models';
import { nodeThreads } from '../../../../scripts/node-threads';
import { DATASETS, loadCsv } from './load-csv';

// Fits spread over the threads from 100,000 rows: the telco table's fits stay whole, its folds spread.
const pool = nodeThreads(2, 100_000);
let telco: RawColumn[];

beforeAll(async () => {
	telco = await loadCsv(`${DATASETS}wa_churn.csv`);
});
afterAll(() => pool.stop());

async function train(threads?: ThreadPool): Promise<{ result: TabularResult; stages: string[] }> {
	// A budget no fit reaches: the search runs every configuration of its space, uncut.
	const request: TabularRequest = { ...DEFAULT_TABULAR_REQUEST, target: 'churn', positive: 'Yes', mode: 'gbdt', budgetS: 600 };
	const stages: string[] = [];
	const result = await trainTabular(telco, request, { progress: (p) => stages.push(p.stage), signal: new AbortController().signal, threads });
	return { result, stages };
}

/** What must not depend on where the folds were fitted (times left out). */
function outcome({ leaderboard }: TabularResult) {
	return leaderboard.map((row) => ({ kind: row.kind, cvScore: row.cvScore, auc: row.auc, logloss: row.logloss, trials: row.trials, tried: row.tried }));
}

describe('cross-validation folds on helper threads', () => {
	it('boosted trees on the telco table: the same trials, CV scores and test scores as one fold after another', async () => {
		const alone = await train();
		const threaded = await train(pool);
		expect(threaded.stages.some((s) => s.includes('3 folds at once'))).toBe(true);
		expect(alone.stages.some((s) => s.includes('folds at once'))).toBe(false);
		expect(outcome(threaded.result)).toEqual(outcome(alone.result));
		expect(outcome(alone.result)[0].tried!.length).toBeGreaterThan(10);
	}, 120_000);
});
