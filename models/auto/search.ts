/**
 * The automatic mode's cross-validated search, held to the time budget.
 * First every kind's strong default is cross-validated (in AUTO_KINDS order:
 * the usual winner first, the slowest last), so each kind's cost is measured before any tuning; then the
 * time left, less the final fits reserved for every kind kept, is shared
 * between kinds by BUDGET_SHARE for further configurations. A trial starts
 * only when its estimated cost fits what is left, and every fit stops adding
 * trees or epochs when its share of the deadline passes (`ctx.stopAt`).
 */
import { modelOf } from '../index';
import type { Dataset, ModelState, Prediction } from '../types';
import { createRng } from '../shared/random';
import type { BudgetClock } from './budget';
import type { CostModel } from './cost';
import { selectionScore, testMetrics } from './evaluate';
import { BUDGET_SHARE, SEARCH_SPACES, type SearchSpace } from './spaces';
import type { TabularKind, TrialRecord } from './types';
import type { FoldAnswer } from './fold-threads';
import { P } from '../shared/progress-words';
import { kindLabel } from '../labels';

export interface SearchSetup {
	kinds: TabularKind[];
	folds: { train: Int32Array; test: Int32Array }[];
	/** The held-out rows of each fold, as datasets. */
	foldSets: Dataset[];
	classes: number;
	seed: number;
	clock: BudgetClock;
	costs: CostModel;
	/** Fits one configuration on `rows` (early-stopping rows carved out), stopping at `stopAt`. */
	fit(kind: TabularKind, params: Record<string, unknown>, rows: Int32Array, seed: number, stopAt: number): Promise<ModelState>;
	/** Reports a stage, with the planned end of the whole job (ms on the clock). */
	report(stage: string, plannedEnd: number): void;
	/** Fits all of a trial's folds at once on helper threads, for the kinds it takes (absent: one fold after another here). */
	parallel?: ParallelFolds;
}

/** Fold fits on helper threads (fold-threads.ts, bound to the folds). */
export interface ParallelFolds {
	/** Folds fitted at the same time. */
	size: number;
	takes(kind: string): boolean;
	fit(f: number, kind: string, params: Record<string, unknown>, seed: number, stopInMs: number): Promise<FoldAnswer>;
}

/** The chosen configuration of one kind. */
export interface KindChoice {
	kind: TabularKind;
	params: Record<string, unknown>;
	cvScore: number;
	trials: number;
	/** Held-out predictions of every fold, for blending; null when the budget cut the folds short. */
	foldPredictions: Prediction[] | null;
	/** Every configuration cross-validated for the kind, in order; the kept one is marked. */
	tried: TrialRecord[];
}

/** What a configuration changes from the kind's defaults (short, readable in the leaderboard and `evaluate --verbose`). */
function changes(kind: TabularKind, params: Record<string, unknown>): Record<string, unknown> {
	const defaults = modelOf(kind).defaults;
	return Object.fromEntries(Object.entries(params).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(defaults[key])));
}

/** A random configuration not tried yet (small spaces repeat themselves; a repeat would only cost time). */
function freshSample(kind: TabularKind, space: SearchSpace, rng: () => number, tried: TrialRecord[]): Record<string, unknown> {
	const key = (params: Record<string, unknown>) => JSON.stringify(Object.entries(params).sort());
	const seen = new Set(tried.map((t) => key(t.params)));
	let params = space.sample(rng);
	for (let i = 0; i < 20 && seen.has(key(changes(kind, { ...modelOf(kind).defaults, ...params }))); i++) params = space.sample(rng);
	return params;
}

/** Marks trial `at` as the one kept (the only one). */
function markKept(tried: TrialRecord[], at: number): TrialRecord[] {
	tried.forEach((t, i) => (t.kept = i === at));
	return tried;
}

function record(kind: TabularKind, params: Record<string, unknown>, trial: Trial): TrialRecord {
	return { params: changes(kind, params), cvScore: trial.cv, complete: trial.complete };
}

interface Trial {
	cv: number;
	foldPredictions: Prediction[];
	/** Wall time of the trial per fold (what the next trial's estimate scales). */
	meanFoldMs: number;
	/** Time of one fold's fit (what a final fit, alone on this thread, scales). */
	fitMs: number;
	predictMsPerRow: number;
	/** Every fold fitted in full and scored. */
	complete: boolean;
}

/**
 * Cross-validates one configuration. `stopAt(trialSoFar, foldsLeft)` bounds each fold's fit; after each fold,
 * `fits(trialSoFar, foldsLeft)` says whether the rest can still finish in time (else the trial ends incomplete).
 */
