/**
 * The Chromium side of bench-gbdt-browser.mjs, bundled by it: draws the
 * synthetic task of `npm run bench -- gbdt` in the page, then fits boosted
 * trees on the page's thread alone or with the rows shared with Web Workers
 * running the workbench's helper thread (`/thread.js`), as the training
 * worker does. Exposed as `globalThis.benchGbdt`.
 */
import { MODELS } from '../models';
import { rocAuc, rowKernelAvailable } from '../models/shared';
import { features, makeClassification } from './bench-gbdt-data';
import { webThreads } from './bench-web-threads';

async function benchGbdt(rows: number, cols: number, trees: number, depth: number, workers: number) {
	const { X, y } = makeClassification(rows, cols, 0);
	const cut = Math.floor(rows * 0.8);
	const train = { X: features(X, 0, cut), y: y.slice(0, cut), classes: ['0', '1'] };
	const gbdt = MODELS.gbdt;
	// Workers counts the page's thread: it keeps one block of rows, the Web Workers the others.
	const threads = workers > 1 ? webThreads(workers) : undefined;
	const ctx = { seed: 0, progress: () => {}, signal: new AbortController().signal, threads };
	// Starting the Web Workers is not part of a fit.
	if (threads) await gbdt.fit({ ...train, X: features(X, 0, 2000), y: y.slice(0, 2000) }, { ...gbdt.defaults, nEstimators: 2 }, ctx);
	const start = performance.now();
	const state = await gbdt.fit(train, { ...gbdt.defaults, nEstimators: trees, maxDepth: depth }, ctx);
	const fitMs = performance.now() - start;
	threads?.stop();
	const probs = (await gbdt.predict(state, features(X, cut, rows))).probabilities;
	const scores = Float64Array.from({ length: rows - cut }, (_, r) => probs[r * 2 + 1]);
	return { fit_ms: Math.round(fitMs), auc: Number(rocAuc(Array.from(y.slice(cut)), scores).toFixed(4)), webassembly_kernel: rowKernelAvailable() };
}

(globalThis as unknown as { benchGbdt: typeof benchGbdt }).benchGbdt = benchGbdt;
