/**
 * Outreach drafts for many customers: filled from the template, exported as a
 * CSV (formula-safe, like every CSV the workbench writes) or as one `.eml`
 * file per customer in a zip (fflate, loaded with the first export).
 */
import { csvField, type CellValue } from '$lib/clients/data';
import { emlFileName, formatEml, isEmailAddress } from './eml';
import { customerFields, fillTemplate } from './template';

/** One customer's draft. */
export interface Draft {
	customerId: string;
	/** Their e-mail address ('' when the table has none). */
	to: string;
	subject: string;
	body: string;
}

/** The column holding e-mail addresses (email, e_mail, courriel…), '' when none. */
export function guessEmailColumn(columns: string[]): string {
	return columns.find((c) => /e[-_ ]?mail|courriel/i.test(c)) ?? '';
}

/** Rows as returned by SQL (`columns`, `rows`) as records, one per customer. */
export function rowRecords(columns: string[], rows: CellValue[][]): Record<string, CellValue>[] {
	return rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]])));
}

/** The drafts of `rows`: template filled with each customer's fields; the offer read from `offerField`. */
export function buildDrafts(
	rows: Record<string, CellValue>[],
	template: { subject: string; body: string },
	columns: { id: string; email: string; offerField: string },
	fallback: { noOffer: string; noReason: string }
): Draft[] {
	return rows.map((row) => {
		const { [columns.offerField]: offer, ...customer } = row;
		const fields = customerFields(customer, columns.id, offer, fallback);
		const email = columns.email ? String(row[columns.email] ?? '').trim() : '';
		return {
			customerId: fields.customer_id,
			to: isEmailAddress(email) ? email : '',
			subject: fillTemplate(template.subject, fields),
			body: fillTemplate(template.body, fields)
		};
	});
}

/** The drafts as CSV text: UTF-8 byte-order mark, header, CRLF rows, each text value formula-safe. */
export function draftsCsv(drafts: Draft[]): string {
	const lines = [['customer_id', 'to', 'subject', 'body'].join(',')];
	for (const d of drafts) lines.push([d.customerId, d.to, d.subject, d.body].map(csvField).join(','));
	return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** The drafts as `.eml` files (one per customer, named by id) in zip bytes. */
export async function draftsZip(drafts: Draft[], from: string, date: Date): Promise<Uint8Array> {
	const { zipSync, strToU8 } = await import('fflate');
	const taken = new Set<string>();
	const files: Record<string, Uint8Array> = {};
	for (const d of drafts) {
		files[emlFileName(d.customerId, taken)] = strToU8(formatEml({ to: d.to, from, subject: d.subject, body: d.body, date }));
	}
	return zipSync(files, { level: 6, mtime: date });
}
