/**
 * Nested values (a list, a record inside a record) as one JSON text cell, so
 * a table keeps them whole and SQL can still reach inside with `json_extract`.
 *
 * Written by hand rather than with `JSON.stringify`, which refuses BigInt:
 * 64-bit integers (Parquet INT64, long ids in JSON) are written as their exact
 * digits, dates as ISO text, and bytes as text (see `bytesText`).
 */

/** Bytes as text: UTF-8 when they are valid UTF-8, else DuckDB's BLOB notation (`\xFF`). */
export function bytesText(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return blobText(bytes);
	}
}

/** DuckDB's text of a BLOB: printable ASCII as is, other bytes (and `\ ' "`) as `\xNN`. */
export function blobText(bytes: Uint8Array): string {
	let text = '';
	for (const b of bytes) {
		const plain = b >= 0x20 && b <= 0x7e && b !== 0x5c && b !== 0x27 && b !== 0x22;
		text += plain ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
	}
	return text;
}

/** `value` as JSON text; `undefined`, NaN, ±Infinity and invalid dates become `null`, as in JSON.stringify. */
export function jsonText(value: unknown): string {
	if (value === null || value === undefined) return 'null';
	switch (typeof value) {
		case 'bigint':
			return value.toString();
		case 'number':
			return Number.isFinite(value) ? JSON.stringify(value) : 'null';
		case 'string':
		case 'boolean':
			return JSON.stringify(value);
		case 'object':
			break;
		default:
			return 'null';
	}
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'null' : JSON.stringify(value.toISOString());
	if (value instanceof Uint8Array) return JSON.stringify(bytesText(value));
	if (Array.isArray(value) || ArrayBuffer.isView(value)) return `[${Array.from(value as ArrayLike<unknown>, jsonText).join(',')}]`;
	const fields = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`);
	return `{${fields.join(',')}}`;
}
