/**
 * Recognises JSON files (`.json`, NDJSON / JSON Lines), which would otherwise
 * be read as one CSV column of `{"…": …}` text: they go to the JSON reader.
 */

const JSON_NAME = /\.(json|ndjson|jsonl|geojson)$/i;
/**
 * A first line that opens JSON: `{` then a key, or `[` then an object, array
 * or string (pretty-printed JSON, a long first record cut at FIRST_LINE_BYTES).
 * A CSV header never starts so (`[id],[name]` does not match).
 */
const JSON_OPENING = /^\{\s*("|\}|$)|^\[\s*(\{|\[|"|\]|$)/;
/** The first line is enough to tell (an NDJSON record, or an opener); no need to decode more. */
const FIRST_LINE_BYTES = 64 * 1024;

/** The first non-blank line of `utf8`, trimmed (at most FIRST_LINE_BYTES of it). */
function firstLine(utf8: Uint8Array): string {
	const text = new TextDecoder('utf-8').decode(utf8.subarray(0, FIRST_LINE_BYTES), { stream: true });
	return text.trimStart().split(/\r?\n/, 1)[0].trim();
}

function isJsonValue(text: string): boolean {
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null;
	} catch {
		return false;
	}
}

/**
 * Whether a file is JSON, to be read as records rather than as CSV: a JSON
 * extension, or a first line that parses as a JSON object or array (NDJSON,
 * one-line JSON) or opens one.
 */
export function isJsonFile(utf8: Uint8Array, fileName: string): boolean {
	if (JSON_NAME.test(fileName)) return true;
	const line = firstLine(utf8);
	if (!line.startsWith('{') && !line.startsWith('[')) return false;
	return JSON_OPENING.test(line) || isJsonValue(line);
}
