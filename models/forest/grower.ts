/**
 * Grows tree t of a forest from the binned rows. Each tree draws from its
 * own random stream (seeded by the fit's seed and t), so a tree is the same
 * whichever thread grows it and in whatever order: the forest does not
 * depend on how many helper threads shared the work.
 */
import { createScratch, growTree, TrainTree, type BinnedMatrix, type GrowScratch } from '../shared/tree';
import { createRng } from '../shared/random';
import { featuresPerSplit, type ForestParams } from './params';

/** What a grower is started with (plain data: it crosses to a helper thread). */
export interface ForestInit {
	matrix: BinnedMatrix;
	y: Int32Array;
	weights?: Float64Array;
	params: ForestParams;
	/** Values per leaf: 1 (binary) or the number of classes. */
	channels: number;
	seed: number;
}

/** Tree t's seed: the fit's seed and the tree's number mixed (createRng spreads nearby seeds). */
function treeSeed(seed: number, t: number): number {
	return (Math.imul(seed | 0, 0x2c1b3c6d) + Math.imul(t + 1, 0x297a2d39)) | 0;
}

export class ForestGrower {
	private readonly scratch: GrowScratch;
	private readonly grad: Float64Array;
	private readonly hess: Float64Array;
	private readonly counts: Float64Array;
	private readonly idx: Int32Array;
	private readonly allFeatures: Int32Array;
	private readonly minChildWeight: number;

	constructor(private readonly init: ForestInit) {
		const { matrix: m, weights, params: p, channels: C } = init;
		const n = m.rows;
		let minWeight = 1;
		if (weights) {
			minWeight = Infinity;
			for (let r = 0; r < n; r++) if (weights[r] > 0) minWeight = Math.min(minWeight, weights[r]);
		}
		this.minChildWeight = p.minSamplesLeaf * minWeight;
		this.scratch = createScratch(m, { channels: C, lambda: 0, minChildWeight: this.minChildWeight });
		this.grad = new Float64Array(n * C);
		this.hess = new Float64Array(n);
		this.counts = new Float64Array(n);
		// The kernel partitions its own row order, so the tree's rows go there.
		this.idx = this.scratch.kernel?.idx ?? new Int32Array(n);
		this.allFeatures = Int32Array.from({ length: m.features }, (_, f) => f);
	}

	grow(t: number, signal?: AbortSignal): TrainTree {
		const { matrix: m, y, weights, params: p, channels: C } = this.init;
		const n = m.rows;
		const rng = createRng(treeSeed(this.init.seed, t));
		const { counts, grad, hess, idx } = this;
		const draws = Math.max(1, Math.round(n * p.maxSamples));
		counts.fill(0);
		if (p.bootstrap) for (let i = 0; i < draws; i++) counts[Math.floor(rng() * n)]++;
		else if (draws >= n) counts.fill(1);
		else for (let i = 0; i < draws; i++) counts[i] = 1; // no bootstrap and a fraction: first rows (rare)
		let count = 0;
		grad.fill(0);
		for (let r = 0; r < n; r++) {
			if (counts[r] === 0) continue;
			const w = counts[r] * (weights ? weights[r] : 1);
			idx[count++] = r;
			hess[r] = w;
			if (C === 1) grad[r] = -w * y[r];
			else grad[r * C + y[r]] = -w;
		}
		this.scratch.kernel?.setGradients(grad, hess, 0);
		const tree = new TrainTree(C);
		const options = {
			maxDepth: p.maxDepth,
			maxLeaves: 0,
			minChildWeight: this.minChildWeight,
			lambda: 0,
			gamma: p.minImpurityDecrease,
			channels: C,
			leafScale: -1,
			features: this.allFeatures,
			featuresPerSplit: featuresPerSplit(p.maxFeatures, m.features),
			rng,
			signal
		};
		growTree(m, idx, count, grad, hess, options, this.scratch, tree);
		return tree;
	}
}
