import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm'; // registers 'wasm'; it runs in Node too
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackendName, BackendProbe, TrainProgress } from '../../../../workers/train/api';
import { TrainEngine, type Tf } from '../../../../workers/train/engine';
import { toUserError } from '../../../../workers/train/errors';

const probe = (name: BackendName, available: boolean, hardware = false): BackendProbe => ({ name, available, hardware });
/** What Node offers: no GPU, WASM and CPU. */
const NODE_PROBES = [probe('webgpu', false), probe('webgl', false), probe('wasm', true), probe('cpu', true)];

const engineWith = (probes: BackendProbe[] = NODE_PROBES, tfImpl: Tf = tf) =>
	new TrainEngine({ tf: tfImpl, probe: async () => probes.map((p) => ({ ...p })) });

/** Runs `fn` and returns what it rejected with. */
async function rejection(p: Promise<unknown>): Promise<Error> {
	try {
		await p;
	} catch (e) {
		return e as Error;
	}
	throw new Error('expected a rejection');
}

beforeAll(() => {
	tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
});

describe('TrainEngine backends', () => {
	it('init() picks WASM when no GPU backend is usable', async () => {
		const status = await engineWith().init();
		expect(status).toMatchObject({ active: 'wasm', overridden: false });
		expect(tf.getBackend()).toBe('wasm');
	});

	it('init("cpu") honours the override', async () => {
		const status = await engineWith().init('cpu');
		expect(status).toMatchObject({ active: 'cpu', overridden: true });
		expect(tf.getBackend()).toBe('cpu');
	});

	it('init() falls back with a note when the chosen backend fails to start', async () => {
		// Node has no 'webgpu' registered, so setBackend('webgpu') throws.
		const status = await engineWith([probe('webgpu', true, true), probe('wasm', true), probe('cpu', true)]).init();
		expect(status.active).toBe('wasm');
		expect(status.note).toMatch(/^WebGPU failed to start .*; using WASM instead\.$/);
		expect(status.probes.find((p) => p.name === 'webgpu')).toMatchObject({ available: false });
	});

	it('setBackend("webgl") keeps a usable backend and says why when WebGL is unavailable', async () => {
		const engine = engineWith();
		await engine.setBackend('cpu');
		const status = await engine.setBackend('webgl');
		expect(status).toMatchObject({ active: 'wasm', overridden: false, note: 'WebGL is not available here; using WASM instead.' });
		expect((await engine.setBackend('auto')).note).toBeUndefined();
	});
});

describe('TrainEngine.computeCheck', () => {
	it('computeCheck(jobId, 64) times every available backend, leaks no tensors and restores the backend', async () => {
		const engine = engineWith();
		await engine.init('cpu');
		const baseline = tf.memory().numTensors;
		const progress: TrainProgress[] = [];
		const timings = await engine.computeCheck('check-1', 64, (p) => progress.push(p));
		expect(timings.map((t) => t.backend)).toEqual(['wasm', 'cpu']);
		for (const t of timings) {
			expect(t).toMatchObject({ size: 64 });
			expect(t.error).toBeUndefined();
			expect(t.ms).toBeGreaterThan(0);
			expect(t.gflops).toBeGreaterThan(0);
		}
		expect(tf.memory().numTensors).toBe(baseline);
		expect(tf.getBackend()).toBe('cpu');
		await new Promise((r) => setTimeout(r, 0)); // progress is reported asynchronously
		expect(progress.map((p) => p.stage)).toContain('WASM: done');
		expect(progress.at(-1)).toMatchObject({ jobId: 'check-1', stage: 'CPU: done', fraction: 1 });
	});

	it('computeCheck(jobId, size) reports a failing backend in its row without failing the check', async () => {
		const flaky: Tf = {
			...tf,
			matMul: ((a, b) => {
				if (tf.getBackend() === 'wasm') throw new Error('out of memory');
				return tf.matMul(a, b);
			}) as Tf['matMul']
		};
		const engine = engineWith(NODE_PROBES, flaky);
		await engine.init();
		const baseline = tf.memory().numTensors;
		const timings = await engine.computeCheck('check-2', 32);
		expect(timings[0]).toEqual({ backend: 'wasm', size: 32, ms: null, gflops: null, error: 'out of memory' });
		expect(timings[1].ms).toBeGreaterThan(0);
		expect(tf.memory().numTensors).toBe(baseline);
	});

	it('computeCheck(jobId, 0) rejects with a worded error', async () => {
		const e = await rejection(engineWith().computeCheck('check-3', 0));
		expect(e.message).toBe('invalid size: 0');
	});

	it('cancel(jobId) during a long job rejects it with CancelledError and cleans up', async () => {
		const engine = engineWith([probe('cpu', true)]);
		await engine.init();
		const baseline = tf.memory().numTensors;
		// The cancel arrives as a later task (like a worker message): the job must yield
		// to the event loop between steps to see it, even on cpu where data() never waits.
		const job = engine.computeCheck('long-1', 320);
		setTimeout(() => void engine.cancel('long-1'), 0);
		const e = await rejection(job);
		expect(e).toBeInstanceOf(Error);
		expect({ name: e.name, message: e.message }).toEqual({ name: 'CancelledError', message: 'Cancelled.' });
		expect(tf.memory().numTensors).toBe(baseline);
		expect(tf.getBackend()).toBe('cpu');
	});

	it('cancel(jobId) from a progress callback stops the job before its next step', async () => {
		const engine = engineWith();
		const stages: string[] = [];
		const job = engine.computeCheck('long-2', 64, (p) => {
			stages.push(p.stage);
			void engine.cancel('long-2');
		});
		expect((await rejection(job)).name).toBe('CancelledError');
		expect(stages).toEqual(['WASM: run 1 of 4']);
	});

	it('cancel(jobId) before the job arrives still cancels it', async () => {
		const engine = engineWith();
		await engine.cancel('early-1');
		expect((await rejection(engine.computeCheck('early-1', 16))).name).toBe('CancelledError');
		// The id is spent: a later job with it runs normally.
		expect(await engine.computeCheck('early-1', 8)).toHaveLength(2);
	});
});

describe('TrainEngine.receiveTable', () => {
	it('receiveTable({ipc}) reports rows, columns and bytes of an Arrow table', async () => {
		const ipc = tableToIPC(
			tableFromArrays({
				accountId: Int32Array.from([101, 102, 103]),
				churnRate: Float64Array.from([0.1, 0.25, 0.05]),
				region: ['north', 'south', 'north']
			})
		);
		const receipt = await engineWith().receiveTable({ ipc });
		expect(receipt).toEqual({ rowCount: 3, columns: ['accountId', 'churnRate', 'region'], byteLength: ipc.byteLength });
	});

	it('receiveTable({ipc: garbage}) rejects with a worded error', async () => {
		const e = await rejection(engineWith().receiveTable({ ipc: new Uint8Array([1, 2, 3, 4]) }));
		expect(e.message).toMatch(/^The table could not be read as Arrow data: /);
	});
});

describe('errors', () => {
	it('toUserError(error, "webgpu") words it for users as a plain, cloneable Error', () => {
		const e = toUserError(new TypeError('device lost.'), 'webgpu');
		expect(Object.getPrototypeOf(e)).toBe(Error.prototype);
		expect(e.message).toBe('The WebGPU backend failed: device lost. Switch to WASM in the status bar.');
		expect(structuredClone({ name: e.name, message: e.message })).toEqual({ name: 'TrainError', message: e.message });
		expect(structuredClone(e).message).toBe(e.message);
	});
});
