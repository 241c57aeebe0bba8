/**
 * SHAP explanations for every fitted state: exact TreeSHAP for boosting
 * (log-odds) and forests (probability), exact linear SHAP for logistic
 * regression, Kernel SHAP for the neural network, and for the automatic
 * mode's blend the mean of its members' log-odds SHAP values.
 */
import { isEnsemble, type EnsembleState } from '../auto/ensemble';
import { isCatalogKind, MODEL_CATALOG } from '../catalog';
import type { ForestState } from '../forest';
import type { GbdtState } from '../gbdt';
import { modelOf } from '../index';
import type { LogisticState } from '../logistic';
import type { Features, ModelState } from '../types';
import { explainKernel } from './kernel';
import { explainLinear } from './linear';
import { toLogOddsView } from './forest-logit';
import { defaultClass, explainTrees } from './tree';
import { explainTreesOnThreads, sharesRows } from './shap-rows';
import type { Reason, ShapOptions, ShapResult } from './types';

export type { Reason, ShapOptions, ShapResult, ShapSpace } from './types';
export type { ExplainData } from './types';
export { explainTrees, TREE_METHODS, type TreeMethod } from './tree';
export { additivityError } from './additivity';
export { explainLinear } from './linear';
export { explainKernel, logOdds } from './kernel';

/** SHAP values of `state` for the rows of `X`, on the state's original columns, by the catalogue's method for its kind. */
export async function explainShap(state: ModelState, X: Features, options: ShapOptions = {}): Promise<ShapResult> {
	const classIndex = defaultClass(state.classes, options);
	const opts = { ...options, classIndex };
	const method = isCatalogKind(state.kind) ? MODEL_CATALOG[state.kind].shap : 'kernel';
	switch (method) {
		case 'members':
			if (isEnsemble(state)) return explainBlend(state, X, opts);
			break;
		case 'tree':
			if (sharesRows(options.threads, X.rows)) return explainTreesOnThreads(state as GbdtState | ForestState, X, opts, options.threads);
			return explainTrees(state as GbdtState | ForestState, X, opts);
		case 'linear':
			return explainLinear(state as LogisticState, X, opts);
	}
	const model = modelOf(state.kind);
	return explainKernel((F) => model.predict(state, F), state.features.map((f) => f.name), X, opts);
}

/**
 * The blend's output is the mean of its members' log-odds (geometric mean of
 * probabilities), so the mean of the members' log-odds SHAP values is its
 * SHAP explanation: additivity carries over exactly. A forest is additive in
 * probability, not log-odds: its exact TreeSHAP values are rescaled into the
 * log-odds of the explained class row by row (`toLogOddsView`; Kernel SHAP
 * over its log-odds took minutes for a few hundred customers). For multiclass the blend
 * renormalises across classes and the result is the mean of the members'
 * class log-odds (outputs say which numbers were explained).
 */
async function explainBlend(state: EnsembleState, X: Features, options: ShapOptions & { classIndex: number }): Promise<ShapResult> {
	const parts: ShapResult[] = [];
	for (const [i, member] of state.members.entries()) {
		const progress = options.progress && ((f: number) => options.progress!((i + f) / state.members.length));
		const sub = { ...options, progress };
		const part = await explainShap(member.state, X, sub);
		parts.push(toLogOddsView(part));
	}
	const features = state.features.map((f) => f.name);
	const F = features.length;
	const values = new Float64Array(X.rows * F);
	const outputs = new Float64Array(X.rows);
	let base = 0;
	let tolerance = 0;
	const share = 1 / parts.length;
	for (const part of parts) {
		base += part.base * share;
		tolerance += part.tolerance * share;
		// Members may order their columns differently: match by name.
		const at = part.features.map((name) => features.indexOf(name));
		for (let r = 0; r < X.rows; r++) {
			outputs[r] += part.outputs[r] * share;
			for (let j = 0; j < at.length; j++) if (at[j] >= 0) values[r * F + at[j]] += part.values[r * part.features.length + j] * share;
		}
	}
	const notes = parts.map((p) => p.note).filter(Boolean);
	return { features, values, base, outputs, space: 'log-odds', classIndex: options.classIndex, method: 'blend', tolerance, rows: X.rows, ...(notes.length ? { note: notes.join(' ') } : {}) };
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/**
 * A probability view of a log-odds result: each row's contributions scaled
 * proportionally so they sum exactly to σ(output) − σ(base). This is a
 * readable rescaling, not the SHAP values of the probability function (the
 * sigmoid is not additive). Binary models; probability results pass through.
 */
export function toProbabilityView(result: ShapResult): ShapResult {
	if (result.space === 'probability') return result;
	const F = result.features.length;
	const values = new Float64Array(result.values.length);
	const outputs = new Float64Array(result.rows);
	const base = sigmoid(result.base);
	for (let r = 0; r < result.rows; r++) {
		const p = sigmoid(result.outputs[r]);
		outputs[r] = p;
		let sum = 0;
		for (let f = 0; f < F; f++) sum += result.values[r * F + f];
		const target = p - base;
		if (Math.abs(sum) > 1e-12) for (let f = 0; f < F; f++) values[r * F + f] = (result.values[r * F + f] * target) / sum;
		else if (F > 0) for (let f = 0; f < F; f++) values[r * F + f] = target / F;
	}
	return { ...result, values, base, outputs, space: 'probability', tolerance: Math.max(result.tolerance, 1e-9) };
}

/** Compact text for a numeric value: integers as is, others to 3 significant digits. */
function formatNumber(v: number): string {
	if (Number.isNaN(v)) return '(missing)';
	if (Number.isInteger(v)) return String(v);
	return String(Number(v.toPrecision(3)));
}

/** The customer's value of `feature` in row `r` of `X` as text. */
function valueText(X: Features, feature: string, r: number): string {
	const c = X.columns.find((col) => col.name === feature);
	if (!c) return '';
	if (c.kind === 'numeric') return formatNumber(c.values[r]);
	const code = c.codes[r];
	return code >= 0 && code < c.levels.length ? c.levels[code] : '(missing)';
}

/** Per row, the `k` columns that raise the explained class's probability most, in probability points. */
export function topReasons(result: ShapResult, X: Features, k = 3): Reason[][] {
	const view = toProbabilityView(result);
	const F = view.features.length;
	const out: Reason[][] = [];
	const order = Array.from({ length: F }, (_, i) => i);
	for (let r = 0; r < view.rows; r++) {
		const row = view.values.subarray(r * F, (r + 1) * F);
		const top = order.filter((f) => row[f] > 0).sort((a, b) => row[b] - row[a] || a - b).slice(0, k);
		out.push(top.map((f) => ({ feature: view.features[f], value: valueText(X, view.features[f], r), points: row[f] * 100 })));
	}
	return out;
}

/** "contract = Month-to-month (+18 pts)"; under one point shows a decimal. */
export function formatReason(r: Reason): string {
	const size = Math.abs(r.points);
	const shown = size >= 1 ? String(Math.round(size)) : size.toFixed(1);
	return `${r.feature} = ${r.value} (${r.points < 0 ? '−' : '+'}${shown} pts)`;
}

export type { Predictor } from './types';
export { limeExplain, type LimeResult, type LimeOptions } from './lime';
export { partialDependence, quantileGrid, type DependenceResult, type DependenceOptions } from './dependence';
export { searchCounterfactuals, type Change, type Counterfactual, type CounterfactualResult, type CounterfactualOptions } from './counterfactual';
export { withValues, readValue, type CellValue } from './perturb';
