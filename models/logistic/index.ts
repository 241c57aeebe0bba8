/**
 * Logistic regression (binary sigmoid, multiclass softmax) with an L2
 * penalty: scikit-learn's `LogisticRegression` objective (C scaling, balanced
 * class weights). Loss, gradient and Hessian are TF.js ops; binary tasks with
 * up to 400 encoded columns take Newton steps (converged in ~5 iterations),
 * others full-batch L-BFGS.
 */
import * as tf from '@tensorflow/tfjs';
import type { Explanation, Features, ModelSpec, ModelState, Prediction } from '../types';
import { checkDataset, describeFeatures, encode, fitEncoder, rowWeights, type EncoderState } from '../shared/encode';
import { cancelledError } from '../shared/cancel';
import { minimizeLbfgs, type LbfgsOptions } from '../shared/lbfgs';
import { minimizeNewton } from './newton';
import { binaryHessian, disposeProblem, evaluate, linearLogits, makeProblem, outputProbabilities } from './objective';
import { nextTask } from '../shared/next-task';
import { MODEL_CATALOG } from '../catalog';
import { P } from '../shared/progress-words';

/** Hyperparameters of `logisticModel`. */
export interface LogisticParams {
	/** Inverse L2 strength, as in scikit-learn (smaller = stronger penalty). Default 1. */
	C: number;
	/** 'balanced' weights each class by n / (classes × its rows). Default 'none'. */
	classWeight: 'balanced' | 'none';
	/** Newton / L-BFGS iterations at most. Default 200. */
	maxIterations: number;
	/** Converged when every gradient component is below this (scikit-learn's tol). Default 1e-4. */
	tolerance: number;
	/** Standardize numeric inputs (one-hot columns stay 0/1). Default true. */
	standardize: boolean;
	/** Most levels kept per categorical column. Default 50. */
	maxLevels: number;
	/** Rarer levels go to "(other)". Default 10. */
	minLevelCount: number;
}

/** A fitted logistic regression: plain data. */
export interface LogisticState extends ModelState {
	kind: 'logistic';
	version: 1;
	encoder: EncoderState;
	/** 1 for binary (sigmoid), else one per class (softmax). */
	outputs: number;
	/** Coefficients on encoded columns, `cols × outputs` row-major. */
	weights: Float32Array;
	bias: Float32Array;
	iterations: number;
	converged: boolean;
}

const VERSION = 1;
/** Newton (binary only) while the Hessian stays small enough to factor in plain JS; L-BFGS beyond. */
const NEWTON_MAX_COLS = 400;
/** Rows scored per batch: bounds memory on large tables. */
const CHUNK = 16384;


function checkParams(p: LogisticParams): void {
	if (!(p.C > 0 && Number.isFinite(p.C))) throw new Error(`invalid C: ${p.C}`);
	if (p.classWeight !== 'balanced' && p.classWeight !== 'none') throw new Error(`invalid classWeight: ${p.classWeight}`);
	if (!(Number.isInteger(p.maxIterations) && p.maxIterations >= 1)) throw new Error(`invalid maxIterations: ${p.maxIterations}`);
	if (!(p.tolerance > 0)) throw new Error(`invalid tolerance: ${p.tolerance}`);
}

function checkState(state: LogisticState): void {
	if (state?.kind !== 'logistic') throw new Error(`invalid model kind: ${state?.kind} (expected logistic)`);
	if (state.version !== VERSION) throw new Error(`invalid logistic model version: ${state.version}`);
}

/** Probabilities `[rows × outputs]` for encoded rows, computed in chunks. */
function scoreEncoded(state: LogisticState, matrix: Float32Array, rows: number, cols: number): Float32Array {
	const out = new Float32Array(rows * state.outputs);
	const theta = new Float32Array(state.weights.length + state.bias.length);
	theta.set(state.weights);
	theta.set(state.bias, state.weights.length);
	for (let start = 0; start < rows; start += CHUNK) {
		const n = Math.min(CHUNK, rows - start);
		const probs = tf.tidy(() => {
			const X = tf.tensor2d(matrix.subarray(start * cols, (start + n) * cols), [n, cols]);
			return outputProbabilities(linearLogits(X, theta, cols, state.outputs), state.outputs);
		});
		out.set(probs.dataSync(), start * state.outputs);
		probs.dispose();
	}
	return out;
}

