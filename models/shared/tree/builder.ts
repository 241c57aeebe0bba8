/**
 * Grows one histogram tree over binned rows. Depth-wise growth (XGBoost
 * `max_depth`) expands nodes depth-first, which gives the same tree as
 * level order but keeps only O(depth) histograms alive; leaf-wise growth
 * (`maxLeaves > 0`, LightGBM style) always splits the open leaf with the
 * largest gain. Rows of a node are a range of one Int32Array, partitioned
 * stably in place so histogram reads stay in ascending row order.
 */
import type { BinnedMatrix } from './binning';
import { throwIfAborted } from '../cancel';
import { buildHistogram, HistogramPool, subtractHistogram } from './histogram';
import { RowKernel } from './row-kernel';
import { emptySplit, SplitFinder, type SplitResult } from './split';
import type { TrainTree } from './train-tree';

export interface GrowOptions {
	/** 0 = unlimited. */
	maxDepth: number;
	/** 0 = depth-wise growth; otherwise leaf-wise up to this many leaves. */
	maxLeaves: number;
	minChildWeight: number;
	lambda: number;
	/** Minimum gain to split. */
	gamma: number;
	/** Gradient channels: 1 for boosting, classes for a multiclass forest. */
	channels: number;
	/** Leaf value = leafScale · G / (H + λ): −learningRate for boosting, −1 for forests (G = −y). */
	leafScale: number;
	/** Features this tree may use (column subsampling by tree). */
	features: Int32Array;
	/** Features drawn per split (random forest `mtry`); 0 = all of `features`. */
	featuresPerSplit: number;
	rng: () => number;
	signal?: AbortSignal;
}

/** Buffers reused across the trees of one fit. */
export interface GrowScratch {
	pool: HistogramPool;
	temp: Int32Array;
	finder: SplitFinder;
	draw: Int32Array;
	/** The split search's result buffer; open nodes keep compact copies. */
	best: SplitResult;
	/**
	 * The row loops in WebAssembly for one-channel trees (null: JavaScript only).
	 * With it, growTree's `idx` must be `kernel.idx` and the kernel's pairs the tree's gradients.
	 */
	kernel: RowKernel | null;
}

/** Nodes whose rows × features are below this share of a histogram's length use the JavaScript loop (the kernel clears and copies a whole histogram per node). */
const KERNEL_MIN_SHARE = 0.25;

export function createScratch(m: BinnedMatrix, opts: Pick<GrowOptions, 'channels' | 'lambda' | 'minChildWeight'>): GrowScratch {
	return {
		pool: new HistogramPool(m.totalBins * (opts.channels + 1)),
		temp: new Int32Array(m.rows),
		finder: new SplitFinder(opts),
		draw: new Int32Array(m.features),
		best: emptySplit(opts.channels),
		kernel: opts.channels === 1 ? RowKernel.create(m) : null
	};
}

interface Open {
	node: number;
	start: number;
	end: number;
	depth: number;
	hist: Float64Array | null;
	G: Float64Array;
	H: number;
	split: SplitResult | null;
}

/**
 * Grows a tree on rows `idx[0..count)` (reordered in place). On return
 * `tree.leafStart/leafEnd` give each leaf's range of `idx`, so the caller can
 * update training predictions without traversing the tree.
 */
