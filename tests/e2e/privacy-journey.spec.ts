/**
 * Journey: a French customer file with names, e-mails, phones (FR, DZ, MA, TN),
 * addresses, birth dates, NIR, IBAN, card numbers, IP addresses and comments →
 * the profile flags every personal column with masked examples, and none of the
 * order references, product codes, amounts, sizes or purchase dates →
 * "Minimise for modelling" → the pseudonymised table, exported as CSV, holds no
 * original identifier; the customer id is a keyed token that stays the same.
 */
import { readFile } from 'node:fs/promises';
import { FRENCH_CUSTOMER_KINDS, frenchCustomers, toCsv } from '../shared/french-customers';
import { expect, loadFiles, runSql, startEmpty, test } from './fixtures';

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

	// Minimise for modelling: contact details and names dropped, the id a keyed token, dates and postcodes generalised.
	await page.getByRole('button', { name: '+ Pseudonymise' }).click();
	const privacy = page.locator('[data-cell-type="privacy"]');
	await privacy.getByRole('combobox', { name: 'Table' }).selectOption('clients');
	await privacy.getByRole('button', { name: 'Minimise for modelling' }).click();
	await expect(privacy.getByTestId('privacy-written')).toContainText('Wrote clients_pseudo: 500 rows', { timeout: 60_000 });
	await expect(privacy.getByRole('combobox', { name: 'Action id_client' })).toHaveValue('token');
	await expect(privacy.getByRole('combobox', { name: 'Action courriel' })).toHaveValue('drop');
	await expect(privacy.getByTestId('privacy-k')).toContainText('k-anonymity on');

	const sql = await runSql(page, 'SELECT * FROM clients_pseudo');
	await expect(sql.getByTestId('sql-summary')).toContainText('500 rows');
	const download = page.waitForEvent('download');
	await sql.getByRole('button', { name: 'Download CSV' }).click();
	const exported = await readFile((await (await download).path())!, 'utf8');
	const identifiers = ['id_client', 'courriel', 'telephone', 'nom_complet', 'iban', 'numero_carte', 'numero_securite_sociale', 'adresse'].flatMap((c) =>
		file.rows.map((r) => r[file.columns.indexOf(c)]).filter((v) => v && v.length >= 6)
	);
	expect(identifiers.length).toBeGreaterThan(1000);
	expect(identifiers.filter((v) => exported.includes(v))).toEqual([]);
	expect(exported).toMatch(/tok_[0-9a-f]{20}/);
});
