/**
 * Journey: a browser set to French opens the workbench in French (the page's
 * language too), the demo's chrome and data cell speak French with French
 * numbers, and the header's language choice switches to English and is
 * remembered across a reload.
 */
import { expect, test } from './fixtures';

test.use({ locale: 'fr-FR' });

test('a French browser gets the workbench in French; the language choice switches and is remembered', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page.getByRole('heading', { name: 'Bienvenue dans CRM Workbench' })).toBeVisible();
	await expect(page.getByRole('combobox', { name: 'Langue' })).toHaveValue('fr');

	await page.getByRole('button', { name: 'Ouvrir la démo d’attrition (churn)' }).click();
	await expect(page.getByRole('button', { name: /Tout exécuter/ })).toBeVisible();
	await expect(page.getByRole('button', { name: 'À propos et confidentialité' })).toBeVisible();
	// French numbers: a (narrow) space groups thousands.
	await expect(page.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveText(/^7\s043 lignes × 20 colonnes$/);
	await expect(page.locator('[data-cell-type="data"]').getByText('Options de lecture')).toBeVisible();
	// Cells are named in French too, for the eye and for screen readers.
	await expect(page.getByRole('region', { name: /^Cellule Données \d+/ })).toBeVisible();
	await expect(page.locator('[data-cell-type="data"] .kind')).toHaveText('Données');
	// The demo's own note is written in French, and so is every piece of chrome once the cells have run.
	await expect(page.getByRole('heading', { name: 'Attrition des clients d’un opérateur télécom' })).toBeVisible();
	await expect(page.locator('[data-cell-type="sql"]').getByTestId('sql-summary')).toContainText('3 lignes × 3 colonnes');
	await expect(page.locator('[data-cell-type="chart"]').getByText('Données du graphique (tableau)')).toBeVisible();
	// The chart's values as a table, built when opened: the bars' contracts and counts in French numbers.
	await page.locator('[data-cell-type="chart"]').getByText('Données du graphique (tableau)').click();
	const chartTable = page.locator('[data-cell-type="chart"] .chart-data table');
	await expect(chartTable).toContainText('Month-to-month');
	await expect(chartTable).toContainText(/\d\s\d{3}/);
	await expect(page.getByTestId('memory-status')).toContainText(/Mo|Go/);
	const chrome = await page.locator('body').innerText();
	const english = [
		'Run all', 'Add a cell', 'Reading options', 'Choose a table', 'Chart data', 'Download', 'Train', 'Time budget', 'Models', 'Target',
		'rows', 'columns', 'Memory', 'Compute', 'Correlation', 'Count', 'Telco customer churn', 'Export', 'About'
	].filter((phrase) => new RegExp(`\\b${phrase}\\b`).test(chrome));
	expect(english, 'English interface words on the French demo').toEqual([]);

	await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('button', { name: 'About & privacy' })).toBeVisible();
	await expect(page.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveText('7,043 rows × 20 columns');
	await page.reload();
	await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
	await expect(page.getByRole('button', { name: 'Run all' })).toBeVisible();
});