export function growTree(
	m: BinnedMatrix,
	idx: Int32Array,
	count: number,
	grad: Float64Array,
	hess: Float64Array,
	opts: GrowOptions,
	scratch: GrowScratch,
	tree: TrainTree
): void {
	const C = opts.channels;
	const canSplit = (depth: number, H: number, rows: number) =>
		(opts.maxDepth <= 0 || depth < opts.maxDepth) && H >= 2 * opts.minChildWeight && rows >= 2;

	const evaluate = (o: Open) => {
		if (!o.hist) return;
		const best = scratch.best;
		best.gain = Math.max(opts.gamma, 1e-12);
		best.feature = -1;
		let list = opts.features;
		let n = list.length;
		if (opts.featuresPerSplit > 0 && opts.featuresPerSplit < n) {
			// Partial Fisher–Yates draw of mtry features for this node.
			list = scratch.draw;
			list.set(opts.features);
			for (let i = 0; i < opts.featuresPerSplit; i++) {
				const j = i + Math.floor(opts.rng() * (n - i));
				const t = list[i];
				list[i] = list[j];
				list[j] = t;
			}
			n = opts.featuresPerSplit;
		}
		scratch.finder.find(best, o.hist, m, o.G, o.H, list, n);
		o.split = best.feature >= 0 ? copySplit(best, m.binCount[best.feature]) : null;
	};

	const makeNode = (G: Float64Array, H: number): number => tree.addNode(G, H, opts.lambda, opts.leafScale);
	const kernel = scratch.kernel;
	/** The histogram of rows idx[start..end), in a buffer from the pool. */
	const build = (start: number, end: number): Float64Array => {
		const useKernel = kernel !== null && (end - start) * m.features >= KERNEL_MIN_SHARE * scratch.pool.size;
		// The kernel writes every value of the buffer: it needs no clearing.
		const hist = scratch.pool.take(!useKernel);
		if (useKernel) kernel.build(start, end, hist);
		else buildHistogram(hist, m, idx, start, end, grad, hess, C);
		return hist;
	};

	// Root sums and histogram.
	const G0 = new Float64Array(C);
	let H0 = 0;
	for (let i = 0; i < count; i++) {
		const r = idx[i];
		for (let c = 0; c < C; c++) G0[c] += grad[r * C + c];
		H0 += hess[r];
	}
	const root: Open = { node: makeNode(G0, H0), start: 0, end: count, depth: 0, hist: null, G: G0, H: H0, split: null };
	if (canSplit(0, H0, count)) {
		root.hist = build(0, count);
		evaluate(root);
	}
	const open: Open[] = [root];
	let closedLeaves = 0;
	const closeLeaf = (o: Open) => {
		scratch.pool.give(o.hist);
		tree.setLeafRange(o.node, o.start, o.end);
		closedLeaves++;
	};

	while (open.length > 0) {
		throwIfAborted(opts.signal);
		let pick = open.length - 1;
		if (opts.maxLeaves > 0) {
			for (let i = 0; i < open.length; i++) if ((open[i].split?.gain ?? -1) > (open[pick].split?.gain ?? -1)) pick = i;
		}
		const o = open[pick];
		open.splice(pick, 1);
		const full = opts.maxLeaves > 0 && closedLeaves + open.length + 1 >= opts.maxLeaves;
		if (!o.split || full) {
			closeLeaf(o);
			continue;
		}
		const s = o.split;
		const mid = kernel ? kernel.partition(o.start, o.end, s.feature, s.goLeft) : partition(m, idx, o.start, o.end, s.feature, s.goLeft, scratch.temp);
		const GR = new Float64Array(C);
		for (let c = 0; c < C; c++) GR[c] = o.G[c] - s.leftG[c];
		const HR = o.H - s.leftH;
		const GL = Float64Array.from(s.leftG);
		const left: Open = { node: makeNode(GL, s.leftH), start: o.start, end: mid, depth: o.depth + 1, hist: null, G: GL, H: s.leftH, split: null };
		const right: Open = { node: makeNode(GR, HR), start: mid, end: o.end, depth: o.depth + 1, hist: null, G: GR, H: HR, split: null };
		tree.setSplit(o.node, s, left.node, right.node);
		const needL = canSplit(left.depth, left.H, left.end - left.start);
		const needR = canSplit(right.depth, right.H, right.end - right.start);
		if (needL || needR) {
			// Subtraction trick: build the child with fewer rows, derive the other as
			// parent − smaller, unless building it directly is cheaper (deep, small nodes).
			const [small, large] = left.end - left.start <= right.end - right.start ? [left, right] : [right, left];
			const needSmall = small === left ? needL : needR;
			const needLarge = small === left ? needR : needL;
			const hist = o.hist!;
			if (needLarge && (large.end - large.start) * m.features >= hist.length) {
				small.hist = build(small.start, small.end);
				subtractHistogram(hist, small.hist);
				large.hist = hist;
				if (!needSmall) {
					scratch.pool.give(small.hist);
					small.hist = null;
				}
			} else {
				scratch.pool.give(hist);
				for (const [child, need] of [[small, needSmall], [large, needLarge]] as const) {
					if (!need) continue;
					child.hist = build(child.start, child.end);
				}
			}
		} else scratch.pool.give(o.hist);
		o.hist = null;
		evaluate(left);
		evaluate(right);
		open.push(right, left);
	}
}

/** Stable in-place partition of idx[start..end) by `goLeft[bin]`; returns the first right index. */
export function partition(m: BinnedMatrix, idx: Int32Array, start: number, end: number, f: number, goLeft: Uint8Array, temp: Int32Array): number {
	const col = m.columns.subarray(f * m.rows, (f + 1) * m.rows);
	let l = start;
	let r = 0;
	// Branch-free: the direction is data-dependent and would mispredict half the time.
	for (let i = start; i < end; i++) {
		const row = idx[i];
		const left = goLeft[col[row]];
		idx[l] = row;
		temp[r] = row;
		l += left;
		r += 1 - left;
	}
	idx.set(temp.subarray(0, r), l);
	return l;
}

/** A split trimmed to the feature's bins (nodes stay open until split, so they keep their own). */
export function copySplit(s: SplitResult, bins: number): SplitResult {
	return { ...s, goLeft: s.goLeft.slice(0, bins), leftG: s.leftG.slice() };
}
