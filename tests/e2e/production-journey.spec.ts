/**
 * Journey: the telco demo → a boosted-trees churn model → "Export for
 * production" → the zip a data team receives. Outside the browser, native
 * DuckDB runs its pipeline.sql on the demo file and ONNX Runtime scores that
 * table with its model.onnx: the probabilities are the workbench's own.
 */
import { readFile } from 'node:fs/promises';
import { mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { unzipSync, strFromU8 } from 'fflate';
import * as ort from 'onnxruntime-web';
import { expect, runSql, test, trainChurn } from './fixtures';

test('telco demo → boosted trees → export for production → DuckDB and ONNX Runtime give the workbench’s probabilities', async ({ page }) => {
	test.setTimeout(180_000);
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the churn demo' }).click();
	await trainChurn(page, 'gbdt', 5);
	const churn = page.locator('[data-cell-type="churn"]');
	await expect(churn.getByTestId('score-summary')).toContainText('7,043 customers scored', { timeout: 60_000 });
	// The leaderboard lists the configurations the search tried, the best known one first.
	const trials = churn.getByTestId('leaderboard-trials');
	await trials.getByText(/Configurations the search tried \(\d+\)/).click();
	await expect(trials.getByRole('listitem').first()).toContainText('nEstimators 200, learningRate 0.05, maxDepth 3: CV AUC 0.8');

	const download = page.waitForEvent('download');
	await churn.getByRole('button', { name: 'Export for production (.zip)' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('wa_churn-gbdt-production.zip');
	await expect(churn.getByTestId('export-production-status')).toHaveText('wa_churn-gbdt-production.zip saved: unzip it and read its README.md.');
	const files = unzipSync(new Uint8Array(await readFile((await file.path())!)));
	expect(Object.keys(files).sort()).toEqual(['README.md', 'features.json', 'model.onnx', 'model.xgboost.json', 'pipeline.sql', 'score.py']);
	const spec = JSON.parse(strFromU8(files['features.json']));
	expect(spec).toMatchObject({ kind: 'gbdt', target: 'churn', positiveClass: 'Yes', engine: 'xgboost', decision: { threshold: 0.5, riskMedium: 0.4, riskHigh: 0.7 } });

	// The data team's side: the notebook's data steps on the raw file, then the model on that table.
	const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
	copyFileSync('static/demo/wa_churn.csv', join(dir, 'wa_churn.csv'));
	const sql = strFromU8(files['pipeline.sql']);
	expect(sql).toContain("read_csv('wa_churn.csv'");
	const db = await DuckDBInstance.create(':memory:');
	const duck = await db.connect();
	await duck.run(`SET file_search_path = '${dir}'`);
	await duck.run(sql.replace("TO 'wa_churn.parquet'", `TO '${join(dir, 'wa_churn.parquet')}'`));
	const table = (await duck.runAndReadAll('SELECT * FROM wa_churn')).getColumnsObjectJS();
	duck.closeSync();
	expect(table.churn).toHaveLength(7043);

	const session = await ort.InferenceSession.create(files['model.onnx']);
	const feeds: Record<string, ort.Tensor> = {};
	for (const column of spec.columns as { name: string; type: string; input: string }[]) {
		const values = table[column.name];
		feeds[column.input] =
			column.type === 'numeric'
				? new ort.Tensor('float64', Float64Array.from(values, (v) => (v === null ? NaN : Number(v))), [values.length, 1])
				: new ort.Tensor('string', values.map((v) => (v === null ? '' : String(v))), [values.length, 1]);
	}
	const probabilities = (await session.run(feeds)).probabilities.data as Float32Array;
	let total = 0;
	let top = 0;
	for (let r = 0; r < 7043; r++) (total += probabilities[r * 2 + 1]), (top = Math.max(top, probabilities[r * 2 + 1]));

	// The workbench's own scores of the same customers.
	const own = await runSql(page, `SELECT printf('%.6f', sum(churn_probability)) AS total, printf('%.6f', max(churn_probability)) AS top FROM wa_churn_scored`);
	const cells = own.getByRole('grid').getByRole('row').nth(1).getByRole('gridcell');
	await expect(cells).toHaveCount(2);
	const [ownTotal, ownTop] = (await cells.allInnerTexts()).map(Number);
	expect(Math.abs(total - ownTotal)).toBeLessThan(7043 * 1e-5);
	expect(Math.abs(top - ownTop)).toBeLessThan(2e-5);
});
