/**
 * Journey: a table too large for one core. 112,688 customers (the telco table
 * sixteen times) train boosted trees whose rows the training worker spreads
 * over helper threads (Web Workers it starts under the page's policy); the
 * model is as good as on one thread and nothing leaves the origin. Their row
 * loops are WebAssembly, which the page's policy lets compile.
 */
import { readFile } from 'node:fs/promises';
import { TREE_ROWS_WASM } from '../../models/shared/tree/kernels/tree-rows-wasm';
import { expect, loadFiles, startEmpty, test, trainChurn } from './fixtures';

/** datasets/wa_churn.csv `copies` times over. */
async function largeTelco(copies: number): Promise<Buffer> {
	const [header, ...rows] = (await readFile('datasets/wa_churn.csv', 'utf8')).trimEnd().split('\n');
	return Buffer.from([header, ...Array.from({ length: copies }, () => rows).flat()].join('\n') + '\n');
}

test('112,688 customers → boosted trees trained on helper threads', async ({ page, watch }) => {
	test.setTimeout(240_000);
	await startEmpty(page);
	await loadFiles(page, { name: 'telco_large.csv', mimeType: 'text/csv', buffer: await largeTelco(16) });
	await expect(page.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveText('112,688 rows × 20 columns', { timeout: 60_000 });
	await page.getByRole('button', { name: '+ Churn' }).click();
	const leaderboard = await trainChurn(page, 'gbdt', 30);
	await expect(leaderboard.getByRole('row', { name: /Gradient-boosted trees/ }).first()).toBeVisible();
	const churn = page.locator('[data-cell-type="churn"]');
	await expect(churn.getByRole('tab', { name: /ROC curve \(AUC 0\.[89]\d/ })).toBeVisible();
	// The helper threads' script was loaded, from this origin (the fixture fails on any other).
	expect(watch.requests.filter((url) => /\/thread\.worker-[\w-]+\.js$/.test(url)).length).toBeGreaterThan(0);
	// The row kernel compiles under the page's policy, which the training worker and its threads inherit
	// (else they would fall back to the JavaScript loops, about 3× slower, without a word).
	const compiled = await page.evaluate((base64) => {
		try {
			new WebAssembly.Module(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
			return 'compiled';
		} catch (e) {
			return String(e);
		}
	}, TREE_ROWS_WASM);
	expect(compiled).toBe('compiled');
});
