/**
 * Journey: telco demo → churn model → score customers with ids → their
 * recommendations and next-best offers → retention dashboard (KPIs, a filter,
 * chosen columns, an alert named by customer id, the customer's reasons and
 * recommendations) → outreach drafts with each customer's offer, exported as
 * a zip of .eml files (opened here) and as CSV → reload: the dashboard comes
 * back as it was left.
 */
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { expect, loadFiles, test, trainChurn } from './fixtures';

const telcoId = (i: number) => `${String(i % 10_000).padStart(4, '0')}-${Array.from({ length: 5 }, (_, k) => String.fromCharCode(65 + (Math.floor(i / 26 ** k) % 26))).join('')}`;
const TELCO_ID = /\d{4}-[A-Z]{5}/;
/** One of the telco services the recommendation cell offers. */
const SERVICE = /(phone_service|multiple_lines|internet_service|online_security|online_backup|device_protection|tech_support|streaming_tv|streaming_movies)/;

/** A name a spreadsheet would run and a page would execute, if either treated it as code. */
const HOSTILE_NAME = '=SUM(1) <script>window.__hostile = 1</script>';

/** datasets/wa_churn.csv with a customerID column in front, and each customer's e-mail address and name at the end. */
async function newCustomersCsv(): Promise<Buffer> {
	const [header, ...rows] = (await readFile('datasets/wa_churn.csv', 'utf8')).trimEnd().split('\n');
	const quoted = `"${HOSTILE_NAME.replaceAll('"', '""')}"`;
	return Buffer.from([`"customerID",${header},"email","name"`, ...rows.map((row, i) => `"${telcoId(i)}",${row},"c${i}@example.com",${quoted}`)].join('\n') + '\n');
}

