// Benchmark (not a test): bytes and time of the first page (welcome screen) in
// headless Chromium, to keep TF.js, DuckDB, Plot and CodeMirror out of it.
// Usage: npm run build && npm run bench:first-page
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { findChromium } from './find-chromium.mjs';

const PORT = 4176;
const server = spawn('node', ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
try {
	await new Promise((r) => setTimeout(r, 2500));
	const browser = await chromium.launch({ executablePath: (await findChromium()) ?? undefined, args: ['--no-sandbox', '--disable-background-networking'] });
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
	await page.goto(`http://localhost:${PORT}/`);
	await page.getByRole('button', { name: 'Open the churn demo' }).waitFor();
	const usableMs = Date.now() - t0;
	await page.waitForLoadState('networkidle');
	console.log(JSON.stringify({ first_page_usable_ms: usableMs, first_page_kb: Math.round(bytes / 1024), files }));
	await browser.close();
} finally {
	server.kill();
}
