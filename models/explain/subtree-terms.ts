/**
 * The polynomial pieces of a subtree's contribution (see `subtree-plan.ts`),
 * each polynomial kept as its values at the subtree's m Gauss–Legendre nodes:
 *
 * - outer terms, by the root mask's outer bits: Y = w · Π_outer g_k;
 * - inner terms, by the pattern and the o's of repeated features: the value
 *   of the leaf reached, R = Σ_L v_L Π_inner g_j^L and, per inner feature j,
 *   Q_j = Σ_L v_L (o_j^L − z_j^L) Π_{inner j' ≠ j} g_j'^L.
 *
 * Inner feature j then gets Σ_q Y Q_j. Outer feature k gets
 * (o_k − z_k) Σ_q X / g_k with X = Y R: (1 − z_k) Σ_q X / (z_k + (1 − z_k) t)
 * when the row satisfies it, and −Σ_q X / (1 − t) — the same for every one —
 * when it does not, so outer features cost no products of their own.
 * Inner products that leave one factor out use prefix and suffix products,
 * and the outer shortcut divides only by z + (1 − z) t ≥ t and 1 − t, both
 * positive: an uncovered child (z = 0) is fine.
 */
import type { Subtree } from './subtree-plan';

/** Scratch for the inner products (sized for the widest subtree met so far). */
export class TermScratch {
	g = new Float64Array(64);
	prefix = new Float64Array(64);
	suffix = new Float64Array(64);
	o = new Int32Array(8);
	x = new Float64Array(8);

	fit(factors: number, m: number): void {
		const size = (factors + 1) * m;
		if (this.g.length < size) {
			this.g = new Float64Array(2 * size);
			this.prefix = new Float64Array(2 * size);
			this.suffix = new Float64Array(2 * size);
		}
		if (this.o.length < factors) this.o = new Int32Array(2 * factors);
		if (this.x.length < m) this.x = new Float64Array(2 * m);
	}
}

/** Doubles `outerTerms` writes: [all outer o's are 1 (0/1), Y (m)]. */
export function outerSize(sub: Subtree): number {
	return 1 + sub.m;
}

/** Doubles `innerTerms` writes: [value of the leaf reached if the row follows the outer path, R (m), Q (inners × m)]. */
export function innerSize(sub: Subtree): number {
	return 1 + (1 + sub.inners) * sub.m;
}

export function outerTerms(sub: Subtree, mask: number, out: Float64Array, at: number): void {
	const { m, w, outers, outerSlot, outerOne, outerZero } = sub;
	let all = 1;
	for (let q = 0; q < m; q++) out[at + 1 + q] = w[q];
	for (let k = 0; k < outers; k++) {
		const one = (mask >> outerSlot[k]) & 1;
		all &= one;
		const g = one === 1 ? outerOne : outerZero;
		for (let q = 0; q < m; q++) out[at + 1 + q] *= g[k * m + q];
	}
	out[at] = all;
}

export function innerTerms(sub: Subtree, pattern: number, mask: number, s: TermScratch, out: Float64Array, at: number): void {
	const { m, t, inners: J, innerSlot, leafValue, leafZ, leafNeed, leafLeft } = sub;
	s.fit(J, m);
	const { g, prefix, suffix, o } = s;
	out.fill(0, at, at + innerSize(sub));
	for (let leaf = 0; leaf < sub.leaves; leaf++) {
		const v = leafValue[leaf];
		let reached = 1;
		for (let j = 0; j < J; j++) {
			const i = leaf * J + j;
			const above = innerSlot[j] >= 0 ? (mask >> innerSlot[j]) & 1 : 1;
			o[j] = above & ((pattern & leafNeed[i]) === leafLeft[i] ? 1 : 0);
			reached &= o[j];
			const z = leafZ[i];
			for (let q = 0; q < m; q++) g[j * m + q] = z * (1 - t[q]) + o[j] * t[q];
		}
		if (reached) out[at] += v;
		for (let q = 0; q < m; q++) {
			prefix[q] = 1;
			suffix[J * m + q] = 1;
		}
		for (let j = 0; j < J; j++) for (let q = 0; q < m; q++) prefix[(j + 1) * m + q] = prefix[j * m + q] * g[j * m + q];
		for (let j = J - 1; j >= 0; j--) for (let q = 0; q < m; q++) suffix[j * m + q] = suffix[(j + 1) * m + q] * g[j * m + q];
		for (let q = 0; q < m; q++) out[at + 1 + q] += v * prefix[J * m + q];
		for (let j = 0; j < J; j++) {
			// Zero for a feature off this leaf's path (z = o = 1).
			const c = v * (o[j] - leafZ[leaf * J + j]);
			if (c === 0) continue;
			const a = at + 1 + (j + 1) * m;
			for (let q = 0; q < m; q++) out[a + q] += c * prefix[j * m + q] * suffix[(j + 1) * m + q];
		}
	}
}

/**
 * Writes [output, one contribution per outer feature, one per inner feature]
 * for a row whose root mask is `mask`, from its outer and inner terms.
 */
export function combineTerms(sub: Subtree, mask: number, outer: Float64Array, oAt: number, inner: Float64Array, iAt: number, s: TermScratch, out: Float64Array, at: number): void {
	const { m, u, outers, outerSlot, outerShare, inners } = sub;
	if (s.x.length < m) s.fit(0, m);
	const x = s.x;
	let failed = 0;
	for (let q = 0; q < m; q++) {
		x[q] = outer[oAt + 1 + q] * inner[iAt + 1 + q];
		failed -= x[q] * u[q];
	}
	out[at] = outer[oAt] === 1 ? inner[iAt] : 0;
	for (let k = 0; k < outers; k++) {
		if (((mask >> outerSlot[k]) & 1) === 0) {
			out[at + 1 + k] = failed;
			continue;
		}
		let sum = 0;
		for (let q = 0; q < m; q++) sum += x[q] * outerShare[k * m + q];
		out[at + 1 + k] = sum;
	}
	for (let j = 0; j < inners; j++) {
		let sum = 0;
		const b = iAt + 1 + (j + 1) * m;
		for (let q = 0; q < m; q++) sum += outer[oAt + 1 + q] * inner[b + q];
		out[at + 1 + outers + j] = sum;
	}
}
