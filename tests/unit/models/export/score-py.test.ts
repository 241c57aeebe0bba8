/**
 * `models/export/score.py` on a bundle (features.json + model.xgboost.json)
 * of gbdt models fitted by the workbench: the raw test rows, as written in the
 * fixture files (categories as text, blanks missing, categories never seen in
 * training), score with the workbench's probabilities, classes and risk levels.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gbdtModel } from '../../../../models/gbdt';
import { buildDataset, buildFeatures, planFeatures, type RawColumn } from '../../../../models/shared';
import { pipelineSpec } from '../../../../models/export/pipeline-spec';
import { xgboostJsonText } from '../../../../models/export/xgboost-json';
import { loadTable } from '../../../../scripts/load-table';
import { findPython } from '../../../../scripts/ensure-python.mjs';
import { datasetPath } from '../../../shared/datasets';
import { parseCsv } from '../split-fixture';

const PYTHON = findPython();
const DECISION = { threshold: 0.35, riskMedium: 0.3, riskHigh: 0.6 };

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * A bundle and the input file for the test rows of `file`: every 11th row has `blank` cells
 * emptied and every 7th test row an `unseen` category, in the workbench's columns and in the
 * CSV text alike (the rest of the CSV is the fixture's own text).
 */
async function bundle(file: string, target: string, positive: string | null, blank: string[], unseen: string, idColumn: string | null) {
	const raw: RawColumn[] = await loadTable(datasetPath(file));
	const [header, ...cells] = parseCsv(readFileSync(datasetPath(file), 'utf8'));
	expect(cells.length).toBe(raw[0].values.length);
	const split = raw.find((c) => c.name === 'split')!.values as (string | null)[];
	const edit = (name: string, r: number, text: string) => {
		const column = raw.find((c) => c.name === name)!;
		column.values[r] = column.type === 'numeric' ? NaN : text === '' ? null : text;
		cells[r][header.indexOf(name)] = text;
	};
	for (const name of blank) for (let r = 0; r < cells.length; r += 11) edit(name, r, '');
	const rows = (s: string) => Int32Array.from(split.flatMap((v, r) => (v === s ? [r] : [])));
	const [trainRows, testRows] = [rows('train'), rows('test')];
	testRows.forEach((r, i) => i % 7 === 3 && edit(unseen, r, 'never seen in training'));

	const plan = planFeatures(raw, { target, positive, trainRows, exclude: ['split'] });
	const params = { ...gbdtModel.defaults, nEstimators: 60, maxDepth: 4, learningRate: 0.2 };
	const state = await gbdtModel.fit(buildDataset(raw, plan, trainRows), params, { seed: 1, progress: () => {}, signal: new AbortController().signal });
	const expected = await gbdtModel.predict(state, buildFeatures(raw, plan.features, testRows));

	const dir = mkdtempSync(join(tmpdir(), 'score-py-'));
	copyFileSync('models/export/score.py', join(dir, 'score.py'));
	writeFileSync(join(dir, 'model.xgboost.json'), xgboostJsonText(state));
	writeFileSync(join(dir, 'features.json'), JSON.stringify(pipelineSpec(state, { target, idColumn, decision: DECISION })));
	// The model's columns (shuffled, plus the target) and an id, as a data team's extract would have them.
	const names = [...plan.features.map((f) => f.name).reverse(), target];
	const lines = [[...(idColumn ? [idColumn] : []), ...names].map(quote).join(',')];
	testRows.forEach((r) => lines.push([...(idColumn ? [`C-${String(r).padStart(5, '0')}`] : []), ...names.map((n) => cells[r][header.indexOf(n)])].map(quote).join(',')));
	writeFileSync(join(dir, 'input.csv'), lines.join('\n') + '\n');
	return { dir, state, testRows, expected };
}

