// Benchmark (not a test): customer value and churn timing in headless Chromium, in the training
// worker, as a user runs them. Lifetime value on the full CDNOW cohort (datasets/cdnow_master.csv,
// 69,659 purchases of 23,570 customers, 39-week calibration): the job's own time in the worker
// (both fits, every customer's values, the views' figures) and the time from setting the calibration
// end to the views (SQL summary, job, table written). Survival on the telco demo (7,043 customers,
// the guessed covariates): the job's time in the worker (Kaplan–Meier, log-rank, Cox, every
// customer's predicted survival). Targets: BG/NBD ≤ 2 s on 25,000 customers, Cox ≤ 1 s on 7,043 × 10.
// Run `npm run build` first. Usage: npm run bench:value-browser
import { maxStallMs, meterMainThread, openEmptyNotebook, withBrowser, APP_URL } from './bench-browser.mjs';

const seconds = (text) => Number(text.match(/([\d.]+) s/)?.[1] ?? NaN);

async function value(browser) {
	const page = await (await browser.newContext()).newPage();
	await openEmptyNotebook(page);
	await page.getByTestId('file-input').setInputFiles('datasets/cdnow_master.csv');
	await page.locator('[data-cell-type="data"]').getByTestId('table-shape').filter({ hasText: '69,659 rows' }).waitFor({ timeout: 120_000 });
	await page.getByRole('button', { name: '+ Lifetime value' }).click();
	const cell = page.locator('[data-cell-type="value"]');
	await cell.getByTestId('value-summary').waitFor({ timeout: 120_000 });
	await meterMainThread(page);
	const t0 = Date.now();
	await cell.getByRole('textbox', { name: 'Calibration ends' }).fill('1997-09-30');
	await cell.getByRole('textbox', { name: 'Calibration ends' }).press('Tab');
	await cell.getByTestId('value-summary').filter({ hasText: 'holdout to 1998-06-30' }).waitFor({ timeout: 120_000 });
	await cell.getByTestId('value-top').waitFor();
	const endToEndMs = Date.now() - t0;
	const customers = Number((await cell.getByTestId('value-summary').innerText()).match(/^([\d,]+) customers/)[1].replaceAll(',', ''));
	return { bench: 'value-browser', customers, worker_job_s: seconds(await cell.getByTestId('value-time').innerText()), calibration_to_views_s: +(endToEndMs / 1000).toFixed(2), max_main_thread_stall_ms: await maxStallMs(page), target_s: 2 };
}

async function survival(browser) {
	const page = await (await browser.newContext()).newPage();
	await page.goto(APP_URL);
	await page.getByRole('button', { name: 'Open the churn demo' }).click();
	await page.locator('[data-cell-type="data"]').getByTestId('table-shape').filter({ hasText: '7,043 rows' }).waitFor({ timeout: 120_000 });
	await page.getByRole('button', { name: '+ Survival' }).click();
	const cell = page.locator('[data-cell-type="survival"]');
	await meterMainThread(page);
	await cell.getByRole('combobox', { name: 'Customers' }).selectOption('wa_churn');
	await cell.getByTestId('survival-time').waitFor({ timeout: 120_000 });
	const covariates = await cell.getByRole('table', { name: 'Cox proportional hazards (Efron ties)' }).locator('tbody tr').count();
	return { bench: 'survival-browser', customers: 7043, cox_columns: covariates, worker_job_s: seconds(await cell.getByTestId('survival-time').innerText()), max_main_thread_stall_ms: await maxStallMs(page), target_s: 1 };
}

await withBrowser(async (browser) => {
	console.log(JSON.stringify(await value(browser)));
	console.log(JSON.stringify(await survival(browser)));
});
