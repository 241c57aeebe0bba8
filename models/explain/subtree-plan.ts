/**
 * The static description of one bottom subtree (height ≤ a few levels) for
 * the memoised TreeSHAP of `subtree-shap.ts`: what a row's contribution from
 * the subtree's leaves depends on, as flat typed arrays.
 *
 * A leaf L's Shapley share for feature k is v_L (o_k − z_k) ∫₀¹ Π_{i≠k} g_i,
 * g_i(t) = z_i (1 − t) + o_i t over the distinct features i of its path
 * (z_i: product of the path's cover shares on i; o_i: the row follows every
 * such edge). The path splits at the subtree root into *outer* features (on
 * the path above, never split inside) and *inner* ones (split inside,
 * possibly also above). The outer factors are the same for every leaf of the
 * subtree, so the subtree's contribution depends on the row only through the
 * outer o's (bits of the root mask) and the inner pattern (its decision at
 * each inner split plus the o's of inner features already seen above).
 *
 * One instance is rebuilt for each subtree in turn (`build`), so planning
 * allocates nothing once its arrays have grown to the widest subtree.
 */
import type { TreeEnsemble } from '../shared/tree';
import { gaussLegendre } from './linear-treeshap';
import type { TreeNodes } from './subtree-nodes';

/** Gauss–Legendre rules by point count, with 1 / (1 − t) (the same few serve every subtree). */
const RULES: { t: Float64Array; w: Float64Array; u: Float64Array }[] = [];

function rule(m: number): { t: Float64Array; w: Float64Array; u: Float64Array } {
	if (!RULES[m]) {
		const { t, w } = gaussLegendre(m);
		RULES[m] = { t, w, u: t.map((tq) => 1 / (1 - tq)) };
	}
	return RULES[m];
}

export class Subtree {
	/** Distinct features on the path to the root (the mask's bits). */
	slots = 0;
	/** Outer features: root-mask bit, feature, and per node q: g when o = 1, g when o = 0, (1 − z) / g(o = 1). */
	outers = 0;
	outerSlot = new Int32Array(8);
	outerFeature = new Int32Array(8);
	outerOne = new Float64Array(64);
	outerZero = new Float64Array(64);
	outerShare = new Float64Array(64);
	/** Mask bits of the outer features. */
	outerBits = 0;
	/** Inner splits in preorder (pattern bit b = 1 when the row goes left at splits[b]) and their inner feature. */
	splitCount = 0;
	splits = new Int32Array(8);
	splitFeature = new Int32Array(8);
	/** Inner features: feature and root-mask bit (-1 when not above). */
	inners = 0;
	innerFeature = new Int32Array(8);
	innerSlot = new Int32Array(8);
	/** Per leaf: value, and per inner feature (leaf × inners) its z and the pattern bits the leaf needs (mask, values). */
	leaves = 0;
	leafValue = new Float64Array(8);
	leafZ = new Float64Array(64);
	leafNeed = new Int32Array(64);
	leafLeft = new Int32Array(64);
	/** Gauss–Legendre nodes and weights (and 1 / (1 − t)), exact for the subtree's longest path. */
	m = 1;
	t: Float64Array = new Float64Array(1);
	w: Float64Array = new Float64Array(1);
	u: Float64Array = new Float64Array(1);
	/** Inner split edges on the current path while building: pattern bit, side, share. */
	private readonly pathBit: number[] = [];
	private readonly pathLeft: boolean[] = [];
	private readonly pathShare: number[] = [];

	/**
	 * Describes the subtree under `root` (tree nodes from `start`), whose path
	 * has the distinct features `slotFeature[0 .. slots)` with cover-share
	 * products `slotZ`. `nodes` gives the leaf values (shifted: see
	 * `subtree-nodes.ts`) and cover shares. Parts whose leaves are all 0 are
	 * left out: they add nothing, and their splits would only multiply the
	 * patterns to memoise.
	 */
	build(e: TreeEnsemble, start: number, root: number, slotFeature: Int32Array, slotZ: Float64Array, slots: number, nodes: TreeNodes): void {
		this.slots = slots;
		this.splitCount = 0;
		this.inners = 0;
		this.leaves = 0;
		this.collectSplits(e, start, root, nodes.zero);
		const J = this.inners;
		for (let j = 0; j < J; j++) {
			let slot = -1;
			for (let s = 0; s < slots; s++) if (slotFeature[s] === this.innerFeature[j]) slot = s;
			this.innerSlot[j] = slot;
		}
		this.collectLeaves(e, start, root, slotZ, nodes);
		let longest = 0;
		for (let leaf = 0; leaf < this.leaves; leaf++) {
			let distinct = slots;
			for (let j = 0; j < J; j++) if (this.innerSlot[j] < 0 && this.leafNeed[leaf * J + j] !== 0) distinct++;
			longest = Math.max(longest, distinct);
		}
		// The integrands have degree < the path's distinct features: ⌈d / 2⌉ points are exact.
		const { t, w, u } = rule(Math.max(1, Math.ceil(longest / 2)));
		this.m = t.length;
		this.t = t;
		this.w = w;
		this.u = u;
		this.collectOuter(slotFeature, slotZ);
	}

