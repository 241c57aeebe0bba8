/**
 * TreeSHAP organised by leaf (the idea of Fast TreeSHAP v2, Yang 2021): a
 * leaf's contribution to each feature on its path depends only on which of
 * the path's (deduplicated) features the row satisfies. So for each leaf and
 * each satisfied-subset mask we precompute, once, Algorithm 2's EXTEND /
 * UNWOUND-SUM result; explaining a row is then one split decision per node
 * plus, per leaf, a mask and d additions. 10,000 rows × 100 depth-6 trees
 * drop from ~14 s (recursive) to about a second. Leaves whose path has more
 * distinct features than the table allows (deep forests) are computed per
 * row with the same EXTEND / UNWOUND-SUM, so results are identical.
 */
import type { TreeEnsemble } from '../shared/tree';
import { goesLeft, leftShare, type TreeTarget } from './treeshap';

/** Table entries (doubles) allowed in all: ~32 MB. */
const MAX_TABLE = 4_000_000;
/** Distinct path features for which a leaf gets a table (2^d · d entries). */
const MAX_TABLE_FEATURES = 10;

interface Leaf {
	node: number;
	value: number;
	/** Distinct features on the path and their products of cover shares. */
	features: Int32Array;
	zero: Float64Array;
	/** Split nodes on the path, the side taken to reach the leaf and the feature slot each belongs to. */
	nodes: Int32Array;
	wantLeft: Uint8Array;
	slot: Int32Array;
	/** Offset of the 2^d × d table in `table`, or -1 (computed per row). */
	tableAt: number;
}

/** Explains rows against a fixed set of trees; allocate once, call `explainRow` per row. */
export class LeafPathShap {
	private readonly leaves: Leaf[] = [];
	private readonly table: Float64Array;
	/** The leaves as flat typed arrays: the per-row loop touches no objects. */
	private readonly flat: FlatLeaves;
	private readonly left: Uint8Array;
	private readonly pathZero: Float64Array;
	private readonly pathOne: Float64Array;
	private readonly pathWeight: Float64Array;

	constructor(
		private readonly e: TreeEnsemble,
		target: TreeTarget,
		private readonly categorical: Uint8Array,
		rows: number
	) {
		const V = e.valueSize;
		const splitNodes: number[] = [];
		const treeLeafAt = [0];
		const treeSplitAt = [0];
		let maxD = 0;
		for (const t of target.trees) {
			const start = e.treeStart[t];
			const walk = (node: number, path: { node: number; left: boolean; share: number }[]) => {
				const f = e.feature[node];
				if (f < 0) {
					const v = e.value[node * V + target.valueIndex];
					this.leaves.push(makeLeaf(e, node, (target.complement ? 1 - v : v) * target.scale, path));
					return;
				}
				const l = start + e.left[node];
				const r = start + e.right[node];
				const wl = leftShare(e, l, r);
				splitNodes.push(node);
				walk(l, [...path, { node, left: true, share: wl }]);
				walk(r, [...path, { node, left: false, share: 1 - wl }]);
			};
			walk(start, []);
			treeLeafAt.push(this.leaves.length);
			treeSplitAt.push(splitNodes.length);
		}
		// Precomputing costs 2^d·d² per leaf: only worth it when many rows reuse the tables.
		let cap = Math.min(MAX_TABLE_FEATURES, Math.floor(Math.log2(Math.max(rows, 1))) + 1);
		const size = (c: number) => this.leaves.reduce((s, l) => s + (l.features.length <= c ? (1 << l.features.length) * l.features.length : 0), 0);
		while (cap > 0 && size(cap) > MAX_TABLE) cap--;
		this.table = new Float64Array(size(cap));
		for (const leaf of this.leaves) maxD = Math.max(maxD, leaf.features.length);
		this.pathZero = new Float64Array(maxD + 1);
		this.pathOne = new Float64Array(maxD + 1);
		this.pathWeight = new Float64Array(maxD + 1);
		this.left = new Uint8Array(e.feature.length);
		let at = 0;
		for (const leaf of this.leaves) {
			const d = leaf.features.length;
			if (d > cap) continue;
			leaf.tableAt = at;
			for (let mask = 0; mask < 1 << d; mask++, at += d) this.contributions(leaf, mask, this.table, at);
		}
		this.flat = flatten(this.leaves, splitNodes, treeLeafAt, treeSplitAt);
	}

	/**
	 * Adds the SHAP values of rows `from .. to` (row-major `x`, `F` features)
	 * to `phi` (same layout) and their outputs to `outputs[r]`. Loops tree by
	 * tree over the rows: one tree's tables (~200 KB at depth 6) stay in
	 * cache, where row by row they would be fetched from memory each time
	 * (measured 3× slower).
	 */
	explainRows(x: Float64Array, F: number, from: number, to: number, phi: Float64Array, outputs: Float64Array): void {
		const { e, left, table, flat } = this;
		const { value, depth, featureAt, features, nodeAt, nodes, wantLeft, slot, tableAt, splits, treeLeafAt, treeSplitAt } = flat;
		for (let t = 0; t + 1 < treeLeafAt.length; t++) {
			const leafEnd = treeLeafAt[t + 1];
			const splitEnd = treeSplitAt[t + 1];
			for (let r = from; r < to; r++) {
				const xBase = r * F;
				// Every split's decision for this row, once per node.
				for (let j = treeSplitAt[t]; j < splitEnd; j++) {
					const node = splits[j];
					const f = e.feature[node];
					left[node] = goesLeft(e, node, this.categorical[f] === 1, x[xBase + f]) ? 1 : 0;
				}
				for (let i = treeLeafAt[t]; i < leafEnd; i++) {
					const d = depth[i];
					const full = (1 << d) - 1;
					let mask = full;
					for (let j = nodeAt[i], end = nodeAt[i + 1]; j < end; j++) if (left[nodes[j]] !== wantLeft[j]) mask &= ~(1 << slot[j]);
					if (mask === full) outputs[r] += value[i];
					const fAt = featureAt[i];
					if (tableAt[i] >= 0) {
						const at = tableAt[i] + mask * d;
						for (let k = 0; k < d; k++) phi[xBase + features[fAt + k]] += table[at + k];
					} else {
						this.contributions(this.leaves[i], mask, this.scratchOut, -1);
						for (let k = 0; k < d; k++) phi[xBase + features[fAt + k]] += this.scratchOut[k];
					}
				}
			}
		}
	}

