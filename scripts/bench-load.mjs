// Benchmark (not a test): load a generated 1,000,000-row × 20-column CSV in
// headless Chromium through the file input and print the time to "table
// ready" and to "profile ready". A file too large for the tab is refused
// before it is read: then it prints the refusal, checks the tab still answers
// and loads the start of the file it offers instead.
// Usage: npm run bench:load [-- --rows 1000000]
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { maxStallMs, meterMainThread, openEmptyNotebook, withBrowser } from './bench-browser.mjs';

const rowsArg = process.argv.indexOf('--rows');
const ROWS = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 1_000_000;
const OUT = 'bench-out';
const file = `${OUT}/customers_${ROWS}.csv`;

/** Deterministic customer-like rows: ids, numbers, categories, dates, a few missing values. */
async function generate() {
	if (existsSync(file)) return;
	mkdirSync(OUT, { recursive: true });
	const out = createWriteStream(file);
	const header = ['customer_id', 'age', 'tenure', 'monthly_charges', 'total_charges', 'contract', 'payment_method',
		'region', 'plan', 'calls', 'emails', 'support_tickets', 'satisfaction', 'discount', 'late_payments',
		'signup_date', 'last_purchase', 'gender', 'score', 'churn'];
	out.write(header.join(',') + '\n');
	let seed = 42;
	const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
	const pick = (list) => list[Math.floor(rand() * list.length)];
	let chunk = '';
	for (let i = 0; i < ROWS; i++) {
		const tenure = Math.floor(rand() * 72);
		const monthly = (20 + rand() * 100).toFixed(2);
		const row = [
			`C${String(i).padStart(7, '0')}`, 18 + Math.floor(rand() * 70), tenure, monthly,
			rand() < 0.01 ? '' : (tenure * Number(monthly)).toFixed(2),
			pick(['Month-to-month', 'One year', 'Two year']), pick(['Card', 'Transfer', 'Check', 'Direct debit']),
			pick(['North', 'South', 'East', 'West', 'Centre']), pick(['Basic', 'Plus', 'Premium']),
			Math.floor(rand() * 50), Math.floor(rand() * 20), Math.floor(rand() * 6), (1 + rand() * 4).toFixed(1),
			(rand() * 0.3).toFixed(3), Math.floor(rand() * 4),
			`20${10 + Math.floor(rand() * 14)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
			`2024-0${1 + Math.floor(rand() * 9)}-2${Math.floor(rand() * 8)}`, pick(['F', 'M']),
			(rand() * 100).toFixed(1), rand() < 0.27 ? 'Yes' : 'No'
		];
		chunk += row.join(',') + '\n';
		if (chunk.length > 1 << 20) {
			if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
			chunk = '';
		}
	}
	out.write(chunk);
	await new Promise((r) => out.end(r));
}

async function main() {
	await generate();
	const mb = statSync(file).size / 1e6;
	await withBrowser(async (browser) => {
		const page = await browser.newPage();
		await openEmptyNotebook(page);
		await meterMainThread(page);
		const t0 = Date.now();
		await page.getByTestId('file-input').setInputFiles(file);
		const cell = page.locator('[data-cell-type="data"]');
		const shape = cell.getByTestId('table-shape');
		const refusal = cell.getByRole('alert');
		await shape.or(refusal).first().waitFor({ timeout: 600_000 });
		if (await refusal.isVisible()) {
			// Too large for the tab: the refusal must come with the tab alive, and its way out must work.
			const refusedMs = Date.now() - t0;
			const message = await refusal.textContent();
			const alive = await page.evaluate(() => document.querySelectorAll('button').length > 0);
			const offer = cell.getByRole('button', { name: /^Load its first/ });
			const offered = await offer.textContent();
			const t2 = Date.now();
			await offer.click();
			await shape.waitFor({ timeout: 600_000 });
			console.log(JSON.stringify({ rows: ROWS, file_mb: Number(mb.toFixed(1)), refused_ms: refusedMs, message, tab_alive: alive, way_out: offered, start_loaded_ms: Date.now() - t2, shape: await shape.textContent(), memory: await page.getByTestId('memory-status').textContent(), max_main_thread_stall_ms: await maxStallMs(page) }));
			return;
		}
		const tableMs = Date.now() - t0;
		const loaded = { rows: ROWS, columns: 20, file_mb: Number(mb.toFixed(1)), shape: await shape.textContent(), table_ready_ms: tableMs, memory: await page.getByTestId('memory-status').textContent(), max_main_thread_stall_ms: await maxStallMs(page) };
		console.log(JSON.stringify(loaded));

		// Then a full profile of the table: its time, or what stopped it (a memory error shown in the cell).
		const t1 = Date.now();
		await page.getByRole('button', { name: '+ Profile' }).click();
		const profile = page.locator('[data-cell-type="profile"]');
		const done = profile.getByText('satisfaction').first();
		const failed = profile.getByRole('alert');
		await done.or(failed).first().waitFor({ timeout: 600_000 });
		const outcome = (await failed.isVisible()) ? { profile_failed: await failed.textContent() } : { profile_ready_ms: Date.now() - t1 };
		console.log(JSON.stringify({ ...outcome, memory: await page.getByTestId('memory-status').textContent(), max_main_thread_stall_ms: await maxStallMs(page) }));
	});
}

await main();