	/** Inner splits in preorder and their distinct features. */
	private collectSplits(e: TreeEnsemble, start: number, node: number, zero: Uint8Array): void {
		const f = e.feature[node];
		if (f < 0 || zero[node] === 1) return;
		const b = this.splitCount++;
		if (b === this.splits.length) {
			this.splits = grown(this.splits, 2 * b);
			this.splitFeature = grown(this.splitFeature, 2 * b);
		}
		let j = 0;
		while (j < this.inners && this.innerFeature[j] !== f) j++;
		if (j === this.inners) {
			if (j === this.innerFeature.length) {
				this.innerFeature = grown(this.innerFeature, 2 * j);
				this.innerSlot = grown(this.innerSlot, 2 * j);
			}
			this.innerFeature[this.inners++] = f;
		}
		this.splits[b] = node;
		this.splitFeature[b] = j;
		this.collectSplits(e, start, start + e.left[node], zero);
		this.collectSplits(e, start, start + e.right[node], zero);
	}

	/** Leaves in preorder, each with its inner features' z and needed pattern bits (same split order as `collectSplits`). */
	private collectLeaves(e: TreeEnsemble, start: number, node: number, slotZ: Float64Array, nodes: TreeNodes, b = { next: 0 }): void {
		if (nodes.zero[node] === 1) return;
		if (e.feature[node] >= 0) {
			const bit = b.next++;
			for (let side = 0; side < 2; side++) {
				const left = side === 0;
				const child = start + (left ? e.left[node] : e.right[node]);
				this.pathBit.push(bit);
				this.pathLeft.push(left);
				this.pathShare.push(nodes.share[child]);
				this.collectLeaves(e, start, child, slotZ, nodes, b);
				this.pathBit.pop();
				this.pathLeft.pop();
				this.pathShare.pop();
			}
			return;
		}
		const J = this.inners;
		const leaf = this.leaves++;
		if (leaf === this.leafValue.length) this.leafValue = grown(this.leafValue, 2 * leaf);
		if ((leaf + 1) * J > this.leafZ.length) {
			this.leafZ = grown(this.leafZ, 2 * (leaf + 1) * J);
			this.leafNeed = grown(this.leafNeed, 2 * (leaf + 1) * J);
			this.leafLeft = grown(this.leafLeft, 2 * (leaf + 1) * J);
		}
		this.leafValue[leaf] = nodes.value[node];
		for (let j = 0; j < J; j++) {
			const at = leaf * J + j;
			this.leafZ[at] = this.innerSlot[j] >= 0 ? slotZ[this.innerSlot[j]] : 1;
			this.leafNeed[at] = 0;
			this.leafLeft[at] = 0;
		}
		for (let i = 0; i < this.pathBit.length; i++) {
			const bit = this.pathBit[i];
			const at = leaf * J + this.splitFeature[bit];
			this.leafZ[at] *= this.pathShare[i];
			this.leafNeed[at] |= 1 << bit;
			if (this.pathLeft[i]) this.leafLeft[at] |= 1 << bit;
		}
	}

	/** Root-path features not split inside, with their g values at the nodes. */
	private collectOuter(slotFeature: Int32Array, slotZ: Float64Array): void {
		const { m, t } = this;
		this.outers = 0;
		this.outerBits = 0;
		if (this.outerSlot.length < this.slots) {
			this.outerSlot = new Int32Array(this.slots);
			this.outerFeature = new Int32Array(this.slots);
		}
		if (this.outerOne.length < this.slots * m) {
			this.outerOne = new Float64Array(this.slots * m);
			this.outerZero = new Float64Array(this.slots * m);
			this.outerShare = new Float64Array(this.slots * m);
		}
		for (let s = 0; s < this.slots; s++) {
			let inner = false;
			for (let j = 0; j < this.inners; j++) if (this.innerSlot[j] === s) inner = true;
			if (inner) continue;
			const k = this.outers++;
			this.outerSlot[k] = s;
			this.outerFeature[k] = slotFeature[s];
			this.outerBits |= 1 << s;
			const z = slotZ[s];
			for (let q = 0; q < m; q++) {
				const one = z + (1 - z) * t[q];
				this.outerOne[k * m + q] = one;
				this.outerZero[k * m + q] = z * (1 - t[q]);
				this.outerShare[k * m + q] = (1 - z) / one;
			}
		}
	}
}

function grown<T extends Int32Array | Float64Array>(a: T, size: number): T {
	const b = new (a.constructor as new (n: number) => T)(size);
	b.set(a);
	return b;
}
