/**
 * Exact SHAP for logistic regression in log-odds space. For a linear model
 * f(x) = b + Σ_j w_j x_j with features treated as independent (the
 * interventional / "feature independence" assumption: a column outside the
 * coalition is replaced by background values regardless of the others),
 * the Shapley value of encoded column j is w_j (x_j − E[x_j]) with E over
 * the background. A user column's value is the sum over its encoded parts
 * (one-hot levels, missing indicator), which is the Shapley value of the
 * column as a whole. Correlated columns therefore split credit by their own
 * coefficients, not by what they share.
 */
import type { LogisticState } from '../logistic';
import type { Features } from '../types';
import { encode } from '../shared/encode';
import { defaultClass } from './tree';
import type { ShapOptions, ShapResult } from './types';

export const LINEAR_NOTE =
	'Exact linear SHAP assuming independent features: each column contributes coefficient × (value − background mean), summed over its one-hot parts.';

/** Linear SHAP of the logit of `options.classIndex`, against `options.background` (default: the rows of `X`). */
export function explainLinear(state: LogisticState, X: Features, options: ShapOptions = {}): ShapResult {
	if (state?.kind !== 'logistic') throw new Error(`invalid state kind: ${state?.kind} (expected logistic)`);
	const classIndex = defaultClass(state.classes, options);
	const O = state.outputs;
	// Binary models have one logit (the positive class); class 0's log-odds is its negation.
	const out = O === 1 ? 0 : classIndex;
	const sign = O === 1 && classIndex === 0 ? -1 : 1;
	const { matrix, rows, cols, source } = encode(state.encoder, X);
	const bg = encode(state.encoder, options.background ?? X);
	const mean = new Float64Array(cols);
	for (let r = 0, at = 0; r < bg.rows; r++) for (let j = 0; j < cols; j++, at++) mean[j] += bg.matrix[at];
	for (let j = 0; j < cols; j++) mean[j] /= Math.max(bg.rows, 1);
	const coef = Float64Array.from({ length: cols }, (_, j) => sign * state.weights[j * O + out]);
	let base = sign * state.bias[out];
	for (let j = 0; j < cols; j++) base += coef[j] * mean[j];
	const F = state.features.length;
	const values = new Float64Array(rows * F);
	const outputs = new Float64Array(rows);
	for (let r = 0; r < rows; r++) {
		let sum = 0;
		for (let j = 0; j < cols; j++) {
			const v = coef[j] * (matrix[r * cols + j] - mean[j]);
			values[r * F + source[j]] += v;
			sum += v;
		}
		outputs[r] = base + sum;
	}
	return {
		features: state.features.map((f) => f.name),
		values,
		base,
		outputs,
		space: 'log-odds',
		classIndex,
		method: 'linear',
		tolerance: 0,
		rows,
		note: LINEAR_NOTE
	};
}