function score(dir: string, engine: 'pandas' | 'dask'): Record<string, string>[] {
	if (!PYTHON) throw new Error('No python3 with xgboost, pandas and dask: run `node scripts/ensure-python.mjs`.');
	execFileSync(PYTHON, [join(dir, 'score.py'), join(dir, 'input.csv'), join(dir, `out-${engine}.csv`), '--engine', engine], {
		stdio: ['ignore', 'inherit', 'inherit'],
		timeout: 120_000
	});
	const [header, ...rows] = parseCsv(readFileSync(join(dir, `out-${engine}.csv`), 'utf8'));
	return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

describe('score.py INPUT OUTPUT', () => {
	it('finds a python3 with xgboost, pandas and dask (scripts/ensure-python.mjs installs them)', () => {
		expect(PYTHON, 'No python3 imports xgboost, pandas and dask: run `node scripts/ensure-python.mjs`').not.toBeNull();
	});

	it.each([
		['wa_churn.split.csv', 'churn', 'Yes', ['contract', 'total_charges'], 'payment_method', 'customer_id', ['dask', 'pandas']],
		['credit_data.split.csv', 'Status', 'bad', ['Job', 'Income'], 'Home', null, ['dask']]
	] as const)('scores %s → %s (binary) like the workbench', async (file, target, positive, blank, unseen, idColumn, engines) => {
		const { dir, state, testRows, expected } = await bundle(file, target, positive, [...blank], unseen, idColumn);
		for (const engine of engines) {
			const out = score(dir, engine);
			expect(out.length).toBe(testRows.length);
			expect(Object.keys(out[0])).toEqual([idColumn ?? 'row', 'probability', 'predicted_class', 'risk_level']);
			let worst = 0;
			out.forEach((row, i) => {
				expect(row[idColumn ?? 'row']).toBe(idColumn ? `C-${String(testRows[i]).padStart(5, '0')}` : String(i));
				const p = Number(row.probability);
				const want = expected.probabilities[i * 2 + 1];
				worst = Math.max(worst, Math.abs(p - want));
				// The rules on the script's own probability; the workbench's agree away from the cut points.
				expect(row.predicted_class).toBe(p >= DECISION.threshold ? state.classes[1] : state.classes[0]);
				expect(row.risk_level).toBe(p >= DECISION.riskHigh ? 'High' : p >= DECISION.riskMedium ? 'Medium' : 'Low');
				if (Math.abs(want - DECISION.threshold) > 1e-5) expect(row.predicted_class).toBe(want >= DECISION.threshold ? state.classes[1] : state.classes[0]);
			});
			console.log(`${file} → ${target} (${engine}): max |probability difference| ${worst.toExponential(2)} over ${out.length} rows`);
			expect(worst).toBeLessThanOrEqual(1e-5);
		}
	}, 90_000);

	it('scores credit_data.split.csv → Home (multiclass) like the workbench with --engine dask', async () => {
		const { dir, state, testRows, expected } = await bundle('credit_data.split.csv', 'Home', null, ['Marital', 'Debt'], 'Job', 'customer_id');
		const out = score(dir, 'dask');
		const K = state.classes.length;
		expect(K).toBeGreaterThanOrEqual(3);
		expect(out.length).toBe(testRows.length);
		expect(Object.keys(out[0])).toEqual(['customer_id', 'probability', 'predicted_class', ...state.classes.map((c) => `probability_${c}`)]);
		let worst = 0;
		out.forEach((row, i) => {
			const want = Array.from(expected.probabilities.subarray(i * K, i * K + K));
			state.classes.forEach((c, k) => (worst = Math.max(worst, Math.abs(Number(row[`probability_${c}`]) - want[k]))));
			const best = want.indexOf(Math.max(...want));
			const second = Math.max(...want.filter((_, k) => k !== best));
			if (want[best] - second > 1e-5) expect(row.predicted_class).toBe(state.classes[best]);
			expect(Number(row.probability)).toBe(Number(row[`probability_${row.predicted_class}`]));
		});
		console.log(`credit_data.split.csv → Home (dask): max |probability difference| ${worst.toExponential(2)} over ${out.length} rows`);
		expect(worst).toBeLessThanOrEqual(1e-5);
	}, 90_000);

	it('stops with the missing column named', async () => {
		const { dir } = await bundle('wa_churn.split.csv', 'churn', 'Yes', [], 'contract', 'customer_id');
		const text = readFileSync(join(dir, 'input.csv'), 'utf8').replace(/^(.*?)tenure/, '$1tenure_months');
		writeFileSync(join(dir, 'input.csv'), text);
		expect(() => execFileSync(PYTHON!, [join(dir, 'score.py'), join(dir, 'input.csv'), join(dir, 'out.csv')], { stdio: 'pipe' })).toThrow(/no column 'tenure'/);
	}, 60_000);
});
