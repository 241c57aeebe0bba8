/**
 * Speed / quality bench of the tree learners on a synthetic binary task like
 * scikit-learn's make_classification (10 informative + 10 redundant + noise
 * features, 2 clusters per class, 1 % flipped labels, seed 0).
 *
 *   npx tsx scripts/bench.ts gbdt --rows 1000000 --cols 30 --trees 100 --depth 6
 *   npx tsx scripts/bench.ts forest --rows 100000 --cols 30 --trees 100 --depth 12
 *   npx tsx scripts/bench.ts treeshap --rows 10000 --cols 20 --trees 100 --depth 6
 *
 * `treeshap` fits boosted trees on the synthetic rows, explains every row with
 * exact TreeSHAP and prints {rows, cols, trees, depth, shap_ms, additivity_max_err}.
 *
 * Prints one JSON line: {rows, cols, trees, depth, fit_ms, auc, peak_rss_mb}
 * (auc on a 20 % holdout). For `gbdt`, native XGBoost `hist` fits the same rows
 * in the same run when Debian's python3-xgboost is there (bench-native.ts), with 1
 * and 2 threads: `native` lists them and `ratio_1_thread` / `ratio_2_threads`
 * are our fit time over theirs (below 1: we are faster). `--repeats N` takes
 * the fastest of N fits on both sides (default 1; a shared machine's load
 * varies between fits); `--native-repeats N` sets theirs alone.
 */
import { rocAuc } from '../models/shared';
import { MODELS, modelOf, type Dataset } from '../models';
import { TABULAR_KINDS, MODEL_CATALOG } from '../models/catalog';
import { additivityError, explainShap } from '../models/explain';
import { nativeXgboost } from './bench-native';
import { nodeThreads } from './node-threads';
import { features, makeClassification } from './bench-gbdt-data';

function arg(name: string, fallback: number): number {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** TreeSHAP of every row of the synthetic task with a boosted ensemble of the given size. */
async function benchTreeShap(rows: number, cols: number, trees: number, depth: number) {
	const { X, y } = makeClassification(rows, cols, 0);
	const data: Dataset = { X: features(X, 0, rows), y, classes: ['0', '1'] };
	const ctx = { seed: 0, progress: () => {}, signal: new AbortController().signal };
	const gbdt = MODELS.gbdt;
	const state = await gbdt.fit(data, { ...gbdt.defaults, nEstimators: trees, maxDepth: depth }, ctx);
	const start = performance.now();
	const shap = await explainShap(state, data.X, {});
	const shapMs = performance.now() - start;
	console.log(JSON.stringify({ rows, cols, trees, depth, shap_ms: Math.round(shapMs), additivity_max_err: additivityError(shap) }));
}

async function main() {
	const model = process.argv[2] ?? 'gbdt';
	if (model === 'treeshap') return benchTreeShap(arg('rows', 10_000), arg('cols', 20), arg('trees', 100), arg('depth', 6));
	const rows = arg('rows', 1_000_000);
	const cols = arg('cols', 30);
	const trees = arg('trees', 100);
	const depth = arg('depth', model === 'forest' ? 12 : 6);
	const { X, y } = makeClassification(rows, cols, 0);
	const cut = Math.floor(rows * 0.8);
	const train: Dataset = { X: features(X, 0, cut), y: y.slice(0, cut), classes: ['0', '1'] };
	const test = features(X, cut, rows);
	// --workers N: the rows spread over N helper threads (as the browser's Web Workers); absent: this thread only.
	const workers = arg('workers', 0);
	const threads = workers > 0 ? nodeThreads(workers) : undefined;
	const ctx = { seed: 0, progress: () => {}, signal: new AbortController().signal, threads };
	// The tree learners of the catalogue (those explained by exact TreeSHAP).
	const treeKinds: string[] = TABULAR_KINDS.filter((k) => MODEL_CATALOG[k].shap === 'tree');
	if (!treeKinds.includes(model)) throw new Error(`invalid model: ${model} (${treeKinds.join(' or ')})`);
	const learner = modelOf(model);
	// Node starts a helper thread by compiling its TypeScript (a second or so, ~50 ms in the browser): not part of a fit.
	if (threads) await learner.fit({ ...train, X: features(X, 0, 2000), y: y.slice(0, 2000) }, { ...learner.defaults, nEstimators: 2 }, ctx);
	const repeats = Math.max(1, arg('repeats', 1));
	let fitMs = Infinity;
	let state!: Awaited<ReturnType<typeof learner.fit>>;
	for (let i = 0; i < repeats; i++) {
		const start = performance.now();
		state = await learner.fit(train, { ...learner.defaults, nEstimators: trees, maxDepth: depth }, ctx);
		fitMs = Math.min(fitMs, performance.now() - start);
	}
	threads?.stop();
	const probs = (await learner.predict(state, test)).probabilities;
	const p1 = new Float64Array(rows - cut);
	for (let r = 0; r < p1.length; r++) p1[r] = probs[r * 2 + 1];
	const result = {
		rows,
		cols,
		trees,
		depth,
		workers,
		repeats,
		fit_ms: Math.round(fitMs),
		auc: Number(rocAuc(Array.from(y.slice(cut)), p1).toFixed(4)),
		peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024)
	};
	const native = model === 'gbdt' ? nativeXgboost(X, y, cut, { trees, depth, threads: [1, 2], repeats: Math.max(1, arg('native-repeats', repeats)) }) : null;
	const ratios = native ? { ratio_1_thread: Number((fitMs / native[0].fit_ms).toFixed(2)), ratio_2_threads: Number((fitMs / native[1].fit_ms).toFixed(2)) } : {};
	console.log(JSON.stringify({ ...result, ...(native ? { native } : {}), ...ratios }));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
