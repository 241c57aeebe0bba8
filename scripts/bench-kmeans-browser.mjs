// Benchmark (not a test): k-means in headless Chromium on the WASM backend, on the same synthetic
// 1,000,000 × 16 table, k = 8, as `npm run bench:kmeans` (the workload, bench-kmeans-workload.ts, is
// shared): full Lloyd for 50 iterations and the default mini-batch path, on the page's thread alone
// and with Lloyd's row passes shared with Web Workers running the workbench's helper thread. The page
// and the thread are bundled here with Vite and served from memory, so no app build is needed. Also
// runs the Node bench (one thread) and prints the times side by side (skip it with --no-node).
// Target: Lloyd ≤ 10 s in Chromium.
// Usage: npm run bench:kmeans-browser [-- --rows 1000000 --workers 2 --no-node]
import { execFileSync } from 'node:child_process';
import { bundleScript, numberArg, openBenchPage, withChromium } from './bench-browser.mjs';

const ROWS = numberArg('rows', 1_000_000);
const WORKERS = numberArg('workers', 2);
const WASM_DIR = 'node_modules/@tensorflow/tfjs-backend-wasm/dist';

const [page, thread] = await Promise.all([bundleScript('scripts/bench-kmeans-page.ts', 'benchKMeansPage'), bundleScript('workers/train/thread.worker.ts', 'thread')]);
const { single, threaded } = await withChromium(async (browser) => {
	const tab = await openBenchPage(browser, page, thread, WASM_DIR);
	const run = (workers) => tab.evaluate(([rows, w]) => globalThis.benchKMeans(rows, w), [ROWS, workers]);
	return { single: await run(1), threaded: await run(WORKERS) };
});
const node = process.argv.includes('--no-node')
	? null
	: JSON.parse(execFileSync('npx', ['tsx', 'scripts/bench-kmeans.ts', String(ROWS)], { encoding: 'utf8' }).trim().split('\n').at(-1));
console.log(
	JSON.stringify({
		bench: 'kmeans-browser',
		backend: single.backend,
		rows: ROWS,
		cols: single.cols,
		k: single.k,
		workers: WORKERS,
		lloyd_iterations: single.lloyd_iterations,
		chromium_lloyd_ms: single.lloyd_ms,
		chromium_lloyd_workers_ms: threaded.lloyd_ms,
		node_lloyd_ms: node?.lloyd_ms ?? null,
		chromium_minibatch_ms: single.minibatch_ms,
		chromium_minibatch_workers_ms: threaded.minibatch_ms,
		node_minibatch_ms: node?.minibatch_ms ?? null,
		// The same model on one thread, on the workers and in Node.
		same_inertia: threaded.lloyd_inertia === single.lloyd_inertia && (node ? node.lloyd_inertia === single.lloyd_inertia : true),
		target_lloyd_ms: 10_000
	})
);
