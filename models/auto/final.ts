/**
 * The automatic mode's final fits: each kind's chosen configuration refitted
 * on every training row, then its test-row evaluation within the time budget
 * (metrics, explanation and permutation importance). Permutation importance
 * predicts the test rows once per column, which for a large forest costs as
 * much as its fit: it runs on as many test rows as the time left allows.
 */
import { modelOf } from '../index';
import { cancelledError } from '../shared/cancel';
import type { RawColumn } from '../shared/columns';
import { buildFeatures, type FeaturePlan } from '../shared/features';
import { encodeState } from '../shared/state-json';
import type { Dataset, FitContext, ModelState, Prediction } from '../types';
import type { BudgetClock } from './budget';
import type { CostModel } from './cost';
import { permutationImportance, selectionScore, testMetrics } from './evaluate';
import type { KindChoice } from './search';
import type { LeaderboardRow, TabularKind, TabularResult, TrainedModel } from './types';
import { P } from '../shared/progress-words';
import { kindLabel } from '../labels';

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

/** The test rows and the training rows of the final fits, with the budget's clock and cost estimates. */
export interface FinalSetup extends Omit<EvaluationInput, 'kind' | 'state' | 'stopAt'> {
	/** Each kind's chosen configuration (from the search). */
	chosen: KindChoice[];
	/** Training rows of the final fits. */
	train: Int32Array;
	clock: BudgetClock;
	costs: CostModel;
	/** Fits one configuration on `rows` (early-stopping rows carved out), stopping at `stopAt`. */
	fit(kind: TabularKind, params: Record<string, unknown>, rows: Int32Array, seed: number, stopAt: number, onRound?: FitContext['progress']): Promise<ModelState>;
	report(stage: string, plannedEnd: number): void;
}

/** A kind fitted on every training row, with its test predictions. */
export interface FinalFit {
	state: ModelState;
	prediction: Prediction;
}

export interface FinalResult {
	leaderboard: LeaderboardRow[];
	models: TabularResult['models'];
	fitted: Map<TabularKind, FinalFit>;
	/** Held-out fold predictions of the kinds whose folds all ran (the blend's candidates). */
	bestFolds: Map<TabularKind, Prediction[]>;
	/** Kinds the budget had no room for. */
	skipped: TabularKind[];
}

/**
 * Final fit of each kind's chosen configuration on every training row, then the test rows, in the time
 * reserved for them. Best CV first: should the machine slow down (estimates are measurements, a shared
 * machine varies), it is a weaker kind that is left out rather than the best one cut short.
 */
export async function fitFinals(s: FinalSetup): Promise<FinalResult> {
	const { clock, costs } = s;
	const out: FinalResult = { leaderboard: [], models: {}, fitted: new Map(), bestFolds: new Map(), skipped: [] };
	const queue = [...s.chosen].sort((a, b) => b.cvScore - a.cvScore);
	for (const [i, choice] of queue.entries()) {
		const { kind, params: bestParams } = choice;
		const model = modelOf(kind);
		if (out.leaderboard.length && clock.now() + costs.reservedFor([kind]) > clock.workEnd) {
			out.skipped.push(kind);
			continue;
		}
		const plannedEnd = () => clock.now() + costs.reservedFor(queue.slice(i).map((c) => c.kind)) + (clock.deadline - clock.workEnd);
		s.report(P.step(kindLabel(kind), P.finalFit), plannedEnd());
		const fitStart = performance.now();
		const curve: NonNullable<ModelState['curve']> = [];
		const state = await s.fit(kind, bestParams, s.train, s.seed, clock.workEnd - costs.evalEstimate(costs.predictMsPerRow(kind)), (p) => {
			if (p.curve) curve.push(p.curve);
			s.report(P.step(kindLabel(kind), p.stage), plannedEnd());
		});
		const fitMs = performance.now() - fitStart;
		// Encoded before the test rows, whose permutation importance fits itself into the time that is left.
		const encoded = encodeState(state);
		s.report(P.step(kindLabel(kind), P.testRows), plannedEnd());
		const { prediction, metrics, explanation, permutation } = await evaluateFinal({
			kind,
			state,
			raw: s.raw,
			plan: s.plan,
			test: s.test,
			testSet: s.testSet,
			seed: s.seed,
			signal: s.signal,
			// Within what is left after the next kinds' reservations; if this fit ran over, its own share up to the end (the next kinds then make way).
			stopAt: Math.max(clock.workEnd - costs.reservedFor(queue.slice(i + 1).map((c) => c.kind)), Math.min(clock.workEnd, clock.now() + costs.evalEstimate(costs.predictMsPerRow(kind))))
		});
		if (s.signal.aborted) throw cancelledError();
		out.fitted.set(kind, { state, prediction });
		if (choice.foldPredictions) out.bestFolds.set(kind, choice.foldPredictions);
		out.models[kind] = {
			state: encoded,
			testProbabilities: Array.from(prediction.probabilities),
			importance: explanation.importance,
			importanceMethod: explanation.method,
			permutation,
			curve: state.curve ?? curve
		} satisfies TrainedModel;
		out.leaderboard.push({ kind, label: model.label, params: bestParams, cvScore: choice.cvScore, trials: choice.trials, tried: choice.tried, fitMs, ...metrics });
	}
	return out;
}
