/**
 * Per-node arrays of the explained trees for `subtree-shap.ts`, computed once.
 *
 * Each tree's leaf values are shifted by the tree's most common leaf value:
 * SHAP values are linear in the leaf values and a constant tree has none, so
 * the shift changes no SHAP value (only the output, which adds it back). A
 * deep forest has many pure leaves (telco: 3 in 4 are 0 or 1), so after the
 * shift whole subtrees are 0 and are skipped (telco: 1 in 5 bottom subtrees).
 */
import type { TreeEnsemble } from '../shared/tree';
import { leftShare, type TreeTarget } from './treeshap';

export interface TreeNodes {
	/** Scaled leaf value minus the tree's shift. */
	value: Float64Array;
	/** Cover share of the node as a child (1 for roots). */
	share: Float64Array;
	/** 0 for leaves, else 1 + the taller child's height. */
	height: Int32Array;
	/** 1 when every leaf under the node has shifted value 0 (it adds no SHAP value). */
	zero: Uint8Array;
	/** Per position in `target.trees`: the shift, each row's output from that tree is its leaf's value plus it. */
	shift: Float64Array;
	/** Split features, most used first (a split at depth d weighs 2^-d): the order to sort rows by. */
	sortBy: Int32Array;
}

export function treeNodes(e: TreeEnsemble, target: TreeTarget): TreeNodes {
	const V = e.valueSize;
	const nodes = e.feature.length;
	const value = new Float64Array(nodes);
	const share = new Float64Array(nodes);
	const height = new Int32Array(nodes);
	const zero = new Uint8Array(nodes);
	const shift = new Float64Array(target.trees.length);
	const weight = new Map<number, number>();
	target.trees.forEach((tree, i) => {
		const start = e.treeStart[tree];
		const end = e.treeStart[tree + 1];
		const counts = new Map<number, number>();
		for (let n = start; n < end; n++) {
			if (e.feature[n] >= 0) continue;
			const v = e.value[n * V + target.valueIndex];
			value[n] = (target.complement ? 1 - v : v) * target.scale;
			counts.set(value[n], (counts.get(value[n]) ?? 0) + 1);
		}
		let best = 0;
		for (const [v, count] of counts) {
			if (count <= best) continue;
			best = count;
			shift[i] = v;
		}
		share[start] = 1;
		const walk = (n: number, depth = 0): number => {
			if (e.feature[n] < 0) {
				value[n] -= shift[i];
				zero[n] = value[n] === 0 ? 1 : 0;
				return 0;
			}
			weight.set(e.feature[n], (weight.get(e.feature[n]) ?? 0) + 2 ** -depth);
			const l = start + e.left[n];
			const r = start + e.right[n];
			const wl = leftShare(e, l, r);
			share[l] = wl;
			share[r] = 1 - wl;
			height[n] = 1 + Math.max(walk(l, depth + 1), walk(r, depth + 1));
			zero[n] = zero[l] & zero[r];
			return height[n];
		};
		walk(start);
	});
	const sortBy = Int32Array.from([...weight.keys()].sort((a, b) => weight.get(b)! - weight.get(a)! || a - b));
	return { value, share, height, zero, shift, sortBy };
}
