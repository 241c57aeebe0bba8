/**
 * Boosting loop: bin once, hand the rows to the shards (shard-set.ts: this
 * thread, or blocks of rows on helper threads), then each round the shards
 * compute gradients and grow one tree per output with the coordinator
 * (grow.ts), and add its leaves to their margins. Validation margins are
 * updated here from the trees' bin routing (no raw-value traversal).
 */
import type { CurvePoint, Dataset, FitContext } from '../types';
import { applyBinning, type BinnedMatrix, EnsembleWriter, matchColumns, prepareTreeFit, TrainTree, validateDataset } from '../shared/tree';
import { emptySplit, SplitFinder } from '../shared/tree/split';
import { baseScores, logloss } from './loss';
import { maybeGbdtParams, type GbdtParams } from './params';
import type { GbdtState } from './state';
import { pastStopAt } from '../shared/stop-at';
import { P } from '../shared/progress-words';
import { ShardSet } from './shard-set';
import { growBoostTree } from './grow';

/** Rows used to estimate the training loss on large data (the curve's only; at 100,000 it took ~5 % of a 1M-row fit). */
const LOSS_SAMPLE = 25_000;

export async function fitGbdt(data: Dataset, params: GbdtParams, ctx: FitContext): Promise<GbdtState> {
	const p = maybeGbdtParams(params);
	const { X, y, classes, weights, tick, rng, K, outputs: T, n, features, binnings, m } = await prepareTreeFit(data, p.maxBins, ctx, { slots: false });
	const base = baseScores(y, weights, K);

	const valid = ctx.validation;
	let vm: BinnedMatrix | null = null;
	let vMargin: Float64Array | null = null;
	if (valid) {
		validateDataset(valid.X, valid.y, classes, valid.weights);
		vm = applyBinning(matchColumns(features, valid.X), binnings, { slots: false });
		vMargin = initMargins(valid.X.rows, base);
	}
	const finder = new SplitFinder({ channels: 1, lambda: p.lambda, minChildWeight: p.minChildWeight });
	const best = emptySplit(1);
	const writer = new EnsembleWriter(binnings, 1);
	const inSample = new Uint8Array(n);
	const allFeatures = Int32Array.from({ length: m.features }, (_, f) => f);
	const curve: CurvePoint[] = [];
	const lossStride = Math.max(1, Math.ceil(n / LOSS_SAMPLE));
	let bestRound = { round: -1, loss: Infinity };

	const shards = await ShardSet.open({ m, y, weights, base, outputs: T }, ctx.threads);
	try {
		for (let round = 0; round < p.nEstimators; round++) {
			shards.round(sampleRows(n, p.subsample, rng, inSample));
			const treeFeatures = sampleFeatures(allFeatures, p.colsampleByTree, rng);
			for (let k = 0; k < T; k++) {
				await tick();
				const tree = new TrainTree(1);
				const opts = { ...p, leafScale: -p.learningRate, features: treeFeatures, signal: ctx.signal };
				await growBoostTree(shards, m, k, opts, finder, best, tree);
				writer.add(tree);
				shards.finish(Float64Array.from(tree.value));
				if (vm && vMargin) for (let r = 0; r < vm.rows; r++) vMargin[r * T + k] += tree.value[tree.leafOf(vm, r)];
			}
			const point: CurvePoint = { step: round + 1, trainLoss: await shards.loss(lossStride) };
			if (valid && vMargin) point.validLoss = logloss(vMargin, valid.y, valid.weights, T);
			curve.push(point);
			ctx.progress({ fraction: (round + 1) / p.nEstimators, stage: P.round(round + 1, p.nEstimators), curve: point });
			const watched = point.validLoss ?? point.trainLoss;
			if (watched < bestRound.loss - 1e-12) bestRound = { round, loss: watched };
			if (valid && p.earlyStoppingRounds > 0 && round - bestRound.round >= p.earlyStoppingRounds) break;
			// The time budget ran out: keep the rounds grown so far (whole rounds, every class's tree).
			if (pastStopAt(ctx)) break;
		}
	} finally {
		await shards.close();
	}
	await tick();
	// Keep every tree unless early stopping was on: then the best round's.
	const stopping = valid && p.earlyStoppingRounds > 0;
	const bestIteration = stopping ? bestRound.round : curve.length - 1;
	return {
		kind: 'gbdt',
		version: 1,
		classes: [...classes],
		features,
		curve,
		treesPerRound: T,
		baseScore: base,
		bestIteration,
		trees: writer.finish((bestIteration + 1) * T)
	};
}

function initMargins(rows: number, base: number[]): Float64Array {
	const T = base.length;
	const margin = new Float64Array(rows * T);
	for (let r = 0; r < rows; r++) for (let k = 0; k < T; k++) margin[r * T + k] = base[k];
	return margin;
}

/** This round's rows (`inSample[r]` = 1), or null when every row is used. */
function sampleRows(n: number, rate: number, rng: () => number, inSample: Uint8Array): Uint8Array | null {
	if (rate >= 1) return null;
	for (let r = 0; r < n; r++) inSample[r] = rng() < rate ? 1 : 0;
	return inSample;
}

function sampleFeatures(all: Int32Array, rate: number, rng: () => number): Int32Array {
	if (rate >= 1) return all;
	const k = Math.max(1, Math.round(all.length * rate));
	const pool = Array.from(all);
	for (let i = 0; i < k; i++) {
		const j = i + Math.floor(rng() * (pool.length - i));
		[pool[i], pool[j]] = [pool[j], pool[i]];
	}
	return Int32Array.from(pool.slice(0, k)).sort();
}
