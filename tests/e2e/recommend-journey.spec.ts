/**
 * Journey: the telco demo → a churn model → a file of customers named by id
 * → a recommendation cell: every model evaluated on hidden items with the
 * hybrid at least as good as popularity, next-best offers for the customers
 * at risk named by their id with the reason in words, the recommendations
 * table read by a SQL cell, and everything back after a reload without
 * recomputing.
 */
import type { Locator } from '@playwright/test';
import { expect, loadFiles, newCustomersCsv, runSql, TELCO_ID, test, trainChurn } from './fixtures';

const MODELS = ['Popularity', 'Item similarity (co-ownership)', 'Matrix factorisation (ALS)', 'Propensity (one classifier per item)', 'Hybrid blend'];
/**
 * The values of a SQL cell's one-row result, once its grid shows them all. The cell may run again
 * meanwhile (a table it reads is rewritten when the churn cell scores), so wait for a full row.
 */
async function oneRow(cell: Locator, columns: number): Promise<string[]> {
	await expect(cell.getByTestId('sql-summary')).toContainText(`1 rows × ${columns} columns`);
	let values: string[] = [];
	await expect
		.poll(async () => {
			values = await cell.getByRole('gridcell').allInnerTexts();
			return values.length === columns && values.every((v) => v.trim() && v !== '…');
		})
		.toBe(true);
	return values;
}

const REASON = /^(.+) lowers this customer's risk from (0\.\d\d) to (0\.\d\d); customers like them take it \d+ % of the time\.$/;

