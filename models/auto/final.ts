/**
 * A final model's test-row evaluation within the time budget: metrics,
 * explanation and permutation importance. Permutation importance predicts
 * the test rows once per column, which for a large forest costs as much as
 * its fit: it runs on as many test rows as the time left allows.
 */
import { modelOf } from '../index';
import type { RawColumn } from '../shared/columns';
import { buildFeatures, type FeaturePlan } from '../shared/features';
import type { Dataset, ModelState } from '../types';
import { permutationImportance, selectionScore, testMetrics } from './evaluate';
import type { TabularKind } from './types';

/** Permutation importance uses at most this many test rows. */
export const PERMUTATION_ROWS = 3000;
/** Rows the budget reserves for permutation importance; more are used when time is left. */
export const RESERVED_PERMUTATION_ROWS = 500;
/** Fewer rows than this would make the importance noise. */
const MIN_PERMUTATION_ROWS = 100;

/** Test rows predicted by one evaluation, as reserved: the test rows, then the permutation sample once per column and once plain. */
export function evaluationRows(testRows: number, columns: number): number {
	return testRows + Math.min(testRows, RESERVED_PERMUTATION_ROWS) * (columns + 1);
}

export interface EvaluationInput {
	kind: TabularKind;
	state: ModelState;
	raw: RawColumn[];
	plan: FeaturePlan;
	/** Table rows of the test set, in `testSet` order. */
	test: Int32Array;
	testSet: Dataset;
	seed: number;
	signal: AbortSignal;
	/** When the evaluation must be done (ms on the `performance.now()` clock). */
	stopAt: number;
}

export async function evaluateFinal(e: EvaluationInput) {
	const model = modelOf(e.kind);
	const { testSet } = e;
	const classes = e.plan.classes.length;
	const started = performance.now();
	const prediction = await model.predict(e.state, testSet.X);
	// This model's own speed: fold models, fitted on fewer rows, can be smaller and faster.
	const msPerRow = (performance.now() - started) / Math.max(1, testSet.X.rows);
	const metrics = testMetrics(testSet.y, prediction);
	const explanation = await model.explain(e.state, testSet.X);
	const columns = e.plan.features.length;
	const affordable = Math.floor((e.stopAt - performance.now()) / (msPerRow * (columns + 1) * 1.1));
	const rows = Math.min(testSet.X.rows, PERMUTATION_ROWS, Math.max(MIN_PERMUTATION_ROWS, affordable));
	// Evenly spaced test rows: deterministic, and they keep the test set's class mix.
	const sample = rows < testSet.X.rows ? Int32Array.from({ length: rows }, (_, i) => Math.floor((i * testSet.X.rows) / rows)) : null;
	const permX = sample ? buildFeatures(e.raw, e.plan.features, Int32Array.from(sample, (i) => e.test[i])) : testSet.X;
	const permY = sample ? Int32Array.from(sample, (i) => testSet.y[i]) : testSet.y;
	const base = selectionScore(testMetrics(permY, await model.predict(e.state, permX)), classes);
	const permutation = await permutationImportance((X) => model.predict(e.state, X), permX, permY, base, e.seed, e.signal, e.stopAt);
	return { prediction, metrics, explanation, permutation };
}
