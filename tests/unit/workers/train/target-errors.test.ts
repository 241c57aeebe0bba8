import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackendName, BackendProbe } from '../../../../workers/train/api';
import { TrainEngine } from '../../../../workers/train/engine';
import { DEFAULT_TABULAR_REQUEST } from '../../../../models/auto/types';

const probe = (name: BackendName, available: boolean): BackendProbe => ({ name, available, hardware: false });
const engine = () => new TrainEngine({ tf, probe: async () => [probe('webgpu', false), probe('webgl', false), probe('wasm', true), probe('cpu', true)] });

beforeAll(() => {
	tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
});

const customers = (churn: (string | null)[]) =>
	tableToIPC(tableFromArrays({ tenure: Float64Array.from(churn, (_, i) => i), plan: churn.map((_, i) => (i % 2 ? 'a' : 'b')), churn }));

describe('trainTabular with a target the models cannot learn from', () => {
	it.each([
		['one class', ['No', 'No', 'No', 'No', 'No', 'No'], 'The target "churn" has only one value ("No") in the training rows: a model needs at least two classes to learn from.'],
		['every value missing', [null, null, null, null, null, null], 'The target "churn" is empty in every training row: a model needs at least two classes to learn from.']
	])('trainTabular(%s) says so, not "the WASM backend failed"', async (_, churn, message) => {
		const job = engine().trainTabular({ jobId: 'j1', table: { ipc: customers(churn) }, request: { ...DEFAULT_TABULAR_REQUEST, target: 'churn', budgetS: 1 } });
		await expect(job).rejects.toMatchObject({ name: 'TrainError', message });
	});
});
