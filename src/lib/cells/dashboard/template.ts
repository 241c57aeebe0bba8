/**
 * Outreach templates: `{customer_id}`, any customer column (`{monthly_charges}`),
 * `{offer}` and `{reason}` are replaced by the customer's values. The result is
 * plain text: the preview shows it as text nodes (a `<script>` in a name stays
 * text), the CSV neutralises it, the e-mail carries it as text/plain.
 */
import type { CellValue } from '$lib/clients/data';
import { REASON_COLUMNS } from '../scored-table';

/** `{name}`: letters, digits, `_`, `-`, `.` and spaces (column names as written). */
const PLACEHOLDER = /\{([\p{L}\p{N}_ .-]+)\}/gu;

/** Values a template can use: the customer's columns plus customer_id, offer and reason. */
export type TemplateFields = Record<string, string>;

/** A piece of a filled template: text written in the template, or a customer's value. */
export interface TemplatePart {
	text: string;
	/** The placeholder it replaced; absent for the template's own text. */
	field?: string;
}

/** A value as a draft writes it: whole numbers as they are, others to 2 decimals, missing as ''. */
export function fieldText(value: CellValue | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
	return String(value);
}

/**
 * The fields of one customer: every column by name, `customer_id` (the id
 * column's value), `reason` (their first reason, else `noReason`) and `offer`
 * (their first recommended offer, else `noOffer`).
 */
export function customerFields(row: Record<string, CellValue>, idColumn: string, offer: CellValue | undefined, fallback: { noOffer: string; noReason: string }): TemplateFields {
	const fields: TemplateFields = {};
	for (const [name, value] of Object.entries(row)) fields[name] = fieldText(value);
	const reason = REASON_COLUMNS.map((c) => fieldText(row[c])).find((r) => r.trim() !== '');
	fields.customer_id = idColumn ? fieldText(row[idColumn]) : '';
	fields.reason = reason ?? fallback.noReason;
	fields.offer = fieldText(offer) || fallback.noOffer;
	return fields;
}

/** The template cut into its own text and the values put in (unknown placeholders stay as written). */
export function templateParts(template: string, fields: TemplateFields): TemplatePart[] {
	const parts: TemplatePart[] = [];
	let at = 0;
	for (const match of template.matchAll(PLACEHOLDER)) {
		const name = match[1].trim();
		if (!Object.hasOwn(fields, name)) continue;
		if (match.index > at) parts.push({ text: template.slice(at, match.index) });
		parts.push({ text: fields[name], field: name });
		at = match.index + match[0].length;
	}
	if (at < template.length) parts.push({ text: template.slice(at) });
	return parts;
}

/** The template filled with `fields`, as plain text. */
export function fillTemplate(template: string, fields: TemplateFields): string {
	return templateParts(template, fields)
		.map((p) => p.text)
		.join('');
}

/** Placeholders of `template` that no field fills (shown as a warning under the editor). */
export function unknownPlaceholders(template: string, known: string[]): string[] {
	const names = new Set(known);
	return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1].trim()).filter((n) => !names.has(n)))];
}