async function runTrial(
	s: SearchSetup,
	kind: TabularKind,
	params: Record<string, unknown>,
	stage: string,
	stopAt: (trial: Trial | null, foldsLeft: number) => number,
	fits: (trial: Trial, foldsLeft: number) => boolean,
	plannedEnd: () => number
): Promise<Trial> {
	if (s.parallel?.takes(kind)) return runFoldsAtOnce(s, s.parallel, kind, params, stage, stopAt, plannedEnd);
	const model = modelOf(kind);
	const foldPredictions: Prediction[] = [];
	let total = 0;
	let fitMs = 0;
	let predictMs = 0;
	let predictRows = 0;
	let trial: Trial | null = null;
	for (const [f, fold] of s.folds.entries()) {
		s.report(P.step(kindLabel(kind), P.fold(stage, f + 1, s.folds.length)), plannedEnd());
		const foldsLeft = s.folds.length - f - 1;
		const end = stopAt(trial, foldsLeft);
		const t0 = s.clock.now();
		const state = await s.fit(kind, params, fold.train, s.seed + f, end);
		const t1 = s.clock.now();
		const prediction = await model.predict(state, s.foldSets[f].X);
		fitMs += t1 - t0;
		predictMs += s.clock.now() - t1;
		predictRows += s.foldSets[f].X.rows;
		foldPredictions.push(prediction);
		total += selectionScore(testMetrics(s.foldSets[f].y, prediction), s.classes);
		// A fit that reached its stop time was cut short: its score does not describe the configuration.
		const cut = t1 >= end;
		const meanFoldMs = fitMs / (f + 1);
		trial = { cv: total / (f + 1), foldPredictions, meanFoldMs, fitMs: meanFoldMs, predictMsPerRow: predictMs / predictRows, complete: foldsLeft === 0 && !cut };
		if (foldsLeft === 0 || cut || !fits(trial, foldsLeft)) return trial;
	}
	throw new Error(`invalid cvFolds: ${s.folds.length}`);
}

/**
 * Cross-validates one configuration with every fold fitted at once on the
 * helper threads: each fold may run as long as one fold of the rounds left
 * (folds beyond the threads' number wait for a free thread).
 */
async function runFoldsAtOnce(
	s: SearchSetup,
	parallel: ParallelFolds,
	kind: TabularKind,
	params: Record<string, unknown>,
	stage: string,
	stopAt: (trial: Trial | null, foldsLeft: number) => number,
	plannedEnd: () => number
): Promise<Trial> {
	const k = s.folds.length;
	if (k < 1) throw new Error(`invalid cvFolds: ${k}`);
	s.report(P.step(kindLabel(kind), P.foldsAtOnce(stage, k)), plannedEnd());
	const start = s.clock.now();
	const stopInMs = stopAt(null, Math.ceil(k / parallel.size) - 1) - start;
	const answers = await Promise.all(s.folds.map((_, f) => parallel.fit(f, kind, params, s.seed + f, stopInMs)));
	const wallMs = s.clock.now() - start;
	let total = 0;
	let fitMs = 0;
	let predictMs = 0;
	let predictRows = 0;
	answers.forEach((a, f) => {
		total += selectionScore(testMetrics(s.foldSets[f].y, a.prediction), s.classes);
		fitMs += a.fitMs;
		predictMs += a.predictMs;
		predictRows += s.foldSets[f].X.rows;
	});
	const complete = answers.every((a) => !a.cut);
	return { cv: total / k, foldPredictions: answers.map((a) => a.prediction), meanFoldMs: wallMs / k, fitMs: fitMs / k, predictMsPerRow: predictMs / predictRows, complete };
}

