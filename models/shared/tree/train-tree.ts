/**
 * A tree while it is being fitted: split routing by bin (so training and
 * validation rows, already binned, can be routed without raw values) and
 * each leaf's range of the builder's row index.
 */
import type { BinnedMatrix } from './binning';
import type { SplitResult } from './split';

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
