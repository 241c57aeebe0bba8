/**
 * The engine's environment inside the browser worker: real TF.js with every
 * backend registered, WASM files served by Vite from our own origin (no CDN:
 * the CSP allows 'self' only), and the browser probes.
 */
import * as tf from '@tensorflow/tfjs'; // registers webgl + cpu
import '@tensorflow/tfjs-backend-webgpu'; // registers webgpu
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm'; // registers wasm
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { probeBrowser } from './backends';
import type { TrainEnv } from './engine';
import { browserThreads } from './threads';

let configured = false;
let threads: TrainEnv['threads'];

/** Configures TF.js once and returns the environment for `new TrainEngine(...)`. */
export function browserEnv(): TrainEnv {
	if (!configured) {
		configured = true;
		setWasmPaths({
			'tfjs-backend-wasm.wasm': wasmUrl,
			'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
			'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl
		});
		// The threaded build hangs under cross-origin isolation with Vite (STACK.md);
		// we are not isolated anyway, so say so before setBackend('wasm') reads it.
		tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
	}
	threads ??= browserThreads();
	return { tf, probe: probeBrowser, threads };
}
