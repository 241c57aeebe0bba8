/**
 * Linear TreeSHAP (Yu, Seeger & Karypis 2022): exact path-dependent TreeSHAP
 * in O(nodes · D) per row and tree instead of Algorithm 2's O(leaves · D²),
 * for deep trees (forests) where per-leaf tables do not fit.
 *
 * For a leaf L whose path has distinct features i with cover-share product
 * z_i and "row follows every such edge" o_i ∈ {0, 1}, its Shapley share for
 * feature k is v_L (o_k − z_k) ∫₀¹ Π_{i≠k} (z_i (1 − t) + o_i t) dt: a
 * polynomial of degree < D in t, integrated exactly by m = ⌈D / 2⌉-point
 * Gauss–Legendre quadrature, so every polynomial is kept as its values at
 * the m nodes. Going down, each edge multiplies the path product P by its
 * feature's new factor g (dividing out the previous one when the feature
 * repeats); going up, S_c = Σ_{L under c} v_L P_L. A feature split several
 * times is handled by telescoping over its edges: edge e (feature k) adds
 * ((o_e − z_e) − (o_e' − z_e')) ∫ W_c, where e' is the previous k-edge above
 * and W_c = Σ_{L under c} v_L P_L / g_k^L is built from S_c minus the
 * subtrees under the next k-edges below (whose own W replaces them).
 * Results equal Algorithm 2's up to rounding.
 */
import type { TreeEnsemble } from '../shared/tree';
import { goesLeft, leftShare, type TreeTarget } from './treeshap';

/** Gauss–Legendre nodes and weights on [0, 1]. */
export function gaussLegendre(m: number): { t: Float64Array; w: Float64Array } {
	const t = new Float64Array(m);
	const w = new Float64Array(m);
	for (let i = 0; i < m; i++) {
		let x = Math.cos((Math.PI * (i + 0.75)) / (m + 0.5));
		let dp = 1;
		for (let it = 0; it < 100; it++) {
			let p0 = 1;
			let p1 = x;
			for (let k = 2; k <= m; k++) {
				const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
				p0 = p1;
				p1 = p2;
			}
			dp = (m * (x * p1 - p0)) / (x * x - 1);
			const dx = p1 / dp;
			x -= dx;
			if (Math.abs(dx) < 1e-16) break;
		}
		// Recompute the derivative at the converged node for the weight.
		let p0 = 1;
		let p1 = x;
		for (let k = 2; k <= m; k++) {
			const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
			p0 = p1;
			p1 = p2;
		}
		dp = (m * (x * p1 - p0)) / (x * x - 1);
		t[i] = (x + 1) / 2;
		w[i] = 1 / ((1 - x * x) * dp * dp);
	}
	return { t, w };
}

/** True when every split of the selected trees has two covered children (Linear TreeSHAP divides by cover shares). */
export function linearShapApplies(e: TreeEnsemble, target: TreeTarget): boolean {
	for (const t of target.trees) {
		for (let n = e.treeStart[t]; n < e.treeStart[t + 1]; n++) {
			if (e.feature[n] < 0) continue;
			const start = e.treeStart[t];
			if (!(e.cover[start + e.left[n]] > 0 && e.cover[start + e.right[n]] > 0)) return false;
		}
	}
	return true;
}

export class LinearTreeShap {
	private readonly leafValue: Float64Array;
	/** Cover share of each node as a child (its edge's z). */
	private readonly share: Float64Array;
	/** Per node as a child: its edge's feature splits again below it / split above its parent. */
	private readonly repBelow: Uint8Array;
	private readonly repAbove: Uint8Array;
	private readonly m: number;
	private readonly t: Float64Array;
	private readonly w: Float64Array;
	/** Per depth: P (path product) and S (subtree sum), m values each. */
	private readonly P: Float64Array;
	private readonly S: Float64Array;
	/** Per feature: current combined z, o on the path, and next-k-edge accumulators (S, W; m each). */
	private readonly curZ: Float64Array;
	private readonly curO: Float64Array;
	private readonly accS: Float64Array;
	private readonly accW: Float64Array;
	/** Per depth: saved accumulators and the child's W. */
	private readonly savedS: Float64Array;
	private readonly savedW: Float64Array;
	private readonly gNew: Float64Array;
	private readonly invPrev: Float64Array;
	private x: Float64Array = new Float64Array(0);
	private xBase = 0;
	private phi: Float64Array = new Float64Array(0);
	private phiBase = 0;
	private start = 0;
	private output = 0;

