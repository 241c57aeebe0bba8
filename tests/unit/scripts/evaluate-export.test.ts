/**
 * The data team's path, end to end: `npm run evaluate -- churn … --export-dir`
 * writes the bundle and predictions.csv; native DuckDB runs pipeline.sql on
 * the raw file and builds the model's table; `score.py --engine dask` (a
 * dask.distributed LocalCluster, Debian's python3-dask and python3-xgboost)
 * scores the raw test rows and reproduces predictions.csv to 1e-5.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, expect, it } from 'vitest';
import { findPython } from '../../../scripts/ensure-python.mjs';
import { datasetPath } from '../../shared/datasets';

const dir = mkdtempSync(join(tmpdir(), 'export-'));
const DATA = datasetPath('wa_churn.split.csv');

/** A CSV's data lines (no header), split on commas: the fixed datasets have no quoted commas. */
const lines = (text: string) => text.trim().split(/\r?\n/).slice(1);

beforeAll(() => {
	const args = ['tsx', 'scripts/evaluate.ts', 'churn', '--data', DATA, '--target', 'churn', '--positive', 'Yes', '--split-column', 'split', '--models', 'gbdt', '--budget-s', '4', '--export-dir', dir];
	const printed = execFileSync('npx', args, { encoding: 'utf8' });
	expect(JSON.parse(printed.trim().split('\n').at(-1)!).auc).toBeGreaterThan(0.8);
}, 120_000);

it('writes the bundle and the test rows’ probabilities', () => {
	for (const file of ['model.onnx', 'model.xgboost.json', 'features.json', 'pipeline.sql', 'score.py', 'README.md', 'predictions.csv']) expect(existsSync(join(dir, file)), file).toBe(true);
	const spec = JSON.parse(readFileSync(join(dir, 'features.json'), 'utf8'));
	expect(spec).toMatchObject({ kind: 'gbdt', engine: 'xgboost', target: 'churn', classes: ['No', 'Yes'], positiveClass: 'Yes' });
	expect(lines(readFileSync(join(dir, 'predictions.csv'), 'utf8'))).toHaveLength(1409);
});

it('native DuckDB builds the model’s table from the raw file with pipeline.sql', async () => {
	copyFileSync(DATA, join(dir, 'wa_churn.split.csv'));
	const db = await DuckDBInstance.create(':memory:');
	const connection = await db.connect();
	await connection.run(`SET file_search_path = '${dir}'`);
	await connection.run(readFileSync(join(dir, 'pipeline.sql'), 'utf8').replace("TO 'customers.parquet'", `TO '${join(dir, 'customers.parquet')}'`));
	const rows = (await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n, count(total_charges)::INTEGER AS charges, typeof(any_value(tenure)) AS tenure FROM read_parquet('${join(dir, 'customers.parquet')}')`)).getRowObjects();
	// 7,043 customers; 11 new ones have a blank total_charges, read as missing as the workbench reads it.
	expect(rows[0]).toEqual({ n: 7043, charges: 7032, tenure: 'BIGINT' });
	connection.closeSync();
});

it('score.py --engine dask reproduces predictions.csv to 1e-5 from the raw test rows', () => {
	const python = findPython();
	if (!python) throw new Error('No Python 3 with dask, distributed and xgboost: run node scripts/ensure-python.mjs.');
	const text = readFileSync(DATA, 'utf8');
	const [header] = text.split(/\r?\n/);
	writeFileSync(join(dir, 'test-rows.csv'), [header, ...lines(text).filter((l) => l.endsWith(',test'))].join('\n') + '\n');
	execFileSync(python, [join(dir, 'score.py'), join(dir, 'test-rows.csv'), join(dir, 'scores.csv'), '--engine', 'dask'], { encoding: 'utf8', stdio: 'pipe' });
	const expected = lines(readFileSync(join(dir, 'predictions.csv'), 'utf8')).map((l) => Number(l.split(',')[1]));
	const scored = lines(readFileSync(join(dir, 'scores.csv'), 'utf8')).map((l) => l.split(','));
	expect(scored).toHaveLength(expected.length);
	let worst = 0;
	scored.forEach(([row, probability, predicted, risk], i) => {
		expect(Number(row)).toBe(i);
		worst = Math.max(worst, Math.abs(Number(probability) - expected[i]));
		expect(predicted).toBe(expected[i] >= 0.5 ? 'Yes' : 'No');
		expect(risk).toBe(expected[i] >= 0.7 ? 'High' : expected[i] >= 0.4 ? 'Medium' : 'Low');
	});
	expect(worst).toBeLessThanOrEqual(1e-5);
}, 120_000);
