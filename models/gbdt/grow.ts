/**
 * Grows one boosted tree over the shards, a level at a time: every node of
 * the level splits in one request, which also builds the histogram of each
 * split's lighter child (the heavier is parent − lighter). Leaf-wise growth
 * (`maxLeaves > 0`) splits the open leaf with the largest gain, one per
 * request. The split search runs here, on summed histograms.
 */
import { throwIfAborted, type BinnedMatrix, type TrainTree } from '../shared/tree';
import { copySplit } from '../shared/tree/builder';
import { subtractHistogram } from '../shared/tree/histogram';
import type { SplitFinder, SplitResult } from '../shared/tree/split';
import type { ShardSplit } from './shard';
import type { ShardSet } from './shard-set';

export interface BoostTreeOptions {
	maxDepth: number;
	maxLeaves: number;
	minChildWeight: number;
	lambda: number;
	gamma: number;
	/** −learningRate: leaf value = leafScale · G / (H + λ). */
	leafScale: number;
	/** Features this tree may use (column subsampling by tree). */
	features: Int32Array;
	signal?: AbortSignal;
}

interface Open {
	node: number;
	depth: number;
	G: number;
	H: number;
	hist: Float64Array | null;
	split: SplitResult | null;
}

/** Grows output `output`'s tree of the round into `tree`; `m` is read for its bins per feature only. */
export async function growBoostTree(shards: ShardSet, m: BinnedMatrix, output: number, opts: BoostTreeOptions, finder: SplitFinder, best: SplitResult, tree: TrainTree): Promise<void> {
	const canSplit = (o: Open) => (opts.maxDepth <= 0 || o.depth < opts.maxDepth) && o.H >= 2 * opts.minChildWeight;
	const G1 = new Float64Array(1);
	const evaluate = (o: Open) => {
		if (!o.hist) return;
		best.gain = Math.max(opts.gamma, 1e-12);
		best.feature = -1;
		G1[0] = o.G;
		finder.find(best, o.hist, m, G1, o.H, opts.features, opts.features.length);
		o.split = best.feature >= 0 ? copySplit(best, m.binCount[best.feature]) : null;
	};
	const makeNode = (G: number, H: number, depth: number): Open => {
		G1[0] = G;
		return { node: tree.addNode(G1, H, opts.lambda, opts.leafScale), depth, G, H, hist: null, split: null };
	};
	const close = (o: Open) => {
		shards.release(o.hist);
		o.hist = null;
	};

	const rootHist = await shards.tree(output);
	const { G, H } = nodeSums(rootHist, m);
	const root = makeNode(G, H, 0);
	if (canSplit(root)) {
		root.hist = rootHist;
		evaluate(root);
	} else shards.release(rootHist);

	let open: Open[] = [root];
	let leaves = 0;
	while (open.length > 0) {
		throwIfAborted(opts.signal);
		let batch: Open[];
		if (opts.maxLeaves > 0) {
			let pick = 0;
			for (let i = 1; i < open.length; i++) if ((open[i].split?.gain ?? -1) > (open[pick].split?.gain ?? -1)) pick = i;
			const o = open.splice(pick, 1)[0];
			const full = leaves + open.length + 1 >= opts.maxLeaves;
			batch = o.split && !full ? [o] : [];
			if (!batch.length) {
				close(o);
				leaves++;
				continue;
			}
		} else {
			batch = open.filter((o) => o.split);
			for (const o of open) if (!o.split) close(o);
			open = [];
		}

		const splits: ShardSplit[] = [];
		const build: number[] = [];
		const plans: { parent: Open; small: Open; large: Open }[] = [];
		const children: Open[] = [];
		for (const o of batch) {
			const s = o.split!;
			const left = makeNode(s.leftG[0], s.leftH, o.depth + 1);
			const right = makeNode(o.G - s.leftG[0], o.H - s.leftH, o.depth + 1);
			tree.setSplit(o.node, s, left.node, right.node);
			splits.push({ node: o.node, feature: s.feature, goLeft: s.goLeft, left: left.node, right: right.node });
			children.push(left, right);
			if (canSplit(left) || canSplit(right)) {
				const [small, large] = left.H <= right.H ? [left, right] : [right, left];
				build.push(small.node);
				plans.push({ parent: o, small, large });
			} else close(o);
		}
		const hists = await shards.grow(splits, build);
		plans.forEach(({ parent, small, large }, i) => {
			const hist = hists[i];
			if (canSplit(large)) {
				subtractHistogram(parent.hist!, hist);
				large.hist = parent.hist;
			} else shards.release(parent.hist);
			parent.hist = null;
			if (canSplit(small)) small.hist = hist;
			else shards.release(hist);
		});
		for (const child of children) evaluate(child);
		open.push(...children);
	}
}

/** The node's gradient and hessian sums: every row is in exactly one bin of feature 0. */
function nodeSums(hist: Float64Array, m: BinnedMatrix): { G: number; H: number } {
	let G = 0;
	let H = 0;
	const off = m.binOffset[0];
	for (let b = 0; b < m.binCount[0]; b++) {
		G += hist[2 * (off + b)];
		H += hist[2 * (off + b) + 1];
	}
	return { G, H };
}
