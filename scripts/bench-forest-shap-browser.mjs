// Benchmark (not a test): forest TreeSHAP of the whole telco table (7,043 customers; default forest:
// 300 trees of depth 12) in headless Chromium, the rows shared between 2 Web Workers running the
// workbench's helper thread, and on the page's one thread for comparison. The page and the thread are
// bundled here with Vite and served from memory (no app build needed). Target: ≤ 10 s with 2 workers.
// Usage: npm run bench:forest-shap-browser [-- --workers 2 --trees 300 --depth 12]
import { tsImport } from 'tsx/esm/api';
import { bundleScript, numberArg, openBenchPage, withChromium } from './bench-browser.mjs';

const WORKERS = numberArg('workers', 2);
const TREES = numberArg('trees', 300);
const DEPTH = numberArg('depth', 12);


/** The telco table as the trainer builds it, in plain arrays. */
async function telco() {
	const { loadTable } = await tsImport('./load-table.ts', import.meta.url);
	const { buildDataset, planFeatures } = await tsImport('../models/shared/index.ts', import.meta.url);
	const raw = await loadTable('datasets/wa_churn.csv');
	const all = Int32Array.from({ length: raw[0].values.length }, (_, i) => i);
	const d = buildDataset(raw, planFeatures(raw, { target: 'churn', positive: null, trainRows: all }), all);
	const columns = d.X.columns.map((c) => (c.kind === 'numeric' ? { name: c.name, kind: c.kind, values: Array.from(c.values, (v) => (Number.isNaN(v) ? null : v)) } : { name: c.name, kind: c.kind, codes: Array.from(c.codes), levels: c.levels }));
	return { rows: d.X.rows, y: Array.from(d.y), classes: d.classes, columns };
}

const [page, thread, data] = await Promise.all([bundleScript('scripts/bench-forest-shap-page.ts', 'benchForestShapPage'), bundleScript('workers/train/thread.worker.ts', 'thread'), telco()]);
const runs = await withChromium(async (browser) => {
	const tab = await openBenchPage(browser, page, thread);
	const run = (workers) => tab.evaluate(([d, t, depth, w]) => globalThis.benchForestShap(d, t, depth, w), [data, TREES, DEPTH, workers]);
	return { threaded: await run(WORKERS), single: await run(1) };
});
const same = runs.threaded.first_row.every((v, i) => v === runs.single.first_row[i]);
console.log(
	JSON.stringify({
		bench: 'forest-shap-browser',
		rows: runs.threaded.rows,
		trees: TREES,
		depth: DEPTH,
		workers: WORKERS,
		chromium_fit_ms: runs.threaded.fit_ms,
		chromium_shap_ms: runs.threaded.shap_ms,
		chromium_shap_one_thread_ms: runs.single.shap_ms,
		speedup: Number((runs.single.shap_ms / runs.threaded.shap_ms).toFixed(2)),
		same_values: same,
		target_shap_ms: 10_000
	})
);
