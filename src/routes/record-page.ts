/**
 * The record of processing as the user takes it away: a JSON file for
 * archives and tools, and a printable page (one self-contained HTML file:
 * inline style, no script, no link to anything) for a compliance folder.
 */
import { formatCount, locale } from '$lib/i18n';
import { type Notebook, type ProcessingEntry, type ProcessingRecord, type RecordedTable } from '$lib/notebook';
import { formatBytes } from '$lib/ui/format';
import { R } from './record-messages';

export const RECORD_FORMAT = 'crm-workbench-record-of-processing';

/** The kinds of personal data seen in any table the notebook loaded or made, in the detectors' order of first sight. */
export function personalCategories(record: ProcessingRecord | undefined): string[] {
	const kinds = (record?.entries ?? []).flatMap((e) => (e.writes ?? []).flatMap((t) => (t.personal ?? []).map((p) => p.kind)));
	return [...new Set(kinds)];
}

/** The JSON file: the steps as recorded, without the internal signatures. */
export function recordJson(doc: Notebook, now = new Date()): string {
	const record = doc.record ?? { entries: [], dropped: 0 };
	const entries = record.entries.map(({ signature: _, ...step }) => step);
	return JSON.stringify(
		{
			format: RECORD_FORMAT,
			version: 1,
			notebook: { id: doc.id, title: doc.title },
			exportedAt: now.toISOString(),
			processedIn: 'this browser only (no server, no transfer)',
			personalDataCategories: personalCategories(record),
			dropped: record.dropped,
			entries
		},
		null,
		2
	);
}

/** A timestamp in the interface's language. */
export function formatWhen(at: string): string {
	return new Date(at).toLocaleString(locale.current === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
}

/** One table a step wrote, in words: its shape and the personal data in it. */
export function tableText(t: RecordedTable): string {
	const shape = R.table(t.name, formatCount(t.rows), t.columns.length);
	if (!t.personal) return shape;
	const personal = t.personal.length ? t.personal.map((p) => `${p.column} (${R.personalKinds[p.kind] ?? p.kind})`).join(', ') : R.noPersonal;
	return `${shape}. ${R.personal}: ${personal}`;
}

/** What a step did, in words (its summary, then the file it read or wrote). */
export function stepText(e: ProcessingEntry): string {
	return e.file ? `${e.summary} ${R.file(e.file.name, formatBytes(e.file.bytes))}.` : e.summary;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** The printable page: a summary (what personal data, where it was processed) and every step in order. */
export function recordPage(doc: Notebook, now = new Date()): string {
	const record = doc.record ?? { entries: [], dropped: 0 };
	const categories = personalCategories(record).map((k) => R.personalKinds[k] ?? k);
	const exports = record.entries.filter((e) => e.kind === 'export').length;
	const rows = record.entries.map((e) => {
		const tables = (e.writes ?? []).map((t) => `<li>${esc(tableText(t))}</li>`).join('');
		const code = e.code ? `<pre>${esc(e.code)}</pre>` : '';
		return `<tr><td>${esc(formatWhen(e.at))}</td><td>${esc(R.kinds[e.kind])}</td><td><strong>${esc(e.subject)}</strong><br>${esc(stepText(e))}${code}</td><td>${tables ? `<ul>${tables}</ul>` : ''}</td></tr>`;
	});
	const lang = locale.current;
	return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(`${R.title} — ${doc.title}`)}</title>
<style>
body{font:13px/1.45 system-ui,sans-serif;color:#111;margin:2rem}
h1{font-size:1.4rem;margin:0 0 .3rem}h2{font-size:1.1rem;margin:1.4rem 0 .4rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem .4rem;vertical-align:top;text-align:left}
th{background:#eee}pre{white-space:pre-wrap;font-size:11px;margin:.3rem 0 0}ul{margin:0;padding-left:1rem}
dt{font-weight:600}dd{margin:0 0 .5rem}
@media print{body{margin:0}tr{break-inside:avoid}}
</style></head><body>
<h1>${esc(R.title)}</h1>
<p>${esc(R.notebook)}: <strong>${esc(doc.title)}</strong> · ${esc(R.printedAt(formatWhen(now.toISOString())))}</p>
<h2>${esc(R.summaryTitle)}</h2>
<dl><dt>${esc(R.categories)}</dt><dd>${esc(categories.length ? categories.join(', ') : R.noCategories)}</dd>
<dt>${esc(R.where)}</dt><dd>${esc(R.whereText)} ${esc(R.exportsCount(exports))}</dd></dl>
${record.dropped ? `<p>${esc(R.dropped(record.dropped))}</p>` : ''}
<table><thead><tr><th>${esc(R.when)}</th><th>${esc(R.step)}</th><th>${esc(R.what)}</th><th>${esc(R.tables)}</th></tr></thead>
<tbody>${rows.join('\n') || `<tr><td colspan="4">${esc(R.empty)}</td></tr>`}</tbody></table>
</body></html>
`;
}