test('telco demo → churn model → recommendations → next-best offers → SQL → reload', async ({ page }) => {
	test.setTimeout(240_000);
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the churn demo' }).click();
	await trainChurn(page, 'logistic');

	await loadFiles(page, { name: 'new_customers.csv', mimeType: 'text/csv', buffer: await newCustomersCsv() });
	await expect(page.locator('[data-cell-type="data"]', { hasText: 'from new_customers.csv' }).getByTestId('table-shape')).toHaveText('7,043 rows × 21 columns');

	await page.getByRole('button', { name: '+ Recommendations' }).click();
	const cell = page.locator('[data-cell-type="recommend"]');
	await cell.getByRole('combobox', { name: 'Customer table' }).selectOption('new_customers');
	// The id column and the nine services are guessed.
	await expect(cell.getByRole('combobox', { name: 'Customer id' })).toHaveValue('customerID');
	await expect(cell.getByText('Item columns (9 chosen)')).toBeVisible();
	await expect(cell.getByRole('checkbox', { name: 'Recommend tech_support' })).toBeChecked();
	await expect(cell.getByRole('checkbox', { name: 'Recommend senior_citizen' })).not.toBeChecked();

	await cell.getByRole('button', { name: 'Recommend' }).click();
	const evaluation = cell.getByRole('table', { name: 'Recommendation models' });
	await expect(evaluation).toBeVisible({ timeout: 120_000 });
	const hitRate = async (model: string) => Number(await evaluation.getByRole('row', { name: new RegExp(`^${model.replace(/[()]/g, '\\$&')}`) }).getByRole('cell').first().innerText());
	for (const model of MODELS) await expect(evaluation.getByRole('row', { name: new RegExp(`^${model.replace(/[()]/g, '\\$&')}`) })).toBeVisible();
	expect(await hitRate('Hybrid blend')).toBeGreaterThanOrEqual(await hitRate('Popularity'));
	await expect(cell.getByTestId('hybrid-formula')).toContainText('Hybrid score =');
	await expect(cell.getByRole('img', { name: 'Hit rate@3 and NDCG@3 per model' }).locator('svg').first()).toBeVisible();

	// Next-best offers: customers at risk named by id, each with the reason in words.
	const offers = cell.getByRole('table', { name: 'Next-best offers' });
	await expect(offers).toBeVisible({ timeout: 60_000 });
	await expect(cell.getByTestId('offers-summary')).toContainText(/customers at risk; [\d,]+ of them get an offer/);
	const first = offers.getByRole('row').nth(1);
	await expect(first.getByRole('rowheader')).toHaveText(TELCO_ID);
	const reason = await first.getByRole('cell').last().innerText();
	const [, , from, to] = reason.match(REASON)!;
	expect(Number(to)).toBeLessThan(Number(from));
	for (const text of await offers.getByRole('rowheader').allInnerTexts()) expect(text).not.toContain('row');
	await expect(cell.getByTestId('recommendations-written')).toContainText('in table new_customers_recommendations');

	// The table is there for SQL: one next-best offer per customer who has one, never an internet add-on without internet.
	const sql = await runSql(
		page,
		"SELECT count(DISTINCT r.customerID) AS customers, count(*) FILTER (WHERE offer_rank = 1) AS best_offers, count(*) FILTER (WHERE c.internet_service = 'No' AND r.item IN ('online_security', 'tech_support', 'streaming_tv') AND offer_rank IS NOT NULL) AS implausible FROM new_customers_recommendations r JOIN new_customers c USING (customerID)"
	);
	const [customers, bestOffers, implausible] = (await oneRow(sql, 3)).map((v) => Number(v.replace(/,/g, '')));
	expect(customers).toBeGreaterThan(6000);
	expect(bestOffers).toBeGreaterThan(0);
	expect(implausible).toBe(0);

	// The reasons agree with the what-if panel: the churn cell scores the same customers, and its
	// most at-risk customer with their next-best offer set gets the risk the offer's reason gives.
	const churn = page.locator('[data-cell-type="churn"]');
	await churn.getByRole('combobox', { name: 'Table to score' }).selectOption('new_customers');
	await expect(churn.getByTestId('score-summary')).toContainText('into table new_customers_scored', { timeout: 30_000 });
	await expect(churn.getByRole('combobox', { name: 'Customer id' })).toHaveValue('customerID');
	const alert = churn.getByRole('list', { name: 'Customers at risk' }).getByRole('listitem').first();
	const customer = (await alert.innerText()).match(TELCO_ID)![0];
	const check = await runSql(page, `SELECT item, round(risk_with_item * 100, 1) AS pct FROM new_customers_recommendations WHERE customerID = '${customer}' AND offer_rank = 1`);
	const [item, pct] = await oneRow(check, 2);
	await alert.getByRole('button').first().click();
	// A Yes/No service is a select, a 0/1 flag a number.
	const input = churn.getByRole('combobox', { name: `Value of ${item}`, exact: true }).or(churn.getByRole('spinbutton', { name: `Value of ${item}`, exact: true }));
	await expect(input).toBeVisible({ timeout: 60_000 });
	if ((await input.evaluate((e) => e.tagName)) === 'SELECT') await input.selectOption('Yes');
	else {
		await input.fill('1');
		await input.press('Tab');
	}
	await expect(churn.getByTestId('what-if-probability')).toContainText('New churn probability');
	const whatIf = Number((await churn.getByTestId('what-if-probability').innerText()).match(/New churn probability ([\d.]+) %/)![1]);
	expect(Math.abs(whatIf - Number(pct))).toBeLessThanOrEqual(0.11);

	// Reload: the kept recommendations and the offers come back without recomputing.
	await page.reload();
	const again = page.locator('[data-cell-type="recommend"]');
	await expect(again.getByRole('table', { name: 'Recommendation models' })).toBeVisible({ timeout: 60_000 });
	await expect(again.getByRole('table', { name: 'Next-best offers' }).getByRole('row').nth(1).getByRole('rowheader')).toHaveText(TELCO_ID, { timeout: 60_000 });
	await expect(again.getByRole('note').filter({ hasText: 'changed since these recommendations' })).toHaveCount(0);
	await again.getByRole('button', { name: 'Recommend' }).click();
	await expect(again.getByText('Nothing changed since the last run')).toBeVisible();
});
