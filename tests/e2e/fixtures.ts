/**
 * Every journey runs through this fixture: it records all requests of the
 * page and its workers and every uncaught page error, and fails the test on a
 * request to another origin or on any uncaught error. An attempt that the
 * Content-Security-Policy stopped inside the browser never left it: it is
 * kept apart (`blockedByPolicy`) for journeys that prove the policy holds.
 */
import { readFile } from 'node:fs/promises';
import { expectAccessible } from './accessibility';
import { test as base, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

export interface Watch {
	requests: string[];
	offOrigin: string[];
	blockedByPolicy: string[];
	pageErrors: string[];
}

export const test = base.extend<{ watch: Watch }>({
	watch: async ({ context, baseURL }, use) => {
		const watch: Watch = { requests: [], offOrigin: [], blockedByPolicy: [], pageErrors: [] };
		watchContext(context, new URL(baseURL!).origin, watch);
		await use(watch);
		expect(watch.offOrigin, 'requests to another origin').toEqual([]);
		expect(watch.pageErrors, 'uncaught page errors').toEqual([]);
	},
	page: async ({ page, watch }, use, testInfo) => {
		watchErrors(page, watch);
		await use(page);
		// The screen a journey ends on is checked too, unless the page was closed or the journey failed.
		if (testInfo.status === 'passed' && !page.isClosed())
			await expectAccessible(page, `end of “${testInfo.title}”`);
	}
});

/**
 * Records the requests and page errors of `context` into `watch`: the test's
 * own context, or another one a journey opens (a fresh browser profile), so
 * the same checks cover it.
 */
export function watchContext(context: BrowserContext, origin: string, watch: Watch): void {
	context.on('request', (request) => {
		const url = request.url();
		watch.requests.push(url);
		if (/^(data|blob):/.test(url)) return;
		if (new URL(url).origin !== origin) watch.offOrigin.push(url);
	});
	context.on('requestfailed', (request) => {
		if (request.failure()?.errorText !== 'csp') return;
		const at = watch.offOrigin.indexOf(request.url());
		if (at >= 0) watch.blockedByPolicy.push(...watch.offOrigin.splice(at, 1));
	});
	context.on('page', (page) => watchErrors(page, watch));
}

function watchErrors(page: Page, watch: Watch) {
	if ((page as unknown as { __watched?: boolean }).__watched) return;
	(page as unknown as { __watched?: boolean }).__watched = true;
	page.on('pageerror', (error) => watch.pageErrors.push(error.message));
}

export { expect, expectAccessible };

/** Opens the app with an empty notebook ready for files. */
export async function startEmpty(page: Page): Promise<void> {
	await page.goto('/');
	await page.getByRole('button', { name: 'Start empty' }).click();
	await expect(page.getByText('This notebook is empty')).toBeVisible();
}

/** Loads files through the hidden file input, as "Choose a file…" does. */
export async function loadFiles(page: Page, files: Parameters<Page['setInputFiles']>[1]): Promise<void> {
	await page.getByTestId('file-input').setInputFiles(files);
}

/** Adds a SQL cell, types `sql` into it and runs it; returns the cell. */
export async function runSql(page: Page, sql: string): Promise<Locator> {
	await page.getByRole('button', { name: '+ SQL' }).click();
	const cell = page.locator('[data-cell-type="sql"]').last();
	await cell.getByRole('textbox', { name: 'SQL query' }).click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.insertText(sql);
	await page.keyboard.press('Control+Enter');
	return cell;
}

/** Trains the churn cell with one kind of model ("logistic", "mlp", …) and a small budget; waits for its leaderboard. */
export async function trainChurn(page: Page, mode: string, budgetS = 5): Promise<Locator> {
	const churn = page.locator('[data-cell-type="churn"]');
	await expect(churn.getByRole('combobox', { name: 'Target' })).toHaveValue('churn');
	await churn.getByRole('combobox', { name: 'Models' }).selectOption(mode);
	await churn.getByRole('spinbutton', { name: 'Time budget (s)' }).fill(String(budgetS));
	await churn.getByRole('spinbutton', { name: 'Time budget (s)' }).press('Tab');
	await churn.getByRole('button', { name: 'Train' }).click();
	const leaderboard = churn.getByRole('table', { name: 'Leaderboard' });
	await expect(leaderboard).toBeVisible({ timeout: 120_000 });
	return leaderboard;
}

/** Telco-style ids (7590-VHVEG): the shipped demo has none, so the "new customers" file gets them. */
const telcoId = (i: number) => `${String(i % 10_000).padStart(4, '0')}-${Array.from({ length: 5 }, (_, k) => String.fromCharCode(65 + (Math.floor(i / 26 ** k) % 26))).join('')}`;
export const TELCO_ID = /\d{4}-[A-Z]{5}/;

/** datasets/wa_churn.csv with a customerID column in front ("new customers" named by their id). */
export async function newCustomersCsv(): Promise<Buffer> {
	const [header, ...rows] = (await readFile('datasets/wa_churn.csv', 'utf8')).trimEnd().split('\n');
	return Buffer.from([`"customerID",${header}`, ...rows.map((row, i) => `"${telcoId(i)}",${row}`)].join('\n') + '\n');
}
