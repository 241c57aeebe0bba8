/**
 * Tree SHAP of many customers shared between helper threads: each thread
 * explains one contiguous block of rows (one block each, since the memoised
 * forest method gets cheaper per row the more rows share a tree), and the
 * blocks are put back in order. Every row's values are computed exactly as
 * on one thread, so the result does not depend on the number of threads.
 */
import type { Features, ThreadPool } from '../types';
import type { ForestState } from '../forest';
import type { GbdtState } from '../gbdt';
import { cancelledError } from '../shared/cancel';
import { explainTrees } from './tree';
import type { ShapOptions, ShapResult } from './types';

/** Customers from which the explanation is shared: below, a thread's start and messages cost more than half the work. */
const MIN_ROWS = 200;

export interface ShapRowsRequest {
	state: GbdtState | ForestState;
	X: Features;
	classIndex: number;
}

export async function answerShapRows(req: ShapRowsRequest, progress: (fraction: number) => void, signal: AbortSignal): Promise<{ reply: ShapResult; transfer: ArrayBuffer[] }> {
	const result = await explainTrees(req.state, req.X, { classIndex: req.classIndex, progress, signal });
	return { reply: result, transfer: [result.values.buffer, result.outputs.buffer] as ArrayBuffer[] };
}

/** Whether `explainTreesOnThreads` is worth it for `rows` customers. */
export function sharesRows(threads: ThreadPool | undefined, rows: number): threads is ThreadPool {
	return !!threads && threads.size >= 2 && rows >= MIN_ROWS;
}

export async function explainTreesOnThreads(state: GbdtState | ForestState, X: Features, options: ShapOptions & { classIndex: number }, threads: ThreadPool): Promise<ShapResult> {
	const N = Math.min(threads.size, X.rows);
	const done = new Float64Array(N);
	const report = () => options.progress?.(done.reduce((a, b) => a + b, 0) / N);
	// A cancel reaches every thread, which ends its block at the next pause (other jobs' work on the threads goes on).
	const signal = options.signal;
	try {
		const parts = (await Promise.all(
			Array.from({ length: N }, (_, t) => {
				const request: ShapRowsRequest = { state, X: rowBlock(X, Math.floor((t * X.rows) / N), Math.floor(((t + 1) * X.rows) / N)), classIndex: options.classIndex };
				const progress = (fraction: number) => {
					done[t] = fraction;
					report();
				};
				return threads.request(t, { task: 'shap', session: '', request }, [], { progress, signal });
			})
		)) as ShapResult[];
		return joinRows(parts);
	} catch (e) {
		if (signal?.aborted) throw cancelledError();
		throw e;
	}
}

/** Rows `[from, to)` of `X` (copies: they cross to a thread). */
function rowBlock(X: Features, from: number, to: number): Features {
	return {
		rows: to - from,
		columns: X.columns.map((c) => (c.kind === 'numeric' ? { ...c, values: c.values.slice(from, to) } : { ...c, codes: c.codes.slice(from, to) }))
	};
}

/** The blocks' results as one, rows in order. */
function joinRows(parts: ShapResult[]): ShapResult {
	const F = parts[0].features.length;
	const rows = parts.reduce((sum, p) => sum + p.rows, 0);
	const values = new Float64Array(rows * F);
	const outputs = new Float64Array(rows);
	let at = 0;
	for (const p of parts) {
		values.set(p.values, at * F);
		outputs.set(p.outputs, at);
		at += p.rows;
	}
	return { ...parts[0], rows, values, outputs, tolerance: Math.max(...parts.map((p) => p.tolerance)) };
}
