/**
 * Journey: the telco demo → survival cell → Kaplan–Meier curves by contract,
 * the log-rank test and the Cox table → a customer's predicted curve →
 * `wa_churn_survival` in SQL.
 */
import { expect, expectAccessible, runSql, test } from './fixtures';

test('telco demo → survival cell → curves by contract, log-rank and the Cox table → predicted survival in SQL', async ({ page }) => {
	test.setTimeout(180_000);
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the churn demo' }).click();
	await expect(page.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveText('7,043 rows × 20 columns');

	await page.getByRole('button', { name: '+ Survival' }).click();
	const cell = page.locator('[data-cell-type="survival"]');
	await cell.getByRole('combobox', { name: 'Customers' }).selectOption('wa_churn');
	// Guessed from names and values: tenure, churn = Yes, curves by contract.
	await expect(cell.getByRole('combobox', { name: 'Duration' })).toHaveValue('tenure');
	await expect(cell.getByRole('combobox', { name: 'Churn event' })).toHaveValue('churn');
	await expect(cell.getByRole('combobox', { name: 'Churned when' })).toHaveValue('Yes');
	await expect(cell.getByRole('combobox', { name: 'Curves by' })).toHaveValue('contract');
	await expect(cell.getByTestId('survival-summary')).toContainText('7,043 customers, 1,869 churned', { timeout: 60_000 });

	const groups = cell.getByRole('table', { name: 'Survival by group' });
	await expect(groups.getByRole('row')).toHaveCount(4);
	// R: survfit(Surv(tenure, churn == "Yes") ~ contract): month-to-month's median survival is 35 months.
	await expect(groups.getByRole('row', { name: /^Month-to-month/ }).getByRole('cell').nth(2)).toHaveText('35.0');
	await expect(cell.getByTestId('survival-logrank')).toContainText('on 2 degrees of freedom, p < 0.0001. The groups’ survival differs.');
	const curves = cell.getByRole('img', { name: 'Kaplan–Meier survival curves (95 % bands, Greenwood)' });
	await expect(curves.locator('svg').first()).toBeVisible();
	// A pointer over a chart draws Plot's tip, a fresh labelled <g> each time: it must stay quiet too.
	for (const chart of await cell.locator('[role=img] svg[class^=plot]').all()) await chart.hover();
	await expect(cell.locator('g[pointer-events="none"] text').first()).toBeAttached(); // the last chart's tip
	await expectAccessible(page, 'survival charts with a tip');

	const cox = cell.getByRole('table', { name: 'Cox proportional hazards (Efron ties)' });
	await expect(cox.getByRole('row', { name: /^contract=Two year/ })).toBeVisible();
	await expect(cell.getByTestId('survival-concordance')).toContainText('Concordance 0.');
	await expect(cell.getByRole('img', { name: /^Customer #\d+/ }).locator('svg').first()).toBeVisible();

	// Times set by hand: the written table follows.
	await cell.getByRole('textbox', { name: 'Survival at times' }).fill('12, 24, 48');
	await cell.getByRole('textbox', { name: 'Survival at times' }).press('Tab');
	await expect(groups.getByRole('columnheader', { name: 'S(48)' })).toBeVisible({ timeout: 60_000 });
	const sql = await runSql(
		page,
		`SELECT count(*) AS customers, bool_and(survival_at_12 >= survival_at_24 AND survival_at_24 >= survival_at_48) AS decreasing,
		 bool_and(relative_risk > 0) AS risks FROM wa_churn_survival`
	);
	await expect(sql.getByRole('grid').getByRole('row').nth(1).getByRole('gridcell')).toHaveText(['7,043', 'true', 'true']);
});
