/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, "Consistent
 * individualized feature attribution for tree ensembles", Algorithm 2) over
 * the flat `TreeEnsemble`. A feature outside the coalition is integrated out
 * by following both children weighted by their training cover, so values add
 * up exactly to output − expected output (the cover-weighted leaf mean).
 *
 * The row's branch at each split (the "hot" child) is decided exactly as
 * scoring does: missing → defaultLeft, categorical → left-set membership,
 * numeric → x < threshold. Everything runs on preallocated typed arrays:
 * the recursion copies its path into the next slice of one buffer, as the
 * reference C++ does, so explaining a table allocates nothing per row.
 */
import type { TreeEnsemble } from '../shared/tree';

/** Which output of each tree to explain, and how to scale it. */
export interface TreeTarget {
	/** Trees that count (e.g. every tree of class k in a softmax booster). */
	trees: Int32Array;
	/** Index into the node's `valueSize` values. */
	valueIndex: number;
	/** Multiplier on leaf values (1 for boosting, 1 / trees for a forest's mean). */
	scale: number;
	/** Use 1 − value (a binary forest explained for class 0). */
	complement: boolean;
}

/** Path-walking state for one ensemble: buffers sized for its deepest tree. */
export class TreeShap {
	private readonly pathFeature: Int32Array;
	private readonly pathZero: Float64Array;
	private readonly pathOne: Float64Array;
	private readonly pathWeight: Float64Array;
	private readonly leafValue: Float64Array;
	private readonly categorical: Uint8Array;
	private x: Float64Array = new Float64Array(0);
	private xBase = 0;
	private phi: Float64Array = new Float64Array(0);
	private phiBase = 0;
	private start = 0;

	constructor(
		private readonly e: TreeEnsemble,
		private readonly target: TreeTarget,
		categorical: Uint8Array
	) {
		this.categorical = categorical;
		let maxDepth = 0;
		for (const t of target.trees) maxDepth = Math.max(maxDepth, depthOf(e, e.treeStart[t], e.treeStart[t]));
		// The recursion keeps one path copy per level: (d + 2)(d + 3) / 2 entries for depth d.
		const size = ((maxDepth + 2) * (maxDepth + 3)) / 2 + 1;
		this.pathFeature = new Int32Array(size);
		this.pathZero = new Float64Array(size);
		this.pathOne = new Float64Array(size);
		this.pathWeight = new Float64Array(size);
		// Leaf outputs pre-scaled once, so the hot loop reads one number per leaf.
		const V = e.valueSize;
		const nodes = e.feature.length;
		this.leafValue = new Float64Array(nodes);
		for (let n = 0; n < nodes; n++) {
			const v = e.value[n * V + target.valueIndex];
			this.leafValue[n] = (target.complement ? 1 - v : v) * target.scale;
		}
	}

	/** Cover-weighted mean output of the selected trees (the SHAP base value). */
	expectedValue(): number {
		let sum = 0;
		for (const t of this.target.trees) sum += this.expectedOf(this.e.treeStart[t], this.e.treeStart[t]);
		return sum;
	}

	private expectedOf(start: number, node: number): number {
		const e = this.e;
		if (e.feature[node] < 0) return this.leafValue[node];
		const l = start + e.left[node];
		const r = start + e.right[node];
		const wl = leftShare(e, l, r);
		return wl * this.expectedOf(start, l) + (1 - wl) * this.expectedOf(start, r);
	}

	/**
	 * Adds the row's SHAP values to `phi[phiBase + f]` and returns the row's
	 * output (Σ leaf values reached) in the same units.
	 */
	explainRow(x: Float64Array, xBase: number, phi: Float64Array, phiBase: number): number {
		this.x = x;
		this.xBase = xBase;
		this.phi = phi;
		this.phiBase = phiBase;
		let output = 0;
		for (const t of this.target.trees) {
			this.start = this.e.treeStart[t];
			output += this.recurse(this.start, 0, 0, 1, 1, -1);
		}
		return output;
	}

