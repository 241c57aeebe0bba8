import type { ShapResult } from './types';

/** max over rows of |output − base − Σ values|: 0 up to rounding for an exact explanation (the efficiency property). */
export function additivityError(res: ShapResult): number {
	const F = res.features.length;
	let worst = 0;
	for (let r = 0; r < res.rows; r++) {
		let s = res.base;
		for (let f = 0; f < F; f++) s += res.values[r * F + f];
		worst = Math.max(worst, Math.abs(res.outputs[r] - s));
	}
	return worst;
}
