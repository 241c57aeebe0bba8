/**
 * The Chromium side of bench-forest-shap-browser.mjs, bundled by it: fits the
 * forest on the table it is given, then explains every customer with the
 * rows shared between `workers` Web Workers running the workbench's helper
 * thread (`/thread.js`), as the training worker does. Exposed as `globalThis.benchForestShap`.
 */
import { MODELS, type Dataset } from '../models';
import { explainShap } from '../models/explain';
import { webThreads } from './bench-web-threads';

/** A dataset as plain arrays (what page.evaluate can carry). */
export interface PlainDataset {
	rows: number;
	y: number[];
	classes: string[];
	columns: ({ name: string; kind: 'numeric'; values: number[] } | { name: string; kind: 'categorical'; codes: number[]; levels: string[] })[];
}

function dataset(d: PlainDataset): Dataset {
	return {
		X: {
			rows: d.rows,
			columns: d.columns.map((c) => (c.kind === 'numeric' ? { ...c, values: Float64Array.from(c.values, (v) => v ?? NaN) } : { ...c, codes: Int32Array.from(c.codes) }))
		},
		y: Int32Array.from(d.y),
		classes: d.classes
	};
}

async function benchForestShap(plain: PlainDataset, trees: number, depth: number, workers: number) {
	const data = dataset(plain);
	const ctx = { seed: 42, progress: () => {}, signal: new AbortController().signal };
	let start = performance.now();
	const state = await MODELS.forest.fit(data, { ...MODELS.forest.defaults, nEstimators: trees, maxDepth: depth }, ctx);
	const fitMs = performance.now() - start;
	const threads = workers > 1 ? webThreads(workers) : undefined;
	start = performance.now();
	const shap = await explainShap(state, data.X, { threads });
	const shapMs = performance.now() - start;
	threads?.stop();
	return { rows: shap.rows, fit_ms: Math.round(fitMs), shap_ms: Math.round(shapMs), first_row: Array.from(shap.values.subarray(0, shap.features.length)) };
}

(globalThis as unknown as { benchForestShap: typeof benchForestShap }).benchForestShap = benchForestShap;