	/** Algorithm 2's RECURSE; `at` is where this level's path copy starts. Returns the hot leaf's value. */
	private recurse(node: number, at: number, depth: number, zero: number, one: number, feature: number): number {
		const { pathFeature, pathZero, pathOne, pathWeight, e } = this;
		// Copy the parent's path (depth entries before `at`) into this level's slice.
		const from = at;
		if (depth > 0) {
			at = from + depth;
			for (let i = 0; i < depth; i++) {
				pathFeature[at + i] = pathFeature[from + i];
				pathZero[at + i] = pathZero[from + i];
				pathOne[at + i] = pathOne[from + i];
				pathWeight[at + i] = pathWeight[from + i];
			}
		}
		this.extend(at, depth, zero, one, feature);
		const f = e.feature[node];
		if (f < 0) {
			const value = this.leafValue[node];
			for (let i = 1; i <= depth; i++) {
				const w = this.unwoundSum(at, depth, i);
				this.phi[this.phiBase + pathFeature[at + i]] += w * (pathOne[at + i] - pathZero[at + i]) * value;
			}
			return value;
		}
		const l = this.start + e.left[node];
		const r = this.start + e.right[node];
		const left = goesLeft(e, node, this.categorical[f] === 1, this.x[this.xBase + f]);
		const hot = left ? l : r;
		const cold = left ? r : l;
		const wl = leftShare(e, l, r);
		const hotShare = left ? wl : 1 - wl;
		const coldShare = left ? 1 - wl : wl;
		// A feature split on again higher up: undo that entry so it appears once on the path.
		let incomingZero = 1;
		let incomingOne = 1;
		let d = depth;
		for (let i = 1; i <= d; i++) {
			if (pathFeature[at + i] !== f) continue;
			incomingZero = pathZero[at + i];
			incomingOne = pathOne[at + i];
			this.unwind(at, d, i);
			d--;
			break;
		}
		const value = this.recurse(hot, at, d + 1, hotShare * incomingZero, incomingOne, f);
		this.recurse(cold, at, d + 1, coldShare * incomingZero, 0, f);
		return value;
	}

	private extend(at: number, depth: number, zero: number, one: number, feature: number): void {
		const { pathFeature, pathZero, pathOne, pathWeight } = this;
		pathFeature[at + depth] = feature;
		pathZero[at + depth] = zero;
		pathOne[at + depth] = one;
		pathWeight[at + depth] = depth === 0 ? 1 : 0;
		const inv = 1 / (depth + 1);
		for (let i = depth - 1; i >= 0; i--) {
			pathWeight[at + i + 1] += one * pathWeight[at + i] * (i + 1) * inv;
			pathWeight[at + i] = zero * pathWeight[at + i] * (depth - i) * inv;
		}
	}

	private unwind(at: number, depth: number, index: number): void {
		const { pathFeature, pathZero, pathOne, pathWeight } = this;
		const one = pathOne[at + index];
		const zero = pathZero[at + index];
		let next = pathWeight[at + depth];
		for (let i = depth - 1; i >= 0; i--) {
			if (one !== 0) {
				const tmp = pathWeight[at + i];
				pathWeight[at + i] = (next * (depth + 1)) / ((i + 1) * one);
				next = tmp - (pathWeight[at + i] * zero * (depth - i)) / (depth + 1);
			} else pathWeight[at + i] = (pathWeight[at + i] * (depth + 1)) / (zero * (depth - i));
		}
		for (let i = index; i < depth; i++) {
			pathFeature[at + i] = pathFeature[at + i + 1];
			pathZero[at + i] = pathZero[at + i + 1];
			pathOne[at + i] = pathOne[at + i + 1];
		}
	}

	/** Σ of the path weights with entry `index` unwound, without modifying the path. */
	private unwoundSum(at: number, depth: number, index: number): number {
		const { pathZero, pathOne, pathWeight } = this;
		const one = pathOne[at + index];
		const zero = pathZero[at + index];
		let next = pathWeight[at + depth];
		let total = 0;
		if (one !== 0) {
			for (let i = depth - 1; i >= 0; i--) {
				const tmp = (next * (depth + 1)) / ((i + 1) * one);
				total += tmp;
				next = pathWeight[at + i] - (tmp * zero * (depth - i)) / (depth + 1);
			}
		} else if (zero !== 0) {
			for (let i = depth - 1; i >= 0; i--) total += (pathWeight[at + i] * (depth + 1)) / (zero * (depth - i));
		}
		return total;
	}
}

/**
 * Cover share of the left child (the right gets the rest): taken from the
 * children's covers so the two shares sum to exactly 1; an uncovered node
 * splits evenly rather than dividing by zero.
 */
export function leftShare(e: TreeEnsemble, l: number, r: number): number {
	const total = e.cover[l] + e.cover[r];
	return total > 0 ? e.cover[l] / total : 0.5;
}

/** The branch scoring takes (same rule as `leafOf`). */
export function goesLeft(e: TreeEnsemble, node: number, categorical: boolean, v: number): boolean {
	if (v !== v) return e.defaultLeft[node] === 1;
	if (!categorical) return v < e.threshold[node];
	let lo = e.catStart[node];
	let hi = lo + e.catCount[node] - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const c = e.catCodes[mid];
		if (c === v) return true;
		if (c < v) lo = mid + 1;
		else hi = mid - 1;
	}
	return false;
}

function depthOf(e: TreeEnsemble, start: number, node: number): number {
	if (e.feature[node] < 0) return 0;
	return 1 + Math.max(depthOf(e, start, start + e.left[node]), depthOf(e, start, start + e.right[node]));
}