	private scratchOut = new Float64Array(64);

	/**
	 * The leaf's SHAP contribution to each of its d path features when the row
	 * satisfies the features in `mask`: EXTEND over the path, then UNWOUND-SUM
	 * per feature (Algorithm 2). Writes d values at `out[at]` (or the scratch when at < 0).
	 */
	private contributions(leaf: Leaf, mask: number, out: Float64Array, at: number): void {
		const d = leaf.features.length;
		const { pathZero: z, pathOne: o, pathWeight: w } = this;
		w[0] = 1;
		z[0] = 1;
		o[0] = 1;
		for (let k = 1; k <= d; k++) {
			const zero = leaf.zero[k - 1];
			const one = (mask >> (k - 1)) & 1;
			z[k] = zero;
			o[k] = one;
			w[k] = 0;
			for (let i = k - 1; i >= 0; i--) {
				w[i + 1] += (one * w[i] * (i + 1)) / (k + 1);
				w[i] = (zero * w[i] * (k - i)) / (k + 1);
			}
		}
		if (this.scratchOut.length < d) this.scratchOut = new Float64Array(d);
		const target = at < 0 ? this.scratchOut : out;
		const base = at < 0 ? 0 : at;
		for (let k = 1; k <= d; k++) {
			const one = o[k];
			const zero = z[k];
			let next = w[d];
			let total = 0;
			if (one !== 0) {
				for (let i = d - 1; i >= 0; i--) {
					const tmp = (next * (d + 1)) / ((i + 1) * one);
					total += tmp;
					next = w[i] - (tmp * zero * (d - i)) / (d + 1);
				}
			} else if (zero !== 0) {
				for (let i = d - 1; i >= 0; i--) total += (w[i] * (d + 1)) / (zero * (d - i));
			}
			target[base + k - 1] = total * (one - zero) * leaf.value;
		}
	}
}

/** A leaf's deduplicated path: a feature split twice keeps one slot with the product of its shares. */
function makeLeaf(e: TreeEnsemble, node: number, value: number, path: { node: number; left: boolean; share: number }[]): Leaf {
	const features: number[] = [];
	const zero: number[] = [];
	const slot = new Int32Array(path.length);
	path.forEach((step, j) => {
		const f = e.feature[step.node];
		let k = features.indexOf(f);
		if (k < 0) {
			k = features.length;
			features.push(f);
			zero.push(1);
		}
		zero[k] *= step.share;
		slot[j] = k;
	});
	return {
		node,
		value,
		features: Int32Array.from(features),
		zero: Float64Array.from(zero),
		nodes: Int32Array.from(path, (s) => s.node),
		wantLeft: Uint8Array.from(path, (s) => (s.left ? 1 : 0)),
		slot,
		tableAt: -1
	};
}

interface FlatLeaves {
	value: Float64Array;
	depth: Int32Array;
	/** Leaf i's features are features[featureAt[i] .. + depth[i]); its split steps nodes[nodeAt[i] .. nodeAt[i + 1]). */
	featureAt: Int32Array;
	features: Int32Array;
	nodeAt: Int32Array;
	nodes: Int32Array;
	wantLeft: Uint8Array;
	slot: Int32Array;
	tableAt: Int32Array;
	/** Every split node of the selected trees. */
	splits: Int32Array;
	/** Tree t's leaves are treeLeafAt[t] .. treeLeafAt[t + 1]; its splits likewise. */
	treeLeafAt: Int32Array;
	treeSplitAt: Int32Array;
}

function flatten(leaves: Leaf[], splits: number[], treeLeafAt: number[], treeSplitAt: number[]): FlatLeaves {
	const n = leaves.length;
	const steps = leaves.reduce((s, l) => s + l.nodes.length, 0);
	const flat: FlatLeaves = {
		value: Float64Array.from(leaves, (l) => l.value),
		depth: Int32Array.from(leaves, (l) => l.features.length),
		featureAt: new Int32Array(n),
		features: new Int32Array(leaves.reduce((s, l) => s + l.features.length, 0)),
		nodeAt: new Int32Array(n + 1),
		nodes: new Int32Array(steps),
		wantLeft: new Uint8Array(steps),
		slot: new Int32Array(steps),
		tableAt: Int32Array.from(leaves, (l) => l.tableAt),
		splits: Int32Array.from(splits),
		treeLeafAt: Int32Array.from(treeLeafAt),
		treeSplitAt: Int32Array.from(treeSplitAt)
	};
	let f = 0;
	let j = 0;
	leaves.forEach((l, i) => {
		flat.featureAt[i] = f;
		flat.features.set(l.features, f);
		f += l.features.length;
		flat.nodeAt[i] = j;
		flat.nodes.set(l.nodes, j);
		flat.wantLeft.set(l.wantLeft, j);
		flat.slot.set(l.slot, j);
		j += l.nodes.length;
	});
	flat.nodeAt[n] = j;
	return flat;
}
