/**
 * Journey: explanations of a neural network use sampled SHAP, the slowest
 * explainer. The analyst sees the time left, cancels, and asks again.
 */
import { expect, test, trainChurn } from './fixtures';

test('explanations show their progress, cancel within a second, and come back on "Explain again"', async ({ page }) => {
	test.setTimeout(240_000);
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the churn demo' }).click();
	const churn = page.locator('[data-cell-type="churn"]');
	await trainChurn(page, 'mlp');

	const explaining = churn.getByRole('status').filter({ hasText: /^Explaining/ });
	await expect(explaining).toBeVisible({ timeout: 60_000 });
	await explaining.getByRole('button', { name: 'Cancel explanations' }).click();
	await expect(churn.getByText('Explanations cancelled.')).toBeVisible({ timeout: 1500 });
	await expect(explaining).toHaveCount(0);
	await expect(churn.getByRole('alert')).toHaveCount(0);

	await churn.getByRole('button', { name: 'Explain again' }).click();
	await expect(explaining).toBeVisible();
	await expect(churn.getByText(/Contributions of each column for [\d,]+ customers of wa_churn/)).toBeVisible({ timeout: 120_000 });
});