test('churn model → retention dashboard → filter, columns, alerts → outreach drafts (zip and CSV) → reload', async ({ page }) => {
	test.setTimeout(240_000);
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the churn demo' }).click();
	const churn = page.locator('[data-cell-type="churn"]');
	await trainChurn(page, 'logistic', 5);
	await loadFiles(page, { name: 'new_customers.csv', mimeType: 'text/csv', buffer: await newCustomersCsv() });
	await expect(page.locator('[data-cell-type="data"]', { hasText: 'from new_customers.csv' }).getByTestId('table-shape')).toHaveText('7,043 rows × 23 columns');
	await churn.getByRole('combobox', { name: 'Table to score' }).selectOption('new_customers');
	await expect(churn.getByTestId('score-summary')).toContainText('into table new_customers_scored', { timeout: 30_000 });

	// Recommendations for the same customers: their next-best offers go into the drafts.
	await page.getByRole('button', { name: '+ Recommendations' }).click();
	const reco = page.locator('[data-cell-type="recommend"]');
	await reco.getByRole('combobox', { name: 'Customer table' }).selectOption('new_customers');
	await expect(reco.getByRole('combobox', { name: 'Customer id' })).toHaveValue('customerID');
	await reco.getByRole('button', { name: 'Recommend' }).click();
	await expect(reco.getByTestId('recommendations-written')).toContainText('in table new_customers_recommendations', { timeout: 120_000 });

	// The dashboard finds the scored table, guesses the id, value, segment and churn columns.
	await page.getByRole('button', { name: '+ Retention dashboard' }).click();
	const dash = page.locator('[data-cell-type="dashboard"]');
	await expect(dash.getByRole('combobox', { name: 'Scored table' })).toHaveValue('new_customers_scored');
	await expect(dash.getByRole('combobox', { name: 'Customer id' })).toHaveValue('customerID');
	await expect(dash.getByRole('combobox', { name: 'Value column' })).toHaveValue('monthly_charges');
	await expect(dash.getByTestId('kpi-customers')).toContainText('7,043');
	await expect(dash.getByTestId('kpi-churn-rate')).toContainText(/26\.\d|27/);
	await expect(dash.getByTestId('kpi-revenue')).toContainText(/\d/);
	await expect(dash.getByRole('img', { name: 'Risk distribution' }).locator('svg').first()).toBeVisible();
	await expect(dash.getByRole('img', { name: 'Risk by contract' }).locator('svg').first()).toBeVisible();

	// A filter (contract = Month-to-month) and chosen columns (tenure shown, first reason hidden, tenure moved up).
	await dash.getByRole('combobox', { name: 'Filter column' }).selectOption('contract');
	await dash.getByRole('combobox', { name: 'Filter value' }).selectOption('Month-to-month');
	await expect(dash.getByTestId('kpi-customers')).toContainText('3,875');
	await dash.getByText('Columns', { exact: true }).click();
	await dash.getByRole('checkbox', { name: 'Show tenure' }).check();
	await dash.getByRole('checkbox', { name: 'Show reason_1' }).uncheck();
	await dash.getByRole('button', { name: 'Move tenure up' }).click();
	const table = dash.getByRole('table', { name: 'Customers' });
	const headers = table.locator('thead th');
	await expect(headers).toHaveText(['Risk level', 'customerID', 'churn_probability', 'contract', 'tenure', 'monthly_charges']);
	await expect(table.locator('tbody tr').first()).toContainText(/High|Medium|Low/);
	await expect(table.locator('tbody tr').first()).toContainText('Month-to-month');
	// Sorting by tenure, shortest first.
	await table.getByRole('button', { name: 'Sort by tenure' }).click();
	await expect(table.locator('thead th').nth(4)).toHaveAttribute('aria-sort', 'ascending');

	// Alerts: risk at least 0.7; each names the customer by id, never by row.
	await dash.getByText('Alert rules', { exact: true }).first().click();
	await dash.getByRole('spinbutton', { name: 'Churn probability at least' }).fill('0.7');
	await dash.getByRole('spinbutton', { name: 'Churn probability at least' }).press('Tab');
	await expect(dash.getByTestId('alert-count-risk')).toContainText(/High churn risk: [1-9]/);
	const alerts = dash.getByRole('list', { name: 'Alerted customers' });
	await expect(alerts.getByRole('listitem').first()).toContainText(TELCO_ID);
	for (const text of await alerts.getByRole('listitem').allTextContents()) expect(text).not.toMatch(/\brow\b/i);
	const riskCount = Number((await dash.getByTestId('alert-count-risk').textContent())!.replace(/\D/g, ''));
	// Opening an alerted customer shows their risk.
	await alerts.getByRole('button').first().click();
	await expect(dash.getByTestId('detail-risk')).toContainText('Churn probability');
	await expect(dash.getByRole('table', { name: 'Recommendations' }).locator('tbody tr').first()).toContainText(SERVICE);
	// What if this customer signed a two-year contract: re-scored by the notebook's churn model.
	await dash.getByRole('combobox', { name: 'Change' }).selectOption('contract');
	await dash.getByRole('combobox', { name: 'to', exact: true }).selectOption('Two year');
	await expect(dash.getByTestId('what-if-result')).toContainText(/^With contract = Two year: churn probability [\d.]+\s?% \(now [\d.]+\s?%; Logistic regression.*\)\.$/);

	// Outreach: the template with a column placeholder, previewed, then exported.
	await dash.getByRole('textbox', { name: 'Subject' }).fill('{name}: an offer for {customer_id}');
	const body = dash.getByRole('textbox', { name: 'Message' });
	await body.fill('Hello {customer_id},\nyou pay {monthly_charges} a month. We offer you {offer}.');
	const preview = dash.getByRole('article');
	await expect(preview).toContainText(TELCO_ID);
	await expect(preview).toContainText(/you pay \d+\.\d\d a month/);
	// The customer's "<script>" is shown as text and never runs.
	await expect(preview).toContainText(HOSTILE_NAME);
	expect(await preview.locator('script').count()).toBe(0);
	expect(await page.evaluate(() => (window as unknown as { __hostile?: number }).__hostile)).toBeUndefined();

	const zipDownload = page.waitForEvent('download');
	await dash.getByRole('button', { name: 'Download drafts (.eml zip)' }).click();
	const zipFile = await zipDownload;
	expect(zipFile.suggestedFilename()).toBe('new_customers_scored_drafts.zip');
	const files = unzipSync(new Uint8Array(await readFile((await zipFile.path())!)));
	const names = Object.keys(files);
	expect(names.length).toBeGreaterThanOrEqual(riskCount);
	expect(names.every((n) => /^\d{4}-[A-Z]{5}\.eml$/.test(n))).toBe(true);
	const eml = strFromU8(files[names[0]]);
	expect(eml).toMatch(/^To: c\d+@example\.com\r$/m);
	expect(eml).toMatch(/^Subject: =SUM\(1\) <script>window\.__hostile = 1<\/script>: an offer for \d{4}-[A-Z]{5}\r$/m);
	expect(eml).toContain('Content-Type: text/plain; charset=UTF-8\r\n');
	expect(eml).toContain('Content-Transfer-Encoding: quoted-printable\r\n');
	// Each draft offers the customer's next-best offer (or best recommendation) from the recommendation cell.
	expect(eml).toMatch(new RegExp(`\\r\\n\\r\\nHello \\d{4}-[A-Z]{5},\\r\\nyou pay \\d+\\.\\d\\d a month\\. We offer you ${SERVICE.source}\\.`));

	const csvDownload = page.waitForEvent('download');
	await dash.getByRole('button', { name: 'Download drafts (CSV)' }).click();
	const csvFile = await csvDownload;
	const csvBytes = await readFile((await csvFile.path())!);
	expect(Array.from(csvBytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
	const csv = csvBytes.subarray(3).toString('utf8');
	expect(csv.split('\r\n')[0]).toBe('customer_id,to,subject,body');
	const draftLines = csv.match(/^\d{4}-[A-Z]{5},c\d+@example\.com,.*$/gm) ?? [];
	expect(draftLines.length).toBe(names.length);
	// The subject starts like a formula: the CSV writes it as text.
	expect(draftLines[0]).toMatch(/^\d{4}-[A-Z]{5},c\d+@example\.com,'=SUM\(1\) <script>/);

	// Reload: the filter, the columns, the sort, the rule and the template are kept.
	await page.reload();
	const again = page.locator('[data-cell-type="dashboard"]');
	await expect(again.getByRole('combobox', { name: 'Filter column' })).toHaveValue('contract', { timeout: 60_000 });
	await expect(again.getByTestId('kpi-customers')).toContainText('3,875', { timeout: 60_000 });
	await expect(again.getByRole('table', { name: 'Customers' }).locator('thead th')).toHaveText(['Risk level', 'customerID', 'churn_probability', 'contract', /^tenure/, 'monthly_charges']);
	await expect(again.getByRole('table', { name: 'Customers' }).locator('thead th').nth(4)).toHaveAttribute('aria-sort', 'ascending');
	await again.getByText('Alert rules', { exact: true }).first().click();
	await expect(again.getByRole('spinbutton', { name: 'Churn probability at least' })).toHaveValue('0.7');
	await expect(again.getByRole('textbox', { name: 'Message' })).toHaveValue(/you pay \{monthly_charges\} a month/);
	await expect(again.getByRole('textbox', { name: 'Subject' })).toHaveValue('{name}: an offer for {customer_id}');
	await expect(again.getByRole('list', { name: 'Alerted customers' }).getByRole('listitem').first()).toContainText(TELCO_ID);
});
