// Benchmark (not a test): the text cell in headless Chromium on the WASM backend, on the review
// sample's 4,000 training reviews (1,000 test). Each neural model trains for ONE epoch, so its
// "training time" is one epoch (plus vocabulary building); "texts/s" is the test-row scoring speed.
// Also prints the longest main-thread stall while training. Run `npm run build` first.
// Usage: npm run bench:text [-- --epochs 1 --max-tokens 160]
import { maxStallMs, meterMainThread, openEmptyNotebook, withBrowser } from './bench-browser.mjs';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const EPOCHS = arg('epochs', '1');
const MAX_TOKENS = arg('max-tokens', '160');

async function main() {
	await withBrowser(async (browser) => {
		const page = await browser.newPage();
		// The backend override the status bar stores: WASM, as the speed targets ask.
		await page.addInitScript(() => localStorage.setItem('crm.backend', 'wasm'));
		await openEmptyNotebook(page);
		await page.getByTestId('file-input').setInputFiles('datasets/small_fine_foods.split.csv');
		await page.locator('[data-cell-type="data"]').getByTestId('table-shape').waitFor({ timeout: 120_000 });

		await page.getByRole('button', { name: '+ Sentiment' }).click();
		const cell = page.locator('[data-cell-type="text"]');
		await cell.getByRole('combobox', { name: 'Label column' }).waitFor();
		await cell.getByText('Advanced').click();
		for (const [name, value] of [['Max tokens', MAX_TOKENS], ['Epochs', EPOCHS]]) {
			await cell.getByRole('spinbutton', { name }).fill(value);
			await cell.getByRole('spinbutton', { name }).press('Tab');
		}
		await meterMainThread(page);
		const t0 = Date.now();
		await cell.getByRole('button', { name: 'Train and compare' }).click();
		const table = cell.getByRole('table', { name: 'Model comparison' });
		await table.waitFor({ timeout: 1_800_000 });
		const wallMs = Date.now() - t0;
		const rows = await table.evaluate((t) =>
			[...t.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th,td')].map((c) => c.textContent.trim().replace(/\s+/g, ' ')))
		);
		const [header, ...body] = rows;
		for (const r of body) console.log(JSON.stringify(Object.fromEntries(header.map((h, i) => [h || 'model', r[i]]))));
		console.log(JSON.stringify({ epochs: Number(EPOCHS), max_tokens: Number(MAX_TOKENS), backend: 'wasm (saved preference)', wall_ms: wallMs, max_main_thread_stall_ms: await maxStallMs(page) }));
	});
}

await main();
