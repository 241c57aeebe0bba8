/**
 * Journey: a French customer file with names, e-mails, phones (FR, DZ, MA, TN),
 * addresses, birth dates, NIR, IBAN, card numbers, IP addresses and comments →
 * the profile flags every personal column with masked examples, and none of the
 * order references, product codes, amounts, sizes or purchase dates.
 */
import { FRENCH_CUSTOMER_KINDS, frenchCustomers, toCsv } from '../shared/french-customers';
import { expect, loadFiles, startEmpty, test } from './fixtures';

test('a French customer file → profile → every personal column flagged with masked examples, no decoy', async ({ page }) => {
	test.setTimeout(120_000);
	const file = frenchCustomers(500, 16);
	await startEmpty(page);
	await loadFiles(page, { name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(file)) });
	await expect(page.locator('[data-cell-type="data"]').getByTestId('table-shape')).toContainText(`× ${file.columns.length} columns`);

	await page.getByRole('button', { name: '+ Profile' }).click();
	const profile = page.locator('[data-cell-type="profile"]');
	await profile.getByRole('combobox', { name: 'Table' }).selectOption('clients');
	const personal = Object.keys(FRENCH_CUSTOMER_KINDS);
	await expect(profile.getByTestId('personal-summary')).toContainText(`Personal data in ${personal.length} columns`, { timeout: 60_000 });
	for (const column of file.columns) {
		const row = profile.getByRole('row', { name: new RegExp(`^${column} `) });
		await expect(row.getByTestId('personal-flag')).toHaveCount(column in FRENCH_CUSTOMER_KINDS ? 1 : 0);
	}
	const email = profile.getByRole('row', { name: /^courriel / }).getByTestId('personal-flag');
	await expect(email).toHaveText(/^personal: e-mail \(\d+\s%\)$/);
	// The hint shows masked examples only: no address of the file appears in full.
	const hint = (await email.getAttribute('title')) ?? '';
	expect(hint).toMatch(/Examples \(masked\): \S+\*\*\*@/);
	const emails = file.rows.map((r) => r[file.columns.indexOf('courriel')]);
	expect(emails.some((e) => e && hint.includes(e))).toBe(false);
});
