/**
 * Journey: an analyst visits once, then works with the network off (a train,
 * a customer site without Wi-Fi): the workbench opens from this browser's
 * copy, loads a CSV, runs SQL and trains a churn model.
 */
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { expect, loadFiles, runSql, test, trainChurn } from './fixtures';

test('after one visit: offline, the app opens, loads a CSV, runs SQL and trains a churn model', async ({ page, context }) => {
	test.setTimeout(240_000);
	await page.goto('/');
	await expect(page.getByTestId('offline-status')).toHaveText('Ready offline', { timeout: 90_000 });

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByText("No network: running from this browser's copy")).toBeVisible();
	await expect(page.getByTestId('offline-status')).toHaveText('Ready offline');
	await page.getByRole('button', { name: 'Start empty' }).click();

	// A file of customers: the first 1,500 rows of the telco table.
	const rows = (await readFile('datasets/wa_churn.csv', 'utf8')).trimEnd().split('\n').slice(0, 1501);
	await loadFiles(page, { name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n') + '\n') });
	await expect(page.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveText('1,500 rows × 20 columns', { timeout: 60_000 });
	await expect(page.getByTestId('duckdb-status')).toContainText('DuckDB v1.');

	const sql = await runSql(page, 'SELECT contract, count(*) AS customers FROM customers GROUP BY contract ORDER BY contract');
	await expect(sql.getByTestId('sql-summary')).toContainText('3 rows × 2 columns');
	await expect(sql.getByRole('grid')).toContainText('Month-to-month');

	await page.getByRole('button', { name: '+ Churn model' }).click();
	const churn = page.locator('[data-cell-type="churn"]');
	await churn.getByRole('combobox', { name: 'Table', exact: true }).selectOption('customers');
	const leaderboard = await trainChurn(page, 'logistic');
	await expect(leaderboard.getByRole('row', { name: /Logistic regression/ }).first()).toBeVisible();
	await expect(churn.getByRole('tab', { name: /ROC curve \(AUC 0\.[7-9]\d/ })).toBeVisible();
});

test('a new version waits for "Update now", then the page reloads onto it whole', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Start empty' }).click();
	await expect(page.getByTestId('offline-status')).toHaveText('Ready offline', { timeout: 90_000 });

	// A new deployment: the service worker file changes (as every build's manifest does).
	const worker = 'build/sw.js';
	const current = await readFile(worker);
	try {
		await appendFile(worker, '\n// next version\n');
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
		const update = page.getByRole('status').filter({ hasText: 'A new version of the workbench is ready.' });
		await expect(update).toBeVisible({ timeout: 60_000 });
		// Nothing switches by itself: the running page keeps the version it started with.
		await expect(page.getByText('This notebook is empty')).toBeVisible();

		const reloaded = page.waitForEvent('load');
		await update.getByRole('button', { name: 'Update now' }).click();
		await reloaded;
		await expect(page.getByTestId('offline-status')).toHaveText('Ready offline');
		await expect(update).toHaveCount(0);
		expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
		// The notebook was saved as the user left it.
		await expect(page.getByText('This notebook is empty')).toBeVisible();
	} finally {
		await writeFile(worker, current);
	}
});
