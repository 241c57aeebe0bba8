/**
 * Forest TreeSHAP speed on the telco churn table (7,043 customers): fits the
 * catalogue's forest on every row, then explains rows with `explainShap`, on
 * one thread (the workbench splits rows across workers on top of this).
 *
 *   npx tsx scripts/bench-forest-shap.ts [--trees 300] [--depth 12] [--rows 7043] [--check 20] [--method linear] [--data file.csv] [--workers 2]
 *
 * Prints one JSON line: {rows, trees, depth, method, fit_ms, shap_ms, ms_per_1000_rows,
 * additivity_max_err, reference_max_diff}. `reference_max_diff` is the largest
 * |value − Algorithm 2's recursion| over the first `--check` rows (0 skips it):
 * a speed-up must not change the values. `--method` forces one of
 * `explainTrees`' algorithms (`linear`: the per-row Linear TreeSHAP deep forests
 * used before the subtree memo) instead of what `explainShap` picks.
 * `--workers N` shares the rows between N helper threads, as the workbench does.
 */
import { MODELS } from '../models';
import { additivityError, explainShap, explainTrees, TREE_METHODS, type ShapResult, type TreeMethod } from '../models/explain';
import { buildDataset, buildFeatures, planFeatures } from '../models/shared';
import { loadTable } from './load-table';
import { nodeThreads } from './node-threads';

const DATA = 'datasets/wa_churn.csv';
const TARGET = 'churn';

function arg(name: string, fallback: string): string {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}


async function main() {
	const trees = Number(arg('trees', '300'));
	const depth = Number(arg('depth', '12'));
	const check = Number(arg('check', '20'));
	const method = arg('method', 'auto');
	if (method !== 'auto' && !(TREE_METHODS as readonly string[]).includes(method)) throw new Error(`invalid method: ${method} (${TREE_METHODS.join(', ')})`);
	const raw = await loadTable(arg('data', DATA));
	const all = Int32Array.from({ length: raw[0].values.length }, (_, i) => i);
	const rows = Math.min(Number(arg('rows', String(all.length))), all.length);
	if (!(rows >= 1)) throw new Error(`invalid rows: ${arg('rows', '')}`);
	const plan = planFeatures(raw, { target: TARGET, positive: null, trainRows: all });
	const data = buildDataset(raw, plan, all);
	const forest = MODELS.forest;
	const ctx = { seed: 42, progress: () => {}, signal: new AbortController().signal };
	let start = performance.now();
	const state = await forest.fit(data, { ...forest.defaults, nEstimators: trees, maxDepth: depth }, ctx);
	const fitMs = performance.now() - start;
	const X = buildFeatures(raw, plan.features, all.subarray(0, rows));
	const workers = Number(arg('workers', '0'));
	const threads = workers > 0 ? nodeThreads(workers) : undefined;
	if (threads) await explainShap(state, buildFeatures(raw, plan.features, all.subarray(0, 400)), { threads }); // starts the threads (Node compiles their TypeScript first)
	start = performance.now();
	const shap = method === 'auto' ? await explainShap(state, X, { threads }) : await explainTrees(state, X, { method: method as TreeMethod });
	const shapMs = performance.now() - start;
	threads?.stop();
	let referenceDiff: number | null = null;
	if (check > 0) {
		const some = buildFeatures(raw, plan.features, all.subarray(0, Math.min(check, rows)));
		const reference = await explainTrees(state, some, { classIndex: shap.classIndex, recursive: true });
		referenceDiff = 0;
		for (let i = 0; i < reference.values.length; i++) referenceDiff = Math.max(referenceDiff, Math.abs(reference.values[i] - shap.values[i]));
	}
	console.log(
		JSON.stringify({
			rows,
			trees,
			depth,
			method,
			workers,
			fit_ms: Math.round(fitMs),
			shap_ms: Math.round(shapMs),
			ms_per_1000_rows: Math.round((shapMs * 1000) / rows),
			additivity_max_err: additivityError(shap),
			reference_max_diff: referenceDiff
		})
	);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
