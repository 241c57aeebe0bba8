// Benchmark (not a test): bytes and time of the first page (welcome screen) in
// headless Chromium, to keep TF.js, DuckDB, Plot and CodeMirror out of it.
// Usage: npm run build && npm run bench:first-page
import { APP_URL, withBrowser } from './bench-browser.mjs';

await withBrowser(async (browser) => {
	const page = await browser.newPage();
	let bytes = 0;
	let files = 0;
	page.on('response', async (response) => {
		const body = await response.body().catch(() => null);
		if (body) {
			bytes += body.length;
			files++;
		}
	});
	const t0 = Date.now();
	await page.goto(APP_URL);
	await page.getByRole('button', { name: 'Open the churn demo' }).waitFor();
	const usableMs = Date.now() - t0;
	await page.waitForLoadState('networkidle');
	console.log(JSON.stringify({ first_page_usable_ms: usableMs, first_page_kb: Math.round(bytes / 1024), files }));
});
