// Benchmark (not a test): boosted trees in headless Chromium on the synthetic task of
// `npm run bench -- gbdt` (1,000,000 × 30, 100 trees of depth 6 by default), on the page's thread
// alone and with the rows shared with Web Workers running the workbench's helper thread, beside
// native XGBoost `hist` (Debian's python3-xgboost, when there) on the same rows with 1 and 2
// threads. The page and the thread are bundled here with Vite and served from memory (no app build).
// Usage: npm run bench:gbdt-browser [-- --rows 1000000 --cols 30 --trees 100 --depth 6 --workers 2]
import { tsImport } from 'tsx/esm/api';
import { bundleScript, numberArg, openBenchPage, withChromium } from './bench-browser.mjs';

const ROWS = numberArg('rows', 1_000_000);
const COLS = numberArg('cols', 30);
const TREES = numberArg('trees', 100);
const DEPTH = numberArg('depth', 6);
const WORKERS = numberArg('workers', 2);

const [page, thread] = await Promise.all([bundleScript('scripts/bench-gbdt-page.ts', 'benchGbdtPage'), bundleScript('workers/train/thread.worker.ts', 'thread')]);
const runs = await withChromium(async (browser) => {
	const tab = await openBenchPage(browser, page, thread);
	const run = (workers) => tab.evaluate(([r, c, t, d, w]) => globalThis.benchGbdt(r, c, t, d, w), [ROWS, COLS, TREES, DEPTH, workers]);
	return { single: await run(1), threaded: await run(WORKERS) };
});
const { makeClassification } = await tsImport('./bench-gbdt-data.ts', import.meta.url);
const { nativeXgboost } = await tsImport('./bench-native.ts', import.meta.url);
const { X, y } = makeClassification(ROWS, COLS, 0);
const native = nativeXgboost(X, y, Math.floor(ROWS * 0.8), { trees: TREES, depth: DEPTH, threads: [1, 2] });
const ratio = (ours, theirs) => (theirs ? Number((ours / theirs).toFixed(2)) : null);
console.log(
	JSON.stringify({
		bench: 'gbdt-browser',
		rows: ROWS,
		cols: COLS,
		trees: TREES,
		depth: DEPTH,
		workers: WORKERS,
		webassembly_kernel: runs.single.webassembly_kernel,
		chromium_one_thread_ms: runs.single.fit_ms,
		chromium_workers_ms: runs.threaded.fit_ms,
		auc: runs.threaded.auc,
		native,
		ratio_one_thread: ratio(runs.single.fit_ms, native?.[0].fit_ms),
		ratio_workers_to_native_2_threads: ratio(runs.threaded.fit_ms, native?.[1].fit_ms)
	})
);
