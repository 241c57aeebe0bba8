/**
 * About how many bytes a kept value takes in browser storage: what the
 * privacy panel shows per notebook. Browsers do not report the size of one
 * IndexedDB entry, so it is counted from the value: the bytes of typed
 * arrays, two per character of text (IndexedDB keeps JavaScript strings),
 * eight per number, and the keys of objects.
 */
export function approxBytes(value: unknown, seen = new Set<object>()): number {
	if (value === null || value === undefined) return 0;
	if (typeof value === 'string') return value.length * 2;
	if (typeof value === 'number' || typeof value === 'bigint') return 8;
	if (typeof value === 'boolean') return 4;
	if (typeof value !== 'object') return 0;
	if (seen.has(value)) return 0; // a value shared twice is stored once (structured clone keeps references)
	seen.add(value);
	if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value.byteLength;
	if (value instanceof Map) return [...value].reduce((sum, [k, v]) => sum + approxBytes(k, seen) + approxBytes(v, seen), 0);
	if (value instanceof Set) return [...value].reduce((sum, v) => sum + approxBytes(v, seen), 0);
	if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + approxBytes(v, seen), 0);
	return Object.entries(value).reduce((sum, [k, v]) => sum + k.length * 2 + approxBytes(v, seen), 0);
}
