/**
 * The Chromium side of bench-kmeans-browser.mjs, bundled by it: TF.js on WASM (what the app
 * picks without a usable GPU; single-threaded, as the page is not cross-origin isolated) and
 * the same workload as the Node bench, exposed as `globalThis.benchKMeans(rows)`.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { runKMeansBench } from './bench-kmeans-workload';

async function benchKMeans(rows: number) {
	setWasmPaths('/wasm/');
	tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
	if (!(await tf.setBackend('wasm'))) throw new Error('the WASM backend did not start');
	await tf.ready();
	return runKMeansBench(rows, tf.getBackend());
}

(globalThis as unknown as { benchKMeans: typeof benchKMeans }).benchKMeans = benchKMeans;