/** Searches every kind within the budget; returns the kinds kept (in `kinds` order) and those the budget left out. */
export async function budgetedSearch(s: SearchSetup): Promise<{ chosen: KindChoice[]; skipped: TabularKind[] }> {
	const { clock, costs } = s;
	const chosen: KindChoice[] = [];
	const skipped: TabularKind[] = [];
	const trialsLeft = new Map<TabularKind, number>();
	// Search must end here so that every kept kind's final fit still fits the budget.
	const searchEnd = () => clock.workEnd - costs.reservedFor();
	/** The job's planned end: the deadline unless every kind is measured and its remaining trials are fewer than the time. */
	const plannedEnd = () => {
		let search = 0;
		for (const kind of s.kinds) {
			const left = trialsLeft.get(kind) ?? 1;
			const fold = left > 0 ? costs.foldEstimate(kind, modelOf(kind).defaults as Record<string, unknown>) : 0;
			if (fold === undefined) return clock.deadline;
			search += left * fold * s.folds.length;
		}
		return clock.now() + search + costs.reservedFor() + (clock.deadline - clock.workEnd);
	};
	const keep = (kind: TabularKind, params: Record<string, unknown>, trial: Trial, trials: number) => {
		costs.reserve(kind, costs.finalEstimate(trial.fitMs, trial.predictMsPerRow));
		return { kind, params, cvScore: trial.cv, trials, foldPredictions: trial.complete ? trial.foldPredictions : null };
	};
	const tried = new Map<TabularKind, TrialRecord[]>(s.kinds.map((kind) => [kind, []]));

	// 1. The default of every kind, in order: it measures the kind's cost and is usually the strongest.
	for (const kind of s.kinds) {
		const space = SEARCH_SPACES[kind];
		const params = { ...modelOf(kind).defaults, ...space.first[0] };
		const end = searchEnd();
		if (chosen.length && clock.now() >= end) {
			skipped.push(kind);
			trialsLeft.set(kind, 0);
			continue;
		}
		const trial = await runTrial(
			s,
			kind,
			params,
			'trial 1',
			// Unmeasured, a fold gets its share of the time left (the other folds and the final fit included);
			// measured, it may run until the rest of the trial and the final fit would no longer fit.
			(trial, foldsLeft) =>
				trial
					? end - trial.meanFoldMs * foldsLeft - costs.finalEstimate(trial.fitMs, trial.predictMsPerRow)
					: clock.now() + (end - clock.now()) / (foldsLeft + 1 + costs.finalFoldRatio),
			(trial, foldsLeft) => clock.now() + trial.meanFoldMs * foldsLeft + costs.finalEstimate(trial.fitMs, trial.predictMsPerRow) <= end,
			plannedEnd
		);
		tried.get(kind)!.push(record(kind, params, trial));
		if (trial.complete) costs.record(kind, params, trial.meanFoldMs, trial.predictMsPerRow);
		// The first kind is kept even when cut short (its folds are still honest held-out scores): a job always ends with a model.
		if (trial.complete || !chosen.length) {
			chosen.push({ ...keep(kind, params, trial, 1), tried: markKept(tried.get(kind)!, 0) });
			trialsLeft.set(kind, trial.complete ? space.maxTrials - 1 : 0);
		} else {
			skipped.push(kind);
			trialsLeft.set(kind, 0);
		}
	}

	// 2. Further configurations, in passes: the time left is shared by BUDGET_SHARE among the kinds with
	// trials left, so time a kind does not use (its trials run out, or the next one is too slow) passes on.
	const tunings = chosen.map((choice) => ({ choice, rng: createRng(s.seed + choice.kind.length * 101), next: 1, pending: null as Record<string, unknown> | null, done: false }));
	for (let ran = true; ran; ) {
		ran = false;
		const open = tunings.filter((tu) => !tu.done && (trialsLeft.get(tu.choice.kind) ?? 0) > 0);
		for (const [i, tu] of open.entries()) {
			const { choice } = tu;
			const kind = choice.kind;
			const space = SEARCH_SPACES[kind];
			const shares = open.slice(i).reduce((sum, o) => sum + BUDGET_SHARE[o.choice.kind], 0);
			const shareEnd = clock.now() + Math.max(0, searchEnd() - clock.now()) * (BUDGET_SHARE[kind] / shares);
			while ((trialsLeft.get(kind) ?? 0) > 0) {
				const t = tu.next;
				const params = tu.pending ?? { ...modelOf(kind).defaults, ...(t < space.first.length ? space.first[t] : freshSample(kind, space, tu.rng, choice.tried)) };
				const estimate = (costs.foldEstimate(kind, params) ?? Infinity) * s.folds.length;
				// Never start a trial that is not expected to end in time: within the search, else the kind is done;
				// within this kind's share, else it waits for the next pass.
				if (clock.now() + estimate > searchEnd()) tu.done = true;
				else if (clock.now() + estimate > shareEnd) tu.pending = params;
				if (tu.done || clock.now() + estimate > shareEnd) break;
				tu.pending = null;
				tu.next++;
				ran = true;
				trialsLeft.set(kind, (trialsLeft.get(kind) ?? 0) - 1);
				const end = searchEnd();
				const trial = await runTrial(s, kind, params, P.trial(t + 1), () => end, (trial, left) => clock.now() + trial.meanFoldMs * left <= end, plannedEnd);
				choice.tried.push(record(kind, params, trial));
				if (!trial.complete) {
					tu.done = true;
					break;
				}
				costs.record(kind, params, trial.meanFoldMs, trial.predictMsPerRow);
				choice.trials++;
				if (trial.cv <= choice.cvScore) continue;
				// A better but slower configuration is kept only if its final fit still fits the budget.
				const final = costs.finalEstimate(trial.fitMs, trial.predictMsPerRow);
				const others = costs.reservedFor(chosen.filter((c) => c.kind !== kind).map((c) => c.kind));
				if (clock.now() + final + others > clock.workEnd) continue;
				Object.assign(choice, keep(kind, params, trial, choice.trials));
				markKept(choice.tried, choice.tried.length - 1);
			}
		}
	}
	return { chosen, skipped };
}
