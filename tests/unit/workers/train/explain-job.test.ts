/**
 * The reasons job of the churn cell as the training worker runs it: a blend of
 * a forest, a logistic regression and a neural network explained with the
 * reasons' sampling, with progress (time left) and a cancel that is honoured.
 */
import * as tf from '@tensorflow/tfjs';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackendName, BackendProbe, ExplainJob, TabularProgress } from '../../../../workers/train/api';
import { TrainEngine } from '../../../../workers/train/engine';
import { MODELS, type ModelState } from '../../../../models';
import { makeEnsemble } from '../../../../models/auto/ensemble';
import { encodeState } from '../../../../models/shared/state-json';
import type { CategoricalColumn, NumericColumn } from '../../../../models/types';
import { churnTable, context } from '../../models/explain/fixtures';
import { rejection } from '../../models/logistic/csv-fixture';

const probe = (name: BackendName, available: boolean): BackendProbe => ({ name, available, hardware: false });
const engine = new TrainEngine({ tf, probe: async () => [probe('webgpu', false), probe('webgl', false), probe('wasm', false), probe('cpu', true)] });
const data = churnTable(300, 3);
let job: Omit<ExplainJob, 'jobId' | 'table'>;

/** The fixture as the Arrow bytes the cell sends (categories as text, gaps as null). */
function tableBytes(): Uint8Array {
	const [tenure, charges, contract, noise] = data.X.columns as [NumericColumn, NumericColumn, CategoricalColumn, NumericColumn];
	return tableToIPC(
		tableFromArrays({
			tenure: tenure.values,
			charges: charges.values,
			contract: Array.from(contract.codes, (c) => (c < 0 ? null : contract.levels[c])),
			noise: noise.values
		})
	);
}

beforeAll(async () => {
	await tf.setBackend('cpu');
	await engine.init('cpu');
	const forest = await MODELS.forest.fit(data, { ...MODELS.forest.defaults, nEstimators: 10, maxDepth: 5 }, context());
	const logistic = await MODELS.logistic.fit(data, MODELS.logistic.defaults, context());
	const mlp = await MODELS.mlp.fit(data, { ...MODELS.mlp.defaults, hiddenLayers: [8], epochs: 3 }, context());
	const blend = makeEnsemble([
		{ kind: 'forest', state: forest as ModelState },
		{ kind: 'logistic', state: logistic as ModelState },
		{ kind: 'mlp', state: mlp as ModelState }
	]);
	job = { state: encodeState(blend), background: encodeState(data.X), rows: Array.from({ length: 40 }, (_, i) => i * 7), reasons: true, backgroundSize: 16, samples: 128 };
});

describe('TrainEngine.explain (the reasons job)', () => {
	it('explain(blend, reasons) gives up to three reasons per row and reports progress with time left', async () => {
		const progress: TabularProgress[] = [];
		const result = await engine.explain({ ...job, jobId: 'reasons-1', table: { ipc: tableBytes() } }, (p) => progress.push(p));
		expect(result.data.method).toBe('blend');
		expect(result.reasons).toHaveLength(40);
		for (const row of result.reasons!) {
			expect(row.length).toBeLessThanOrEqual(3);
			for (const reason of row) expect(reason).toMatch(/^(tenure|charges|contract|noise) = .+ \(\+[\d.]+ pts\)$/);
		}
		expect(progress.length).toBeGreaterThan(0);
		expect(progress.at(-1)!.fraction).toBe(1);
		expect(progress.some((p) => p.etaS !== undefined && p.etaS >= 0)).toBe(true);
	});

	it('cancel(jobId) while the reasons are computed rejects with CancelledError, and the engine explains again after', async () => {
		const running = engine.explain({ ...job, jobId: 'reasons-2', table: { ipc: tableBytes() } }, () => void engine.cancel('reasons-2'));
		const e = await rejection(running);
		expect({ name: e.name, message: e.message }).toEqual({ name: 'CancelledError', message: 'Cancelled.' });
		const again = await engine.explain({ ...job, rows: [0], jobId: 'reasons-3', table: { ipc: tableBytes() } });
		expect(again.reasons).toHaveLength(1);
	});
});
