/** TensorFlow.js in Node: the WASM backend when it starts (faster), else the plain CPU backend. */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

export async function useFastestNodeBackend(): Promise<string> {
	try {
		tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
		if (await tf.setBackend('wasm')) {
			await tf.ready();
			return 'wasm';
		}
	} catch {
		// Fall through to cpu.
	}
	await tf.setBackend('cpu');
	return 'cpu';
}
