/**
 * Journey: a French customer file with names, e-mails, phones (FR, DZ, MA, TN),
 * addresses, birth dates, NIR, IBAN, card numbers, IP addresses and comments →
 * the profile flags every personal column with masked examples, and none of the
 * order references, product codes, amounts, sizes or purchase dates →
 * "Minimise for modelling" → the pseudonymised table, exported as CSV, holds no
 * original identifier; the customer id is a keyed token that stays the same;
 * the record of processing lists every step, and downloads as JSON.
 *
 * Then the churn demo, trained, saved as one encrypted file with its data and
 * model, opens in a fresh browser profile: not with a wrong passphrase, not
 * with a changed byte, and complete with the right one.
 */
import { readFile } from 'node:fs/promises';
import { FRENCH_CUSTOMER_KINDS, frenchCustomers, toCsv } from '../shared/french-customers';
import { expect, loadFiles, runSql, startEmpty, test, trainChurn, watchContext, expectAccessible } from './fixtures';

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

	// The record of processing: the file loaded (with its personal data), the two transformations, the export.
	await page.getByRole('button', { name: 'Record', exact: true }).click();
	const record = page.getByRole('dialog', { name: 'Record of processing' });
	const steps = record.getByTestId('record-steps');
	await expect(steps.locator('tbody tr[data-kind="dataset"]')).toHaveCount(1);
	await expect(steps.locator('tbody tr[data-kind="dataset"]')).toContainText('clients.csv');
	await expect(steps.locator('tbody tr[data-kind="dataset"]')).toContainText('courriel (e-mail addresses)');
	// The pseudonymisation, then the query (a new SQL cell may also have run its starting query first).
	await expect(steps.locator('tbody tr[data-kind="transformation"]').first()).toContainText('clients_pseudo');
	await expectAccessible(page, 'record of processing');
	await expect(steps.locator('tbody tr[data-kind="transformation"]').last()).toContainText('SELECT * FROM clients_pseudo');
	await expect(steps.locator('tbody tr[data-kind="export"]')).toHaveCount(1);
	await expect(record.getByTestId('record-categories')).toContainText('e-mail addresses');
	const recordFile = page.waitForEvent('download');
	await record.getByRole('button', { name: 'Download JSON' }).click();
	const json = JSON.parse(await readFile((await (await recordFile).path())!, 'utf8'));
	const kinds = json.entries.map((e: { kind: string }) => e.kind);
	expect(kinds[0]).toBe('dataset');
	expect(kinds.at(-1)).toBe('export');
	expect(kinds.filter((k: string) => k === 'transformation').length).toBeGreaterThanOrEqual(2);
	expect(json.personalDataCategories).toEqual(expect.arrayContaining(['email', 'phone', 'person_name', 'iban']));
	await record.getByRole('button', { name: 'Close' }).click();
	await expect(record).toHaveCount(0);
});

