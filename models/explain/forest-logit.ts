/**
 * A forest's exact TreeSHAP values (probability space) carried to log-odds,
 * so a forest can sit in a blend (whose SHAP is the mean of its members'
 * log-odds SHAP) without Kernel SHAP over 300 deep trees: that took about
 * four seconds per customer, TreeSHAP takes a few milliseconds.
 *
 * Each row's contributions are scaled by one factor so they sum exactly to
 * logit(p) − logit(base): the same readable rescaling `toProbabilityView`
 * applies the other way, not the SHAP values of the forest's logit (the
 * logit of a sum does not split into per-feature parts). Signs and the order
 * of the contributions are kept, which is what the reasons need.
 */
import type { ShapResult } from './types';

/** Probabilities are clipped as the blend clips them (models/auto/ensemble.ts). */
const CLIP = 1e-12;

const logit = (p: number) => Math.log(Math.max(CLIP, p)) - Math.log(Math.max(CLIP, 1 - p));

/** `result` (probability space, binary) rescaled row by row into log-odds; log-odds results pass through. */
export function toLogOddsView(result: ShapResult): ShapResult {
	if (result.space === 'log-odds') return result;
	const F = result.features.length;
	const values = new Float64Array(result.values.length);
	const outputs = new Float64Array(result.rows);
	const base = logit(result.base);
	// Where the row's probability equals the base, the slope of the logit there.
	const slope = 1 / Math.max(CLIP, result.base * (1 - result.base));
	for (let r = 0; r < result.rows; r++) {
		const p = result.outputs[r];
		outputs[r] = logit(p);
		const gap = p - result.base;
		const scale = Math.abs(gap) > 1e-12 ? (outputs[r] - base) / gap : slope;
		let sum = 0;
		for (let f = 0; f < F; f++) sum += values[r * F + f] = result.values[r * F + f] * scale;
		// Float rounding aside, the row already adds up; put the last bit on its largest part.
		if (F > 0) {
			let top = 0;
			for (let f = 1; f < F; f++) if (Math.abs(values[r * F + f]) > Math.abs(values[r * F + top])) top = f;
			values[r * F + top] += outputs[r] - base - sum;
		}
	}
	return { ...result, values, base, outputs, space: 'log-odds', tolerance: Math.max(result.tolerance, 1e-9) };
}
