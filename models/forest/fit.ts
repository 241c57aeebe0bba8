/**
 * Random forest on the shared histogram builder. Each tree is a regression
 * tree on the one-hot class indicator (binary: y ∈ {0, 1}, one channel):
 * with G = −y·count, H = count and λ = 0, the builder's gain is the decrease
 * in squared error, which equals the (weighted) Gini decrease, and leaf
 * values are class frequencies. Bootstrap draws become per-row counts, so a
 * row drawn twice simply weighs twice.
 */
import type { Dataset, FitContext } from '../types';
import {
	createScratch,
	EnsembleWriter,
	growTree,
	prepareTreeFit,
	TrainTree
} from '../shared/tree';
import { featuresPerSplit, maybeForestParams, type ForestParams } from './params';
import type { ForestState } from './state';
import { pastStopAt } from '../shared/stop-at';
import { P } from '../shared/progress-words';

export async function fitForest(data: Dataset, params: ForestParams, ctx: FitContext): Promise<ForestState> {
	const p = maybeForestParams(params);
	const { X, y, classes, weights, tick, rng, K, outputs: C, n, features, binnings, m } = await prepareTreeFit(data, p.maxBins, ctx);
	let minWeight = 1;
	if (weights) {
		minWeight = Infinity;
		for (let r = 0; r < n; r++) if (weights[r] > 0) minWeight = Math.min(minWeight, weights[r]);
	}
	const minChildWeight = p.minSamplesLeaf * minWeight;
	const scratch = createScratch(m, { channels: C, lambda: 0, minChildWeight });
	const writer = new EnsembleWriter(binnings, C);
	const grad = new Float64Array(n * C);
	const hess = new Float64Array(n);
	const counts = new Float64Array(n);
	const idx = new Int32Array(n);
	const allFeatures = Int32Array.from({ length: m.features }, (_, f) => f);
	const draws = Math.max(1, Math.round(n * p.maxSamples));
	const mtry = featuresPerSplit(p.maxFeatures, m.features);

	for (let t = 0; t < p.nEstimators; t++) {
		await tick();
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
		const tree = new TrainTree(C);
		growTree(
			m,
			idx,
			count,
			grad,
			hess,
			{
				maxDepth: p.maxDepth,
				maxLeaves: 0,
				minChildWeight,
				lambda: 0,
				gamma: p.minImpurityDecrease,
				channels: C,
				leafScale: -1,
				features: allFeatures,
				featuresPerSplit: mtry,
				rng,
				signal: ctx.signal
			},
			scratch,
			tree
		);
		writer.add(tree);
		ctx.progress({ fraction: (t + 1) / p.nEstimators, stage: P.tree(t + 1, p.nEstimators) });
		// The time budget ran out: a forest of fewer trees is still a forest (predictions average the trees kept).
		if (pastStopAt(ctx)) break;
	}
	await tick();
	return { kind: 'forest', version: 1, classes: [...classes], features, trees: writer.finish() };
}
