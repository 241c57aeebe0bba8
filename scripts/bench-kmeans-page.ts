/**
 * The Chromium side of bench-kmeans-browser.mjs, bundled by it: TF.js on WASM (what the app
 * picks without a usable GPU; single-threaded, as the page is not cross-origin isolated) and
 * the same workload as the Node bench, exposed as `globalThis.benchKMeans(rows, workers)`;
 * with workers > 1, Lloyd's row passes are shared with Web Workers running the workbench's
 * helper thread (`/thread.js`), as the training worker does.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { runKMeansBench } from './bench-kmeans-workload';
import { webThreads } from './bench-web-threads';

async function benchKMeans(rows: number, workers: number) {
	setWasmPaths('/wasm/');
	tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
	if (!(await tf.setBackend('wasm'))) throw new Error('the WASM backend did not start');
	await tf.ready();
	const threads = workers > 1 ? webThreads(workers) : undefined;
	try {
		return { ...(await runKMeansBench(rows, tf.getBackend(), threads)), workers };
	} finally {
		threads?.stop();
	}
}

(globalThis as unknown as { benchKMeans: typeof benchKMeans }).benchKMeans = benchKMeans;
