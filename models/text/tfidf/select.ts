/**
 * Choosing the inverse regularisation C from a small grid: on the held-out
 * rows the trainer passes (ctx.validation) when there are any, else by
 * seeded stratified k-fold cross-validation on the training rows. The score
 * is the held-out mean log loss (smoother than accuracy on a few hundred
 * rows); ties go to the smaller C. Each C warm-starts from the previous
 * one's solution (the grid is ascending), which saves most iterations.
 */
import { stratifiedFolds } from '../../shared/splits';
import type { SparseRows } from './features';
import { makeProblem, outputsFor } from './objective';
import { probabilities, solve, type SolveOptions } from './solve';

export interface GridScore {
	C: number;
	/** Mean held-out log loss. */
	logLoss: number;
	/** Held-out accuracy. */
	accuracy: number;
}

export interface Selection {
	C: number;
	scores: GridScore[];
	/** Parameters fitted on all training rows at the chosen C, when selection produced them (with that fit's solver record). */
	theta: Float64Array | null;
	iterations: number;
	converged: boolean;
}

export interface SelectInput {
	X: SparseRows;
	y: Int32Array;
	classes: number;
	rowWeights?: Float64Array;
	grid: readonly number[];
	validation?: { X: SparseRows; y: Int32Array };
	folds: number;
	seed: number;
	solver: SolveOptions;
	/** Called before each fit with the share of the selection done. */
	progress(fraction: number, stage: string): void;
}

/** Sum of log losses and number of correct rows of `probs` (row-major) against `y`. */
function heldOutScore(probs: Float64Array, y: Int32Array, classes: number): { loss: number; right: number } {
	let loss = 0;
	let right = 0;
	for (let r = 0; r < y.length; r++) {
		const at = r * classes;
		loss -= Math.log(Math.max(probs[at + y[r]], 1e-15));
		let best = 0;
		for (let c = 1; c < classes; c++) if (probs[at + c] > probs[at + best]) best = c;
		if (best === y[r]) right++;
	}
	return { loss, right };
}

const paramCount = (X: SparseRows, classes: number) => (X.cols + 1) * outputsFor(classes);

/** The rows of one fold as their own matrix (so scoring touches only those rows). */
function pickRows(X: SparseRows, rows: Int32Array): SparseRows {
	const indptr = new Int32Array(rows.length + 1);
	rows.forEach((r, i) => (indptr[i + 1] = indptr[i] + X.indptr[r + 1] - X.indptr[r]));
	const indices = new Int32Array(indptr[rows.length]);
	const values = new Float64Array(indptr[rows.length]);
	rows.forEach((r, i) => {
		indices.set(X.indices.subarray(X.indptr[r], X.indptr[r + 1]), indptr[i]);
		values.set(X.values.subarray(X.indptr[r], X.indptr[r + 1]), indptr[i]);
	});
	return { rows: rows.length, cols: X.cols, indptr, indices, values };
}

/** Lowest log loss; ties (within 1e-9) to the smaller C, the simpler model. */
function best(scores: GridScore[]): number {
	let pick = scores[0];
	for (const s of scores) if (s.logLoss < pick.logLoss - 1e-9) pick = s;
	return pick.C;
}

export async function selectC(input: SelectInput): Promise<Selection> {
	const { X, y, classes, grid, solver } = input;
	const all = Int32Array.from({ length: X.rows }, (_, i) => i);
	const sorted = [...grid].sort((a, b) => a - b);

	if (input.validation && input.validation.y.length > 0) {
		const { X: VX, y: vy } = input.validation;
		const scores: GridScore[] = [];
		let theta: Float64Array = new Float64Array(paramCount(X, classes));
		// Only the best solution so far is kept (each is features × outputs long).
		let kept = { theta, iterations: 0, converged: false };
		for (const [i, C] of sorted.entries()) {
			input.progress(i / sorted.length, `C = ${C} on the validation rows`);
			const result = await solve(makeProblem(X, y, all, classes, C, input.rowWeights), theta, solver);
			theta = result.x;
			const s = heldOutScore(probabilities(VX, theta, classes), vy, classes);
			scores.push({ C, logLoss: s.loss / vy.length, accuracy: s.right / vy.length });
			if (best(scores) === C) kept = { theta, iterations: result.iterations, converged: result.converged };
		}
		return { C: best(scores), scores, ...kept };
	}

	// Too few rows to hold any out: the middle of the grid, no scores.
	if (X.rows < 4 * input.folds) return { C: sorted[Math.floor((sorted.length - 1) / 2)], scores: [], theta: null, iterations: 0, converged: false };

	const folds = stratifiedFolds(y, all, input.folds, input.seed);
	const loss = new Float64Array(sorted.length);
	const right = new Float64Array(sorted.length);
	let done = 0;
	for (const [f, fold] of folds.entries()) {
		const held = pickRows(X, fold.test);
		const heldY = Int32Array.from(fold.test, (r) => y[r]);
		let theta: Float64Array = new Float64Array(paramCount(X, classes));
		for (const [i, C] of sorted.entries()) {
			input.progress(done++ / (folds.length * sorted.length), `C = ${C}, fold ${f + 1}/${folds.length}`);
			theta = (await solve(makeProblem(X, y, fold.train, classes, C, input.rowWeights), theta, solver)).x;
			const s = heldOutScore(probabilities(held, theta, classes), heldY, classes);
			loss[i] += s.loss;
			right[i] += s.right;
		}
	}
	const scores = sorted.map((C, i) => ({ C, logLoss: loss[i] / X.rows, accuracy: right[i] / X.rows }));
	return { C: best(scores), scores, theta: null, iterations: 0, converged: false };
}