test('an encrypted notebook file with its data and model opens in a fresh browser profile, only with its passphrase', async ({ page, browser, baseURL, watch }) => {
	test.setTimeout(240_000);
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the churn demo' }).click();
	await trainChurn(page, 'logistic', 5);

	await page.getByRole('button', { name: 'Export…' }).click();
	const exporting = page.getByRole('dialog', { name: 'Export the notebook' });
	await exporting.getByRole('radio', { name: 'Notebook with its data (.crmnb)' }).check();
	await expect(exporting.getByRole('checkbox', { name: 'Encrypt with a passphrase' })).toBeChecked();
	await exporting.getByLabel('Passphrase', { exact: true }).fill('short');
	await expectAccessible(page, 'export dialog');
	await exporting.getByLabel('Passphrase again').fill('short');
	await exporting.getByRole('button', { name: 'Export', exact: true }).click();
	await expect(exporting.getByRole('alert')).toContainText('at least 10 characters');
	const passphrase = 'dattes de Biskra en hiver';
	await exporting.getByLabel('Passphrase', { exact: true }).fill(passphrase);
	await exporting.getByLabel('Passphrase again').fill(passphrase);
	const saved = page.waitForEvent('download');
	await exporting.getByRole('button', { name: 'Export', exact: true }).click();
	const download = await saved;
	expect(download.suggestedFilename()).toBe('Telco_churn_demo.encrypted.crmnb');
	const sealed = await readFile((await download.path())!);
	expect(sealed.subarray(0, 9).toString('latin1')).toBe('CRMWB-ENC');
	// Nothing of the customer file is readable in it.
	expect(sealed.includes(Buffer.from('Month-to-month'))).toBe(false);

	// A fresh browser profile: no notebook, no kept file, no model.
	const fresh = await browser.newContext({ baseURL });
	watchContext(fresh, new URL(baseURL!).origin, watch);
	const other = await fresh.newPage();
	await other.goto('/');
	const list = other.getByRole('navigation', { name: 'Notebooks' });
	await expect(other.getByRole('button', { name: 'Open the churn demo' })).toBeVisible();

	// A wrong passphrase: refused in words, and the file can be tried again.
	await other.getByTestId('notebook-input').setInputFiles({ name: 'demo.crmnb', mimeType: 'application/octet-stream', buffer: sealed });
	const ask = other.getByRole('dialog', { name: 'This notebook file is encrypted' });
	await ask.getByLabel('Passphrase').fill('dattes de Tozeur en hiver');
	await ask.getByRole('button', { name: 'Open' }).click();
	await expect(ask.getByRole('alert')).toHaveText(/Wrong passphrase: the file stays closed/);
	await ask.getByRole('button', { name: 'Cancel' }).click();
	await expect(list.getByRole('listitem')).toHaveCount(0);

	// One changed byte in the encrypted content: refused, nothing opens.
	const altered = Buffer.from(sealed);
	altered[altered.length - 100] ^= 0x01;
	await other.getByTestId('notebook-input').setInputFiles({ name: 'altered.crmnb', mimeType: 'application/octet-stream', buffer: altered });
	await ask.getByLabel('Passphrase').fill(passphrase);
	await ask.getByRole('button', { name: 'Open' }).click();
	await expect(ask.getByRole('alert')).toHaveText(/altered after it was saved/);
	await ask.getByRole('button', { name: 'Cancel' }).click();
	await expect(list.getByRole('listitem')).toHaveCount(0);

	// The right passphrase: the notebook opens (untrusted), its table loads from the file's own data, its model shows untrained.
	await other.getByTestId('notebook-input').setInputFiles({ name: 'demo.crmnb', mimeType: 'application/octet-stream', buffer: sealed });
	await ask.getByLabel('Passphrase').fill(passphrase);
	await ask.getByRole('button', { name: 'Open' }).click();
	await expect(ask).toHaveCount(0);
	await expect(list.getByRole('listitem')).toHaveCount(1);
	await expect(other.getByRole('textbox', { name: 'Notebook title' })).toHaveValue('Telco churn demo');
	await other.getByRole('button', { name: 'Trust and run all' }).click();
	await expect(other.locator('[data-cell-type="data"]').getByTestId('table-shape')).toHaveText('7,043 rows × 20 columns');
	const churn = other.locator('[data-cell-type="churn"]');
	await expect(churn.getByRole('table', { name: 'Leaderboard' })).toBeVisible();
	await expect(churn.getByRole('table', { name: 'Leaderboard' })).toContainText('Logistic');

	// Its record came with it, with the opening as its last step.
	await other.getByRole('button', { name: 'Record', exact: true }).click();
	const steps = other.getByRole('dialog', { name: 'Record of processing' }).getByTestId('record-steps');
	await expect(steps.locator('tbody tr[data-kind="dataset"]').first()).toContainText('wa_churn.csv');
	await expect(steps.locator('tbody tr[data-kind="model"]')).toHaveCount(1);
	await expect(steps.locator('tbody tr').last()).toHaveAttribute('data-kind', 'import');
	await fresh.close();
});
