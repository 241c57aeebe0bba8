/**
 * JSON parsing that keeps long whole numbers exact. `JSON.parse` reads every
 * number as a double, so an id like 12345678901234567891 would come back as
 * …7000 (a different customer). Browsers' `JSON.parse` source access is not
 * everywhere yet, so such literals are first rewritten as marked strings,
 * parsed, and the marks turned back into BigInt.
 */

/** A string literal (skipped whole, so digits inside text are left alone) or a whole number of 16+ digits. */
const LONG_INTEGERS = /"[^"\\]*(?:\\.[^"\\]*)*"|(?<![\w.+-])-?\d{16,}(?![\w.+-])/g;

/** Text with nothing that could be a long whole number is parsed as is (the usual case, at full speed). */
const MAY_HOLD_LONG = /\d{16}/;

/** Parses JSON `text`; whole numbers beyond 2^53 come back as BigInt. Throws JSON.parse's own error on bad JSON. */
export function parseJson(text: string): unknown {
	if (!MAY_HOLD_LONG.test(text)) return JSON.parse(text);
	// A mark no real string can carry by chance: a NUL and a random tag.
	const mark = `\u0000long${Math.random().toString(36).slice(2)}:`;
	let marked = 0;
	const rewritten = text.replace(LONG_INTEGERS, (token) => {
		if (token.startsWith('"')) return token;
		marked++;
		return `"\\u0000${mark.slice(1)}${token}"`;
	});
	if (marked === 0) return JSON.parse(text);
	let value: unknown;
	try {
		value = JSON.parse(rewritten);
	} catch {
		return JSON.parse(text); // throws, with the position in the user's text
	}
	return unmark(value, mark);
}

/** `value` with every marked string turned back into its number (a plain number when that is exact). */
function unmark(value: unknown, mark: string): unknown {
	if (typeof value === 'string') {
		if (!value.startsWith(mark)) return value;
		const n = BigInt(value.slice(mark.length));
		return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
	}
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) value[i] = unmark(value[i], mark);
		return value;
	}
	if (value !== null && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		for (const key of Object.keys(record)) record[key] = unmark(record[key], mark);
	}
	return value;
}
