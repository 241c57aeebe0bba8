// Benchmark (not a test): the text cell in headless Chromium on the WASM backend, on the review
// sample's 4,000 training reviews (1,000 test). Each neural model trains for ONE epoch, so its
// "training time" is one epoch (plus vocabulary building); "texts/s" is the test-row scoring speed.
// Also prints the longest main-thread stall while training. Run `npm run build` first.
// Usage: npm run bench:text [-- --epochs 1 --max-tokens 160]
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { findChromium } from './find-chromium.mjs';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const EPOCHS = arg('epochs', '1');
const MAX_TOKENS = arg('max-tokens', '160');
const PORT = 4176;

async function main() {
	const server = spawn('node', ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
	try {
		await new Promise((r) => setTimeout(r, 2500));
		const browser = await chromium.launch({
			executablePath: (await findChromium()) ?? undefined,
			args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic']
		});
		const page = await browser.newPage();
		// The backend override the status bar stores: WASM, as the speed targets ask.
		await page.addInitScript(() => localStorage.setItem('crm.backend', 'wasm'));
		await page.goto(`http://localhost:${PORT}/`);
		await page.getByRole('button', { name: 'Start empty' }).click();
		await page.getByText('This notebook is empty').waitFor();
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
		await page.evaluate(() => {
			let last = performance.now();
			globalThis.__maxStallMs = 0;
			setInterval(() => {
				const now = performance.now();
				globalThis.__maxStallMs = Math.max(globalThis.__maxStallMs, now - last);
				last = now;
			}, 16);
		});
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
		console.log(JSON.stringify({ epochs: Number(EPOCHS), max_tokens: Number(MAX_TOKENS), backend: 'wasm (saved preference)', wall_ms: wallMs, max_main_thread_stall_ms: Math.round(await page.evaluate(() => globalThis.__maxStallMs)) }));
		await browser.close();
	} finally {
		server.kill();
	}
}

await main();
