// Benchmark (not a test): forest TreeSHAP of the whole telco table (7,043 customers; default forest:
// 300 trees of depth 12) in headless Chromium, the rows shared between 2 Web Workers running the
// workbench's helper thread, and on the page's one thread for comparison. The page and the thread are
// bundled here with Vite and served from memory (no app build needed). Target: ≤ 10 s with 2 workers.
// Usage: npm run bench:forest-shap-browser [-- --workers 2 --trees 300 --depth 12]
import { build } from 'vite';
import { tsImport } from 'tsx/esm/api';
import { withChromium } from './bench-browser.mjs';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const WORKERS = arg('workers', 2);
const TREES = arg('trees', 300);
const DEPTH = arg('depth', 12);
const ORIGIN = 'http://bench.localhost';

/** One entry as a single classic script (the page) or module-free worker script (the thread). */
async function bundle(entry, name) {
	const out = await build({ configFile: false, logLevel: 'error', build: { write: false, minify: false, lib: { entry, formats: ['iife'], name, fileName: name } } });
	return [out].flat()[0].output[0].code;
}

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

const [page, thread, data] = await Promise.all([bundle('scripts/bench-forest-shap-page.ts', 'benchForestShapPage'), bundle('workers/train/thread.worker.ts', 'thread'), telco()]);
const runs = await withChromium(async (browser) => {
	const tab = await browser.newPage();
	// Everything comes from memory: the page never touches the network.
	await tab.route(`${ORIGIN}/**`, (route) => {
		const { pathname } = new URL(route.request().url());
		if (pathname === '/page.js') return route.fulfill({ contentType: 'text/javascript', body: page });
		if (pathname === '/thread.js') return route.fulfill({ contentType: 'text/javascript', body: thread });
		return route.fulfill({ contentType: 'text/html', body: '<!doctype html><script src="/page.js"></script>' });
	});
	await tab.goto(`${ORIGIN}/`);
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
