import { describe, expect, it } from 'vitest';
import { emptyNotebook, recordStep, type Notebook, type ProcessingEntry } from '$lib/notebook';
import { personalCategories, recordJson, recordPage } from '../../../src/routes/record-page';

const at = '2026-12-07T09:00:00.000Z';
const steps: ProcessingEntry[] = [
	{ at, kind: 'dataset', cellId: 'c1', subject: 'clients <b>.csv', summary: 'Loads clients.csv.', file: { name: 'clients.csv', bytes: 2048 }, writes: [{ name: 'clients', rows: 500, columns: ['id', 'courriel', 'telephone'], personal: [{ column: 'courriel', kind: 'email' }, { column: 'telephone', kind: 'phone' }] }], signature: 's1' },
	{ at, kind: 'transformation', cellId: 'c2', subject: 'Pseudonymise', summary: 'Writes clients_pseudo.', writes: [{ name: 'clients_pseudo', rows: 500, columns: ['id'], personal: [] }], signature: 's2' },
	{ at, kind: 'transformation', cellId: 'c3', subject: 'SQL', summary: 'Saves view q1.', code: "SELECT '<script>alert(1)</script>' AS x", writes: [], signature: 's3' },
	{ at, kind: 'export', cellId: '', subject: 'clients_pseudo.csv', summary: 'Saved clients_pseudo.csv to a file.', file: { name: 'clients_pseudo.csv', bytes: 900 }, signature: 'e' }
];
const doc: Notebook = steps.reduce((d, s) => recordStep(d, s), emptyNotebook('Étude <churn>', 'nb_1'));

describe('record of processing, taken away', () => {
	it('personalCategories lists each kind of personal data seen once', () => {
		expect(personalCategories(doc.record)).toEqual(['email', 'phone']);
		expect(personalCategories(undefined)).toEqual([]);
	});

	it('the JSON file has every step in order, without the internal signatures', () => {
		const file = JSON.parse(recordJson(doc, new Date(at)));
		expect(file.format).toBe('crm-workbench-record-of-processing');
		expect(file.notebook).toEqual({ id: 'nb_1', title: 'Étude <churn>' });
		expect(file.personalDataCategories).toEqual(['email', 'phone']);
		expect(file.entries.map((e: ProcessingEntry) => e.kind)).toEqual(['dataset', 'transformation', 'transformation', 'export']);
		expect(JSON.stringify(file)).not.toContain('signature');
		expect(file.entries[0].writes[0].personal).toEqual([{ column: 'courriel', kind: 'email' }, { column: 'telephone', kind: 'phone' }]);
	});

	it('the printable page escapes every text and holds no script, link or request', () => {
		const page = recordPage(doc, new Date(at));
		expect(page).toContain('clients &lt;b&gt;.csv');
		expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(page).toContain('Étude &lt;churn&gt;');
		expect(page).not.toMatch(/<script|<link|<img|src=|href=|url\(|@import/i);
		expect(page).toContain('courriel (e-mail addresses)');
		expect(page).toContain('no personal data found');
		expect(page.match(/<tr>/g)).toHaveLength(5); // the header and four steps
	});

	it('an empty record prints as such', () => {
		expect(recordPage(emptyNotebook('Empty', 'nb_2'))).toContain('Nothing recorded yet');
	});
});
