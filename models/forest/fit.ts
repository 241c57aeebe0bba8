/**
 * Random forest on the shared histogram builder. Each tree is a regression
 * tree on the one-hot class indicator (binary: y ∈ {0, 1}, one channel):
 * with G = −y·count, H = count and λ = 0, the builder's gain is the decrease
 * in squared error, which equals the (weighted) Gini decrease, and leaf
 * values are class frequencies. Bootstrap draws become per-row counts, so a
 * row drawn twice simply weighs twice (grower.ts). The trees are grown here
 * or on helper threads (crew.ts), with the same result.
 */
import type { Dataset, FitContext } from '../types';
import { EnsembleWriter, prepareTreeFit } from '../shared/tree';
import { maybeForestParams, type ForestParams } from './params';
import type { ForestState } from './state';
import { pastStopAt } from '../shared/stop-at';
import { P } from '../shared/progress-words';
import { openCrew } from './crew';

export async function fitForest(data: Dataset, params: ForestParams, ctx: FitContext): Promise<ForestState> {
	const p = maybeForestParams(params);
	const { y, classes, weights, tick, outputs: C, features, binnings, m } = await prepareTreeFit(data, p.maxBins, ctx);
	const writer = new EnsembleWriter(binnings, C);
	const crew = await openCrew({ matrix: m, y, weights, params: p, channels: C, seed: ctx.seed }, ctx.threads, ctx.signal);
	try {
		for (let t = 0; t < p.nEstimators; ) {
			await tick();
			const trees = await crew.grow(t, Math.min(p.nEstimators, t + crew.batch));
			for (const tree of trees) writer.add(tree);
			t += trees.length;
			ctx.progress({ fraction: t / p.nEstimators, stage: P.tree(t, p.nEstimators) });
			// The time budget ran out: a forest of fewer trees is still a forest (predictions average the trees kept).
			if (pastStopAt(ctx)) break;
		}
	} finally {
		await crew.close();
	}
	await tick();
	return { kind: 'forest', version: 1, classes: [...classes], features, trees: writer.finish() };
}
