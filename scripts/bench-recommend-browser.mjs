// Benchmark (not a test): the recommendation cell in headless Chromium on the WASM backend, on the
// telco demo (7,043 customers, the nine services): time from "Recommend" to the recommendations
// (every model fitted and evaluated, the hybrid tuned, every customer ranked), and to the next-best
// offers of every customer at risk (scored with the demo's churn model, then re-scored with each
// item in one batch) written to wa_churn_recommendations. Run `npm run build` first.
// Usage: npm run bench:recommend-browser [-- --churn-model logistic]
import { maxStallMs, meterMainThread, withBrowser, APP_URL } from './bench-browser.mjs';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const CHURN_MODEL = arg('churn-model', 'logistic');

async function main() {
	await withBrowser(async (browser) => {
		const page = await browser.newPage();
		// The backend override the status bar stores: WASM, as the speed targets ask.
		await page.addInitScript(() => localStorage.setItem('crm.backend', 'wasm'));
		await page.goto(APP_URL);
		await page.getByRole('button', { name: 'Open the churn demo' }).click();

		// The churn model the offers use (a short budget: its training is not what is measured).
		const churn = page.locator('[data-cell-type="churn"]');
		await churn.getByRole('combobox', { name: 'Target' }).locator('option[value="churn"]:checked').waitFor({ state: 'attached', timeout: 120_000 });
		await churn.getByRole('combobox', { name: 'Models' }).selectOption(CHURN_MODEL);
		await churn.getByRole('spinbutton', { name: 'Time budget (s)' }).fill('5');
		await churn.getByRole('spinbutton', { name: 'Time budget (s)' }).press('Tab');
		await churn.getByRole('button', { name: 'Train' }).click();
		await churn.getByTestId('score-summary').filter({ hasText: 'customers scored' }).waitFor({ timeout: 180_000 });

		await page.getByRole('button', { name: '+ Recommendations' }).click();
		const cell = page.locator('[data-cell-type="recommend"]');
		await cell.getByRole('combobox', { name: 'Customer table' }).selectOption('wa_churn');
		await cell.getByText('Item columns (9 chosen)').waitFor();
		await meterMainThread(page);
		const t0 = Date.now();
		await cell.getByRole('button', { name: 'Recommend' }).click();
		const evaluation = cell.getByRole('table', { name: 'Recommendation models' });
		await evaluation.waitFor({ timeout: 600_000 });
		const recommendedMs = Date.now() - t0;
		await cell.getByTestId('recommendations-written').waitFor({ timeout: 600_000 });
		const doneMs = Date.now() - t0;
		const rows = await evaluation.evaluate((t) =>
			[...t.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th,td')].map((c) => c.textContent.trim().replace(/\s+/g, ' ')))
		);
		const [header, ...body] = rows;
		for (const r of body) console.log(JSON.stringify(Object.fromEntries(header.map((h, i) => [h, r[i]]))));
		const offers = await cell.getByTestId('offers-summary').innerText();
		const offersMs = Number(offers.match(/found in ([\d.]+) (ms|s)/)?.[1] ?? NaN) * (offers.includes(' s)') ? 1000 : 1);
		console.log(offers);
		console.log(
			JSON.stringify({
				customers: 7043,
				churn_model: CHURN_MODEL,
				backend: 'wasm (saved preference)',
				recommendations_s: +(recommendedMs / 1000).toFixed(2),
				offers_s: +(offersMs / 1000).toFixed(2),
				recommendations_and_offers_s: +(doneMs / 1000).toFixed(2),
				max_main_thread_stall_ms: await maxStallMs(page)
			})
		);
	});
}

await main();
