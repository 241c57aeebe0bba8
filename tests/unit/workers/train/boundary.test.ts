/**
 * The engine behind a real Comlink boundary (Node's MessageChannel stands in
 * for the worker): what the main thread sees of progress, transfers and errors.
 */
import * as tf from '@tensorflow/tfjs';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import * as Comlink from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import type { TrainApi, TrainProgress } from '../../../../workers/train/api';
import { TrainEngine } from '../../../../workers/train/engine';

const channel = new MessageChannel();
Comlink.expose(
	new TrainEngine({ tf, probe: async () => [{ name: 'cpu', available: true, hardware: false }] }),
	channel.port1 as unknown as Comlink.Endpoint
);
const train = Comlink.wrap<TrainApi>(channel.port2 as unknown as Comlink.Endpoint);

afterAll(() => {
	train[Comlink.releaseProxy]();
	channel.port1.close();
});

describe('TrainApi across Comlink', () => {
	it('computeCheck(jobId, size, proxy(onProgress)) streams progress and resolves timings', async () => {
		const seen: TrainProgress[] = [];
		const timings = await train.computeCheck('b-1', 32, Comlink.proxy((p: TrainProgress) => void seen.push(p)));
		expect(timings).toHaveLength(1);
		expect(timings[0].ms).toBeGreaterThan(0);
		await expect.poll(() => seen.at(-1)?.stage).toBe('CPU: done');
	});

	it('cancel(jobId) makes the job reject with an Error named CancelledError', async () => {
		const job = train.computeCheck('b-2', 320);
		await train.cancel('b-2');
		const e = await job.then(
			() => null,
			(err: unknown) => err
		);
		expect(e).toBeInstanceOf(Error);
		expect((e as Error).name).toBe('CancelledError');
		expect((e as Error).message).toBe('Cancelled.');
	});

	it('receiveTable(transfer({ipc}, [buffer])) moves the bytes: the sender is left with a detached buffer', async () => {
		const ipc = tableToIPC(tableFromArrays({ accountId: Int32Array.from([1, 2]), plan: ['pro', 'free'] }));
		const byteLength = ipc.byteLength;
		const receipt = await train.receiveTable(Comlink.transfer({ ipc }, [ipc.buffer as ArrayBuffer]));
		expect(receipt).toEqual({ rowCount: 2, columns: ['accountId', 'plan'], byteLength });
		expect(ipc.byteLength).toBe(0);
	});

	it('receiveTable(bad bytes) rejects with the worker\'s user-worded message', async () => {
		const e = (await train.receiveTable({ ipc: new Uint8Array([9, 9]) }).catch((err: unknown) => err)) as Error;
		expect(e).toBeInstanceOf(Error);
		expect({ name: e.name, message: e.message }).toEqual({
			name: 'TrainError',
			message: 'The table could not be read as Arrow data: it has no columns.'
		});
	});
});
