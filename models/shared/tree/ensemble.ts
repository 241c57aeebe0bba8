/**
 * A fitted tree ensemble as flat typed arrays (compact, JSON-encodable via
 * `encodeState`, fast to traverse). Thresholds are raw values, categorical
 * splits store the codes that go left, so scoring needs no binning.
 */
import type { FeatureBinning } from './binning';
import type { TrainTree } from './train-tree';

/** Nodes of every tree, concatenated; children are indices local to their tree. */
export interface TreeEnsemble {
	/** Values per node: 1 for boosting (margin), classes for multiclass forests. */
	valueSize: number;
	/** Tree t owns nodes treeStart[t] .. treeStart[t + 1] - 1. */
	treeStart: Int32Array;
	/** Split feature (index into the state's features); -1 marks a leaf. */
	feature: Int32Array;
	/** Numeric split: x < threshold goes left. */
	threshold: Float64Array;
	left: Int32Array;
	right: Int32Array;
	/** Where missing values, unseen and absent categories go. */
	defaultLeft: Uint8Array;
	/** valueSize values per node (leaf output; internal nodes keep their own for explanations). */
	value: Float64Array;
	/** Split gain (loss reduction); 0 for leaves. Used for importance and TreeSHAP. */
	gain: Float64Array;
	/** Hessian sum (boosting) or bootstrap row count (forest) of the node. */
	cover: Float64Array;
	/** Categorical split: its sorted left-going codes are catCodes[catStart .. catStart + catCount). */
	catStart: Int32Array;
	catCount: Int32Array;
	catCodes: Int32Array;
}

/** Collects trained trees into a `TreeEnsemble`. */
export class EnsembleWriter {
	private trees: { tree: TrainTree; codes: number[][] }[] = [];
	constructor(
		private readonly binnings: FeatureBinning[],
		private readonly valueSize: number
	) {}

	get treeCount(): number {
		return this.trees.length;
	}

	add(tree: TrainTree): void {
		const codes: number[][] = [];
		for (let n = 0; n < tree.size; n++) {
			const f = tree.feature[n];
			if (f < 0 || this.binnings[f].kind !== 'categorical') continue;
			const map = this.binnings[f].codeToBin;
			const goLeft = tree.goLeft[n]!;
			const set: number[] = [];
			for (let c = 0; c < map.length; c++) if (goLeft[map[c]]) set.push(c);
			codes[n] = set;
		}
		this.trees.push({ tree, codes });
	}

	/** The ensemble of the first `count` trees (early stopping keeps the best round). */
	finish(count = this.trees.length): TreeEnsemble {
		const kept = this.trees.slice(0, count);
		const total = kept.reduce((s, t) => s + t.tree.size, 0);
		const V = this.valueSize;
		const e: TreeEnsemble = {
			valueSize: V,
			treeStart: new Int32Array(kept.length + 1),
			feature: new Int32Array(total),
			threshold: new Float64Array(total),
			left: new Int32Array(total),
			right: new Int32Array(total),
			defaultLeft: new Uint8Array(total),
			value: new Float64Array(total * V),
			gain: new Float64Array(total),
			cover: new Float64Array(total),
			catStart: new Int32Array(total),
			catCount: new Int32Array(total),
			catCodes: new Int32Array(kept.reduce((s, t) => s + t.codes.reduce((a, c) => a + (c ? c.length : 0), 0), 0))
		};
		let at = 0;
		let catAt = 0;
		kept.forEach(({ tree, codes }, t) => {
			e.treeStart[t] = at;
			for (let n = 0; n < tree.size; n++, at++) {
				const f = tree.feature[n];
				e.feature[at] = f;
				e.left[at] = tree.left[n];
				e.right[at] = tree.right[n];
				e.defaultLeft[at] = tree.defaultLeft[n];
				e.gain[at] = tree.gain[n];
				e.cover[at] = tree.cover[n];
				for (let c = 0; c < V; c++) e.value[at * V + c] = tree.value[n * V + c];
				if (f >= 0 && codes[n]) {
					e.catStart[at] = catAt;
					e.catCount[at] = codes[n].length;
					e.catCodes.set(codes[n], catAt);
					catAt += codes[n].length;
				} else if (f >= 0) e.threshold[at] = this.binnings[f].cuts[tree.splitBin[n] - 1];
			}
		});
		e.treeStart[kept.length] = at;
		return e;
	}
}

/**
 * The global leaf node reached in tree `t` by a row of `x` (row-major raw
 * values from `alignFeatures`: NaN = missing, categorical = training code;
 * `categorical[f]` marks categorical features).
 */
export function leafOf(e: TreeEnsemble, t: number, categorical: Uint8Array, x: Float64Array, base: number): number {
	const start = e.treeStart[t];
	let node = start;
	for (;;) {
		const f = e.feature[node];
		if (f < 0) return node;
		const v = x[base + f];
		let goLeft: boolean;
		if (v !== v) goLeft = e.defaultLeft[node] === 1;
		else if (categorical[f]) goLeft = hasCode(e, node, v);
		else goLeft = v < e.threshold[node];
		node = start + (goLeft ? e.left[node] : e.right[node]);
	}
}

function hasCode(e: TreeEnsemble, node: number, code: number): boolean {
	let lo = e.catStart[node];
	let hi = lo + e.catCount[node] - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const c = e.catCodes[mid];
		if (c === code) return true;
		if (c < code) lo = mid + 1;
		else hi = mid - 1;
	}
	return false;
}
