// Benchmark (not a test): bytes and time of the first page (welcome screen) in
// headless Chromium, to keep TF.js, DuckDB, Plot, CodeMirror and every cell's
// code out of it. Prints every file fetched until the network is idle, and the
// JavaScript fetched until the welcome screen is usable, raw and gzipped (as a
// host would send it; target ≤ 100 kB gzipped).
// Usage: npm run build && npm run bench:first-page
import { gzipSync } from 'node:zlib';
import { APP_URL, withBrowser } from './bench-browser.mjs';

await withBrowser(async (browser) => {
	const page = await browser.newPage();
	let bytes = 0;
	let files = 0;
	let usable = false;
	const js = { raw: 0, gzip: 0, files: 0 };
	page.on('response', async (response) => {
		const body = await response.body().catch(() => null);
		if (!body) return;
		bytes += body.length;
		files++;
		if (usable || !/\.m?js$/.test(new URL(response.url()).pathname)) return;
		js.raw += body.length;
		js.gzip += gzipSync(body, { level: 9 }).length;
		js.files++;
	});
	const t0 = Date.now();
	await page.goto(APP_URL);
	await page.getByRole('button', { name: 'Open the churn demo' }).waitFor();
	usable = true;
	const usableMs = Date.now() - t0;
	await page.waitForLoadState('networkidle');
	console.log(
		JSON.stringify({
			first_page_usable_ms: usableMs,
			first_page_js_kb: Math.round(js.raw / 1024),
			first_page_js_gzip_kb: Math.round(js.gzip / 1024),
			first_page_js_files: js.files,
			first_page_kb: Math.round(bytes / 1024),
			files
		})
	);
});
