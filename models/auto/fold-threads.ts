/**
 * Cross-validation folds fitted on the helper threads, all of a trial's folds
 * at once, for tables too small for one fit to spread over the threads (below
 * the pool's `minRows`). Boosted trees only: forests already grow their trees
 * on the threads, and logistic regression and neural networks run on
 * TensorFlow.js, which the threads do not load. Each thread holds the table
 * and fits a fold with the same code as the training worker (fold-fit.ts):
 * the same fold, seed and settings give the same model.
 */
import { gbdtModel } from '../gbdt';
import type { AnyModel } from '../index';
import type { RawColumn } from '../shared/columns';
import { buildDataset, encodeTarget, type FeaturePlan } from '../shared/features';
import { ThreadSessions } from '../shared/thread-sessions';
import type { Prediction, ThreadPool } from '../types';
import { fitRows } from './fold-fit';
import type { ParallelFolds } from './search';

/** The kinds whose folds the threads fit. */
const FOLD_MODELS: Record<string, AnyModel> = { gbdt: gbdtModel as unknown as AnyModel };

/** What each thread holds: the table and its feature plan. */
export interface FoldInit {
	raw: RawColumn[];
	plan: FeaturePlan;
}

/** One fold of one configuration; `stopInMs`: how long the fit may run (thread clocks differ). */
export interface FoldRequest {
	kind: string;
	params: Record<string, unknown>;
	train: Int32Array;
	test: Int32Array;
	seed: number;
	stopInMs: number;
}

export interface FoldAnswer {
	/** On the fold's held-out rows. */
	prediction: Prediction;
	fitMs: number;
	predictMs: number;
	/** The fit reached its stop time (its score does not describe the configuration). */
	cut: boolean;
}

/** A thread's side: the table, and fold fits on it. */
export class FoldSession {
	private readonly y: Int32Array;

	constructor(private readonly init: FoldInit) {
		this.y = encodeTarget(init.raw.find((c) => c.name === init.plan.target)!, init.plan.classes);
	}

	async fold(r: FoldRequest, signal: AbortSignal): Promise<{ reply: FoldAnswer; transfer: ArrayBuffer[] }> {
		const model = takes(r.kind) ? FOLD_MODELS[r.kind] : undefined;
		if (!model) throw new Error(`The helper threads fit no folds of ${r.kind}.`);
		const datasetOf = (rows: Int32Array) => buildDataset(this.init.raw, this.init.plan, rows);
		const t0 = performance.now();
		const stopAt = t0 + r.stopInMs;
		const state = await fitRows(model, r.params, r.train, this.y, datasetOf, { seed: r.seed, signal, stopAt, progress: () => {} });
		const t1 = performance.now();
		const prediction = await model.predict(state, datasetOf(r.test).X);
		const reply = { prediction, fitMs: t1 - t0, predictMs: performance.now() - t1, cut: t1 >= stopAt };
		return { reply, transfer: [prediction.probabilities.buffer as ArrayBuffer] };
	}
}

/** The training side: every thread opened on the table; fold f goes to thread f mod size. */
export class FoldThreads implements ParallelFolds {
	private constructor(
		private readonly sessions: ThreadSessions,
		private readonly folds: { train: Int32Array; test: Int32Array }[],
		private readonly signal: AbortSignal
	) {}

	/**
	 * Fold fits on `pool`'s threads, or null where they would not help: no threads, a table whose
	 * fits spread over them (`minRows`), or no kind among `kinds` the threads fit (then the table is not sent).
	 */
	static async open(
		pool: ThreadPool | undefined,
		table: FoldInit & { folds: { train: Int32Array; test: Int32Array }[]; trainRows: number },
		kinds: readonly string[],
		signal: AbortSignal
	): Promise<FoldThreads | null> {
		if (!pool || pool.size < 2 || table.trainRows >= pool.minRows || !kinds.some(takes)) return null;
		const init: FoldInit = { raw: table.raw, plan: table.plan };
		const sessions = await ThreadSessions.open(pool, 'fold', Array.from({ length: pool.size }, () => ({ init, transfer: [] })));
		return new FoldThreads(sessions, table.folds, signal);
	}

	get size(): number {
		return this.sessions.size;
	}

	takes(kind: string): boolean {
		return takes(kind);
	}

	fit(f: number, kind: string, params: Record<string, unknown>, seed: number, stopInMs: number): Promise<FoldAnswer> {
		const request: FoldRequest = { kind, params, train: this.folds[f].train, test: this.folds[f].test, seed, stopInMs };
		return this.sessions.call(f % this.size, request, [], { signal: this.signal }) as Promise<FoldAnswer>;
	}

	close(): Promise<void> {
		return this.sessions.close();
	}
}

function takes(kind: string): boolean {
	return Object.hasOwn(FOLD_MODELS, kind);
}
