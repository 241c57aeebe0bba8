// Benchmark (not a test): bytes and time of the first page (welcome screen) in
// headless Chromium, to keep TF.js, DuckDB, Plot, CodeMirror and every cell's
// code out of it. Prints every file fetched until the network is idle, and the
// JavaScript the page had asked for when the welcome screen became usable, raw
// and gzipped (as a host would send it; target ≤ 100 kB gzipped).
// "When it became usable" is the page's own clock: an observer marks the moment
// the welcome button appears, and the page's resource timings say which files
// were requested before it (counting responses as they arrived raced with the
// status bar, which loads at the first idle moment after).
// Usage: npm run build && npm run bench:first-page
import { gzipSync } from 'node:zlib';
import { APP_URL, withBrowser } from './bench-browser.mjs';

const WELCOME_BUTTON = 'Open the churn demo';

await withBrowser(async (browser) => {
	const page = await browser.newPage();
	/** Body of every response, by URL. */
	const bodies = new Map();
	const reading = [];
	page.on('response', (response) => {
		reading.push(
			response
				.body()
				.then((body) => bodies.set(response.url(), body))
				.catch(() => {})
		);
	});
	await page.addInitScript((label) => {
		const seen = () => [...document.querySelectorAll('button')].some((b) => b.textContent?.includes(label));
		new MutationObserver((_, observer) => {
			if (!seen()) return;
			// @ts-expect-error the bench's own mark
			window.__usableAt = performance.now();
			observer.disconnect();
		}).observe(document, { subtree: true, childList: true });
	}, WELCOME_BUTTON);
	const t0 = Date.now();
	await page.goto(APP_URL);
	await page.getByRole('button', { name: WELCOME_BUTTON }).waitFor();
	const usableMs = Date.now() - t0;
	await page.waitForLoadState('networkidle');
	await Promise.all(reading);
	const early = await page.evaluate(() => {
		// @ts-expect-error the bench's own mark
		const usableAt = window.__usableAt;
		return performance
			.getEntriesByType('resource')
			.filter((entry) => entry.startTime <= usableAt)
			.map((entry) => entry.name);
	});
	const js = { raw: 0, gzip: 0, files: 0 };
	for (const url of new Set(early)) {
		const body = bodies.get(url);
		if (!body || !/\.m?js$/.test(new URL(url).pathname)) continue;
		js.raw += body.length;
		js.gzip += gzipSync(body, { level: 9 }).length;
		js.files++;
	}
	let bytes = 0;
	for (const body of bodies.values()) bytes += body.length;
	console.log(
		JSON.stringify({
			first_page_usable_ms: usableMs,
			first_page_js_kb: Math.round(js.raw / 1024),
			first_page_js_gzip_kb: Math.round(js.gzip / 1024),
			first_page_js_files: js.files,
			first_page_kb: Math.round(bytes / 1024),
			files: bodies.size
		})
	);
});