export const logisticModel: ModelSpec<LogisticParams, LogisticState> = {
	kind: 'logistic',
	label: MODEL_CATALOG.logistic.label,
	defaults: { C: 1, classWeight: 'none', maxIterations: 200, tolerance: 1e-4, standardize: true, maxLevels: 50, minLevelCount: 10 },

	async fit(data, params, ctx) {
		const p = { ...logisticModel.defaults, ...params };
		checkParams(p);
		checkDataset(data);
		if (ctx.signal.aborted) throw cancelledError();
		const encoder = fitEncoder(data.X, { standardize: p.standardize, maxLevels: p.maxLevels, minLevelCount: p.minLevelCount });
		const { matrix, rows, cols } = encode(encoder, data.X);
		const weights = rowWeights(data.y, data.classes.length, p.classWeight, data.weights);
		const problem = makeProblem(matrix, rows, cols, data.y, data.classes.length, weights, p.C);
		const curve: { step: number; trainLoss: number }[] = [];
		try {
			const theta0 = new Float64Array((cols + 1) * problem.outputs);
			const objective = (theta: Float64Array) => evaluate(problem, theta);
			const options: LbfgsOptions = {
				maxIterations: p.maxIterations,
				tolerance: p.tolerance,
				// The objective is computed in float32: smaller relative decreases are rounding.
				relativeDecrease: 1e-9,
				onIteration: async (step, trainLoss) => {
					curve.push({ step, trainLoss });
					ctx.progress({ fraction: step / p.maxIterations, stage: P.iteration(step, p.maxIterations), curve: { step, trainLoss } });
					// Yield now and then so an abort message can reach the signal.
					if (step % 5 === 0) await nextTask();
					if (ctx.signal.aborted) throw cancelledError();
				}
			};
			const newton =
				problem.outputs === 1 && cols <= NEWTON_MAX_COLS
					? await minimizeNewton(objective, (theta) => binaryHessian(problem, theta), theta0, options)
					: null;
			if (!newton) curve.length = 0;
			const result = newton ?? (await minimizeLbfgs(objective, theta0, options));
			ctx.progress({ fraction: 1, stage: result.converged ? P.converged(result.iterations) : P.stopped(result.iterations) });
			const split = cols * problem.outputs;
			return {
				kind: 'logistic',
				version: VERSION,
				classes: [...data.classes],
				features: describeFeatures(data.X),
				curve,
				encoder,
				outputs: problem.outputs,
				weights: Float32Array.from(result.x.subarray(0, split)),
				bias: Float32Array.from(result.x.subarray(split)),
				iterations: result.iterations,
				converged: result.converged
			};
		} finally {
			disposeProblem(problem);
		}
	},

	async predict(state, X: Features): Promise<Prediction> {
		checkState(state);
		const { matrix, rows, cols } = encode(state.encoder, X);
		const scores = scoreEncoded(state, matrix, rows, cols);
		const k = state.classes.length;
		const probabilities = new Float64Array(rows * k);
		for (let r = 0; r < rows; r++) {
			if (state.outputs === 1) {
				probabilities[r * 2] = 1 - scores[r];
				probabilities[r * 2 + 1] = scores[r];
			} else for (let c = 0; c < k; c++) probabilities[r * k + c] = scores[r * k + c];
		}
		return { classes: [...state.classes], probabilities };
	},

	/**
	 * Mean |coefficient × encoded value| over the rows of `X`, summed over each
	 * original column's encoded parts (one-hot levels, missing indicator) and
	 * over outputs. On standardized inputs this is the average size of the
	 * column's contribution to the log-odds.
	 */
	async explain(state, X: Features): Promise<Explanation> {
		checkState(state);
		const { matrix, rows, cols, source } = encode(state.encoder, X);
		const meanAbs = new Float64Array(cols);
		for (let r = 0, at = 0; r < rows; r++) for (let j = 0; j < cols; j++, at++) meanAbs[j] += Math.abs(matrix[at]);
		const value = new Float64Array(state.encoder.columns.length);
		for (let j = 0; j < cols; j++) {
			let coef = 0;
			for (let o = 0; o < state.outputs; o++) coef += Math.abs(state.weights[j * state.outputs + o]);
			value[source[j]] += (coef * meanAbs[j]) / Math.max(rows, 1);
		}
		return {
			method: 'mean |coefficient × value| (log-odds contribution on standardized inputs, summed over one-hot levels)',
			importance: state.encoder.columns.map((c, i) => ({ feature: c.name, value: value[i] }))
		};
	}
};