	constructor(
		private readonly e: TreeEnsemble,
		private readonly target: TreeTarget,
		private readonly categorical: Uint8Array,
		features: number
	) {
		const V = e.valueSize;
		const nodes = e.feature.length;
		this.leafValue = new Float64Array(nodes);
		this.share = new Float64Array(nodes);
		let maxDepth = 0;
		for (const tr of target.trees) {
			const start = e.treeStart[tr];
			const stack: number[] = [start, 0];
			this.share[start] = 1;
			while (stack.length) {
				const d = stack.pop()!;
				const n = stack.pop()!;
				maxDepth = Math.max(maxDepth, d);
				if (e.feature[n] < 0) {
					const v = e.value[n * V + target.valueIndex];
					this.leafValue[n] = (target.complement ? 1 - v : v) * target.scale;
					continue;
				}
				const l = start + e.left[n];
				const r = start + e.right[n];
				const wl = leftShare(e, l, r);
				this.share[l] = wl;
				this.share[r] = 1 - wl;
				stack.push(l, d + 1, r, d + 1);
			}
		}
		this.repBelow = new Uint8Array(nodes);
		this.repAbove = new Uint8Array(nodes);
		const count = new Int32Array(Math.max(features, 1));
		// Returns the split features in the subtree as a set (small trees: plain arrays).
		const mark = (start: number, node: number): Set<number> => {
			const f = e.feature[node];
			const below = new Set<number>();
			if (f < 0) return below;
			for (const side of [e.left[node], e.right[node]]) {
				const c = start + side;
				this.repAbove[c] = count[f] > 0 ? 1 : 0;
				count[f]++;
				const sub = mark(start, c);
				count[f]--;
				this.repBelow[c] = sub.has(f) ? 1 : 0;
				for (const g of sub) below.add(g);
			}
			below.add(f);
			return below;
		};
		for (const tr of target.trees) mark(e.treeStart[tr], e.treeStart[tr]);
		const m = Math.max(1, Math.ceil(maxDepth / 2));
		this.m = m;
		({ t: this.t, w: this.w } = gaussLegendre(m));
		const D = maxDepth + 2;
		this.P = new Float64Array(D * m);
		this.S = new Float64Array(D * m);
		this.savedS = new Float64Array(D * m);
		this.savedW = new Float64Array(D * m);
		this.gNew = new Float64Array(D * m);
		this.invPrev = new Float64Array(D * m);
		const F = Math.max(features, 1);
		this.curZ = new Float64Array(F).fill(1);
		this.curO = new Float64Array(F).fill(1);
		this.accS = new Float64Array(F * m);
		this.accW = new Float64Array(F * m);
	}

	/**
	 * Adds the SHAP values of rows `from .. to` (row-major `x`, `F` features) to
	 * `phi` (same layout) and their outputs to `outputs`. Tree by tree over the
	 * rows, so one tree's nodes stay in cache.
	 */
	explainRows(x: Float64Array, F: number, from: number, to: number, phi: Float64Array, outputs: Float64Array): void {
		this.x = x;
		this.phi = phi;
		const m = this.m;
		for (const tr of this.target.trees) {
			this.start = this.e.treeStart[tr];
			for (let r = from; r < to; r++) {
				this.xBase = r * F;
				this.phiBase = r * F;
				this.output = 0;
				for (let q = 0; q < m; q++) this.P[q] = 1;
				this.accS.fill(0);
				this.accW.fill(0);
				this.recurse(this.start, 0, true);
				outputs[r] += this.output;
			}
		}
	}

	/** Fills S[depth] with Σ_{L under node} v_L P_L (P[depth] holds the path product). */
	private recurse(node: number, depth: number, hot: boolean): void {
		const { e, m, P, S } = this;
		const at = depth * m;
		const f = e.feature[node];
		if (f < 0) {
			const v = this.leafValue[node];
			if (hot) this.output += v;
			for (let q = 0; q < m; q++) S[at + q] = v * P[at + q];
			return;
		}
		const { t, w, curZ, curO, accS, accW, savedS, savedW, gNew } = this;
		for (let q = 0; q < m; q++) S[at + q] = 0;
		const left = goesLeft(e, node, this.categorical[f] === 1, this.x[this.xBase + f]);
		const prevZ = curZ[f];
		const prevO = curO[f];
		const next = at + m;
		const fa = f * m;
		const invPrev = this.invPrev;
		for (let q = 0; q < m; q++) invPrev[next + q] = 1 / (prevZ * (1 - t[q]) + prevO * t[q]);
		for (let side = 0; side < 2; side++) {
			const child = this.start + (side === 0 ? e.left[node] : e.right[node]);
			const follows = side === 0 ? left : !left;
			const z = prevZ * this.share[child];
			const o = follows ? prevO : 0;
			const above = this.repAbove[child] === 1;
			const cf = e.feature[child];
			if (cf < 0) {
				// Leaf child: S = v·P, W = S / g = v·P_parent / g_prev.
				const v = this.leafValue[child];
				if (hot && follows) this.output += v;
				let integral = 0;
				for (let q = 0; q < m; q++) {
					const tq = t[q];
					const pw = P[at + q] * invPrev[next + q] * v;
					const sc = pw * (z * (1 - tq) + o * tq);
					integral += w[q] * pw;
					S[at + q] += sc;
					if (above) {
						accS[fa + q] += sc;
						accW[fa + q] += pw;
					}
				}
				this.phi[this.phiBase + f] += (o - z - (prevO - prevZ)) * integral;
				continue;
			}
			const below = this.repBelow[child] === 1;
			for (let q = 0; q < m; q++) {
				const tq = t[q];
				const g = z * (1 - tq) + o * tq;
				gNew[next + q] = g;
				P[next + q] = P[at + q] * g * invPrev[next + q];
			}
			if (below) {
				for (let q = 0; q < m; q++) {
					savedS[next + q] = accS[fa + q];
					savedW[next + q] = accW[fa + q];
					accS[fa + q] = 0;
					accW[fa + q] = 0;
				}
			}
			curZ[f] = z;
			curO[f] = o;
			this.recurse(child, depth + 1, hot && follows);
			curZ[f] = prevZ;
			curO[f] = prevO;
			let integral = 0;
			if (below) {
				for (let q = 0; q < m; q++) {
					const sc = S[next + q];
					const wc = (sc - accS[fa + q]) / gNew[next + q] + accW[fa + q];
					integral += w[q] * wc;
					accS[fa + q] = savedS[next + q] + sc;
					accW[fa + q] = savedW[next + q] + wc;
					S[at + q] += sc;
				}
			} else {
				for (let q = 0; q < m; q++) {
					const sc = S[next + q];
					const wc = sc / gNew[next + q];
					integral += w[q] * wc;
					if (above) {
						accS[fa + q] += sc;
						accW[fa + q] += wc;
					}
					S[at + q] += sc;
				}
			}
			this.phi[this.phiBase + f] += (o - z - (prevO - prevZ)) * integral;
		}
	}
}
