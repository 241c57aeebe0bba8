/**
 * `xgboostJson` against the real XGBoost (Debian's 1.7.4, found by
 * `scripts/ensure-python.mjs`): gbdt models fitted by the workbench on the
 * fixture tables, with categorical columns, missing values and categories
 * never seen in training, give the same margins in XGBoost as `predictMargins`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gbdtModel, predictMargins, type GbdtState } from '../../../../models/gbdt';
import { buildDataset, buildFeatures, planFeatures, type RawColumn } from '../../../../models/shared';
import { xgboostJson, xgboostJsonText } from '../../../../models/export/xgboost-json';
import { loadTable } from '../../../../scripts/load-table';
import { findPython } from '../../../../scripts/ensure-python.mjs';
import { datasetPath } from '../../../shared/datasets';

const PYTHON = findPython();

/** Test rows of a `*.split.csv` with some cells blanked and some categories never seen in training. */
async function fitted(file: string, target: string, positive: string | null, blank: string[], unseen: string) {
	const raw: RawColumn[] = await loadTable(datasetPath(file));
	const split = raw.find((c) => c.name === 'split')!.values as (string | null)[];
	for (const name of blank) {
		const column = raw.find((c) => c.name === name)!;
		for (let r = 0; r < split.length; r += 11) column.values[r] = column.type === 'numeric' ? NaN : null;
	}
	const rows = (s: string) => Int32Array.from(split.flatMap((v, r) => (v === s ? [r] : [])));
	const [trainRows, testRows] = [rows('train'), rows('test')];
	const seen = raw.find((c) => c.name === unseen)!.values as (string | null)[];
	testRows.forEach((r, i) => i % 7 === 3 && (seen[r] = 'never seen in training'));
	const plan = planFeatures(raw, { target, positive, trainRows, exclude: ['split'] });
	const params = { ...gbdtModel.defaults, nEstimators: 60, maxDepth: 4, learningRate: 0.2 };
	const state = await gbdtModel.fit(buildDataset(raw, plan, trainRows), params, { seed: 1, progress: () => {}, signal: new AbortController().signal });
	return { raw, state, testRows, X: buildFeatures(raw, plan.features, testRows) };
}

/** XGBoost's margins for the test rows (categories as a pandas category dtype with exactly the levels). */
function xgboostMargins(modelText: string, state: GbdtState, raw: RawColumn[], testRows: Int32Array): number[][] {
	if (!PYTHON) throw new Error('No python3 with xgboost, pandas and dask: run `node scripts/ensure-python.mjs`.');
	const dir = mkdtempSync(join(tmpdir(), 'xgb-json-'));
	writeFileSync(join(dir, 'model.json'), modelText);
	const columns = state.features.map((f) => {
		const column = raw.find((c) => c.name === f.name)!;
		const values = Array.from(testRows, (r) => (column.type === 'numeric' ? (Number.isNaN(column.values[r]) ? null : column.values[r]) : column.values[r]));
		return { name: f.name, kind: f.kind, levels: f.levels ?? null, values };
	});
	writeFileSync(join(dir, 'columns.json'), JSON.stringify(columns));
	const script = `
import json, sys, numpy as np, pandas as pd, xgboost as xgb
d = sys.argv[1]
columns = json.load(open(d + '/columns.json'))
booster = xgb.Booster(model_file=d + '/model.json')
frame = pd.DataFrame({c['name']: pd.Categorical(c['values'], categories=c['levels']) if c['kind'] == 'categorical'
                      else np.array([np.nan if v is None else v for v in c['values']], dtype='float64') for c in columns})
frame.columns = booster.feature_names
m = booster.predict(xgb.DMatrix(frame, enable_categorical=True), output_margin=True)
json.dump(np.asarray(m, dtype='float64').reshape(len(frame), -1).tolist(), open(d + '/margins.json', 'w'))
`;
	execFileSync(PYTHON, ['-c', script, dir], { stdio: ['ignore', 'inherit', 'inherit'] });
	return JSON.parse(readFileSync(join(dir, 'margins.json'), 'utf8'));
}

function maxDifference(state: GbdtState, X: Parameters<typeof predictMargins>[1], margins: number[][]): number {
	const want = predictMargins(state, X);
	const K = state.treesPerRound;
	expect(margins.length).toBe(X.rows);
	let worst = 0;
	margins.forEach((row, r) => {
		expect(row.length).toBe(K);
		row.forEach((m, k) => (worst = Math.max(worst, Math.abs(m - want[r * K + k]))));
	});
	return worst;
}

describe('xgboostJson(state)', () => {
	it('finds a python3 with xgboost (scripts/ensure-python.mjs installs it)', () => {
		expect(PYTHON, 'No python3 imports xgboost, pandas and dask: run `node scripts/ensure-python.mjs`').not.toBeNull();
	});

	it.each([
		['wa_churn.split.csv', 'churn', 'Yes', ['contract', 'tenure', 'payment_method'], 'internet_service'],
		['credit_data.split.csv', 'Status', 'bad', ['Job', 'Seniority'], 'Home'],
		['credit_data.split.csv', 'Home', null, ['Marital', 'Income'], 'Job']
	] as const)('loads in XGBoost and gives predictMargins on %s → %s', async (file, target, positive, blank, unseen) => {
		const { raw, state, testRows, X } = await fitted(file, target, positive, [...blank], unseen);
		expect(state.trees.catCount.some((n, i) => n > 0 && state.trees.feature[i] >= 0)).toBe(true); // categorical splits are tested
		const text = xgboostJsonText(state);
		const fromText = maxDifference(state, X, xgboostMargins(text, state, raw, testRows));
		const fromObject = maxDifference(state, X, xgboostMargins(JSON.stringify(xgboostJson(state)), state, raw, testRows));
		console.log(`${file} → ${target}: ${state.treesPerRound} output(s), max |margin difference| ${fromText.toExponential(2)} (text), ${fromObject.toExponential(2)} (object)`);
		expect(fromText).toBeLessThanOrEqual(1e-5);
		expect(fromObject).toBeLessThanOrEqual(1e-5);
	}, 60_000);

	it('writes every float with a decimal point or an exponent (XGBoost refuses integers there)', async () => {
		const { state } = await fitted('wa_churn.split.csv', 'churn', 'Yes', [], 'contract');
		const text = xgboostJsonText(state);
		expect(text).toMatch(/"loss_changes":\[[^\]]*\b0\.0\b/);
		const model = JSON.parse(text).learner;
		expect(model.objective.name).toBe('binary:logistic');
		expect(Number(model.learner_model_param.base_score)).toBeCloseTo(1 / (1 + Math.exp(-state.baseScore[0])), 6);
	}, 60_000);
});
