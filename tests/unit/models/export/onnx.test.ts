/**
 * ONNX export: ONNX Runtime (onnxruntime-web's wasm build, in Node) scores
 * every tabular kind, and the automatic mode's blend, from raw table columns
 * with the workbench's own probabilities to 1e-5, on the test rows of two
 * churn tables and a multiclass target; missing values and unseen categories
 * take the same paths; every file passes the ONNX checker (Debian's
 * python3-onnx, installed by `scripts/ensure-python.mjs`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TABULAR_REQUEST, makeEnsemble, predictAny, splitRows, targetCodes, trainTabular, type TabularKind, type TabularRequest } from '../../../../models/auto';
import { TABULAR_KINDS } from '../../../../models/catalog';
import { exportOnnx, onnxInputNames } from '../../../../models/export';
import { buildFeatures, decodeState, textAt, type RawColumn } from '../../../../models/shared';
import type { ModelState } from '../../../../models/types';
import { loadTable } from '../../../../scripts/load-table';
import { datasetPath } from '../../../shared/datasets';
import { findPython } from '../../../../scripts/ensure-python.mjs';

const TOLERANCE = 1e-5;
const files: string[] = [];
const folder = mkdtempSync(join(tmpdir(), 'onnx-'));

/** ONNX Runtime's probabilities for `rows` of `raw`: numbers as doubles, text as strings ("" = missing). */
async function scoreWithRuntime(bytes: Uint8Array, state: ModelState, raw: RawColumn[], rows: Int32Array): Promise<Float32Array> {
	const session = await ort.InferenceSession.create(bytes);
	const names = onnxInputNames(state.features.map((f) => f.name));
	const feeds: Record<string, ort.Tensor> = {};
	state.features.forEach((f, i) => {
		const column = raw.find((c) => c.name === f.name)!;
		feeds[names[i]] =
			column.type === 'numeric'
				? new ort.Tensor('float64', Float64Array.from(rows, (r) => column.values[r]), [rows.length, 1])
				: new ort.Tensor('string', Array.from(rows, (r) => textAt(column, r) ?? ''), [rows.length, 1]);
	});
	const out = await session.run(feeds);
	return out.probabilities.data as Float32Array;
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
	expect(a.length).toBe(b.length);
	let worst = 0;
	for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
	return worst;
}

/** The same rows with holes: every 7th value missing, every 5th category one training never saw. */
function withGaps(raw: RawColumn[]): RawColumn[] {
	return raw.map((c) =>
		c.type === 'numeric'
			? { ...c, values: c.values.map((v, r) => (r % 7 === 3 ? NaN : v)) }
			: { ...c, values: c.values.map((v, r) => (r % 7 === 3 ? null : r % 5 === 1 ? 'never seen in training' : v)) }
	);
}

const TABLES = [
	{ file: 'wa_churn.split.csv', target: 'churn', positive: 'Yes' },
	{ file: 'credit_data.split.csv', target: 'Status', positive: 'bad' },
	// Multiclass, as the segment-prediction cell trains: softmax heads and per-class forest leaves.
	{ file: 'wa_churn.split.csv', target: 'payment_method', positive: null }
];

describe.each(TABLES)('$file → $target', ({ file, target, positive }) => {
	let raw: RawColumn[];
	let request: TabularRequest;
	let rows: Int32Array;
	const states = new Map<TabularKind, ModelState>();

	beforeAll(async () => {
		raw = await loadTable(datasetPath(file));
		request = { ...DEFAULT_TABULAR_REQUEST, target, positive, splitColumn: 'split', budgetS: 2, cvFolds: 2 };
		rows = splitRows(raw, request, targetCodes(raw, request)).test;
	}, 60_000);

	it.each(TABULAR_KINDS)('%s: the workbench’s test probabilities to 1e-5, gaps and unseen categories too', async (kind) => {
		const result = await trainTabular(raw, { ...request, mode: kind }, { progress: () => undefined, signal: new AbortController().signal });
		const state = decodeState<ModelState>(result.models[kind]!.state);
		states.set(kind, state);
		const bytes = exportOnnx(state, { label: kind, target });
		const path = join(folder, `${target}-${kind}.onnx`);
		writeFileSync(path, bytes);
		files.push(path);
		const plain = maxDifference(await scoreWithRuntime(bytes, state, raw, rows), result.models[kind]!.testProbabilities);
		const gaps = withGaps(raw);
		const own = await predictAny(state, buildFeatures(gaps, state.features, rows));
		const holes = maxDifference(await scoreWithRuntime(bytes, state, gaps, rows), own.probabilities);
		console.log(`ONNX ${file} → ${target}, ${kind}: max |Δ| ${plain.toExponential(1)}, with gaps ${holes.toExponential(1)} (${(bytes.length / 1024).toFixed(0)} kB)`);
		expect(plain).toBeLessThanOrEqual(TOLERANCE);
		expect(holes).toBeLessThanOrEqual(TOLERANCE);
	}, 60_000);

	it('a blend of boosted trees and logistic regression: the geometric mean of its members', async () => {
		const blend = makeEnsemble([{ kind: 'gbdt', state: states.get('gbdt')! }, { kind: 'logistic', state: states.get('logistic')! }]);
		const bytes = exportOnnx(blend, { label: 'blend', target });
		const path = join(folder, `${target}-blend.onnx`);
		writeFileSync(path, bytes);
		files.push(path);
		const own = await predictAny(blend, buildFeatures(raw, blend.features, rows));
		const worst = maxDifference(await scoreWithRuntime(bytes, blend, raw, rows), own.probabilities);
		console.log(`ONNX ${file} → ${target}, blend: max |Δ| ${worst.toExponential(1)}`);
		expect(worst).toBeLessThanOrEqual(TOLERANCE);
	});
});

it('every exported file passes the ONNX checker, shapes and types included', () => {
	expect(files.length).toBe(TABLES.length * (TABULAR_KINDS.length + 1));
	const check = `import onnx, sys\nfor f in sys.argv[1:]:\n    onnx.checker.check_model(onnx.load(f), full_check=True)\nprint(len(sys.argv) - 1, "checked")`;
	const python = findPython();
	if (!python) throw new Error('No Python 3 with onnx: run node scripts/ensure-python.mjs.');
	expect(execFileSync(python, ['-c', check, ...files], { encoding: 'utf8' }).trim()).toBe(`${files.length} checked`);
});
