/**
 * A tree while it is being fitted: split routing by bin (so training and
 * validation rows, already binned, can be routed without raw values) and
 * each leaf's range of the builder's row index.
 */
import type { BinnedMatrix } from './binning';
import type { SplitResult } from './split';

/** A grown tree as a few typed arrays: cheap to send between threads (plain arrays of numbers are not). */
export interface PackedTree {
	channels: number;
	feature: Int32Array;
	splitBin: Int32Array;
	defaultLeft: Uint8Array;
	left: Int32Array;
	right: Int32Array;
	value: Float64Array;
	gain: Float64Array;
	cover: Float64Array;
	/** Node i's routing is goLeft[goLeftStart[i] .. goLeftStart[i + 1]) (empty for leaves). */
	goLeft: Uint8Array;
	goLeftStart: Int32Array;
}

export class TrainTree {
	feature: number[] = [];
	splitBin: number[] = [];
	goLeft: (Uint8Array | null)[] = [];
	defaultLeft: number[] = [];
	left: number[] = [];
	right: number[] = [];
	/** `channels` values per node: the leaf output (internal nodes keep theirs for explanations). */
	value: number[] = [];
	gain: number[] = [];
	/** Hessian sum (boosting) or bootstrap row count (forest) reaching the node. */
	cover: number[] = [];
	leafStart: number[] = [];
	leafEnd: number[] = [];

	constructor(readonly channels: number) {}

	get size(): number {
		return this.feature.length;
	}

	addNode(G: Float64Array, H: number, lambda: number, leafScale: number): number {
		const id = this.feature.length;
		this.feature.push(-1);
		this.splitBin.push(-1);
		this.goLeft.push(null);
		this.defaultLeft.push(0);
		this.left.push(-1);
		this.right.push(-1);
		const denom = H + lambda;
		for (let c = 0; c < this.channels; c++) this.value.push(denom > 0 ? (leafScale * G[c]) / denom : 0);
		this.gain.push(0);
		this.cover.push(H);
		this.leafStart.push(-1);
		this.leafEnd.push(-1);
		return id;
	}

	setSplit(node: number, s: SplitResult, left: number, right: number): void {
		this.feature[node] = s.feature;
		this.splitBin[node] = s.splitBin;
		this.goLeft[node] = s.goLeft; // already a per-node copy
		this.defaultLeft[node] = s.defaultLeft ? 1 : 0;
		this.left[node] = left;
		this.right[node] = right;
		this.gain[node] = s.gain;
	}

	setLeafRange(node: number, start: number, end: number): void {
		this.leafStart[node] = start;
		this.leafEnd[node] = end;
	}

	/** The tree without its leaf ranges (only the builder's caller needs those). */
	pack(): PackedTree {
		const goLeftStart = new Int32Array(this.size + 1);
		for (let i = 0; i < this.size; i++) goLeftStart[i + 1] = goLeftStart[i] + (this.goLeft[i]?.length ?? 0);
		const goLeft = new Uint8Array(goLeftStart[this.size]);
		this.goLeft.forEach((g, i) => g && goLeft.set(g, goLeftStart[i]));
		return {
			channels: this.channels,
			feature: Int32Array.from(this.feature),
			splitBin: Int32Array.from(this.splitBin),
			defaultLeft: Uint8Array.from(this.defaultLeft),
			left: Int32Array.from(this.left),
			right: Int32Array.from(this.right),
			value: Float64Array.from(this.value),
			gain: Float64Array.from(this.gain),
			cover: Float64Array.from(this.cover),
			goLeft,
			goLeftStart
		};
	}

	static unpack(p: PackedTree): TrainTree {
		const tree = new TrainTree(p.channels);
		tree.feature = toArray(p.feature);
		tree.splitBin = toArray(p.splitBin);
		tree.defaultLeft = toArray(p.defaultLeft);
		tree.left = toArray(p.left);
		tree.right = toArray(p.right);
		tree.value = toArray(p.value);
		tree.gain = toArray(p.gain);
		tree.cover = toArray(p.cover);
		const n = p.feature.length;
		tree.goLeft = new Array(n);
		for (let i = 0; i < n; i++) tree.goLeft[i] = p.feature[i] >= 0 ? p.goLeft.subarray(p.goLeftStart[i], p.goLeftStart[i + 1]) : null;
		tree.leafStart = new Array(n).fill(-1);
		tree.leafEnd = new Array(n).fill(-1);
		return tree;
	}

	/** The leaf reached by binned row `r` of `m`. */
	leafOf(m: BinnedMatrix, r: number): number {
		const n = m.rows;
		let node = 0;
		while (this.feature[node] >= 0) {
			node = this.goLeft[node]![m.columns[this.feature[node] * n + r]] ? this.left[node] : this.right[node];
		}
		return node;
	}
}

/** A typed array as a plain one (a counted loop: Array.from's iterator path is ~10x slower). */
function toArray(a: ArrayLike<number>): number[] {
	const out = new Array<number>(a.length);
	for (let i = 0; i < a.length; i++) out[i] = a[i];
	return out;
}
