/**
 * Model states hold typed arrays (compact, fast) but must travel as JSON
 * (notebooks, exported model files). `encodeState` tags each typed array as
 * `{"$typed": "Float64Array", "base64": "…"}`; `decodeState` restores it.
 */

const TYPED = {
	Float64Array,
	Float32Array,
	Int32Array,
	Uint32Array,
	Int16Array,
	Uint16Array,
	Int8Array,
	Uint8Array
} as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

function typedName(value: unknown): TypedName | null {
	for (const name of Object.keys(TYPED) as TypedName[]) if (value instanceof TYPED[name]) return name;
	return null;
}

const BASE64 = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const PAD = 61; // '='

/**
 * Bytes as base64, the same text `btoa` gives. Written out by table into bytes and decoded once:
 * a large forest's state is ~12 MB, which the binary-string-then-`btoa` route took seconds to encode.
 */
export function toBase64(bytes: Uint8Array): string {
	const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
	let o = 0;
	let i = 0;
	for (; i + 2 < bytes.length; i += 3) {
		const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
		out[o++] = BASE64[n >> 18];
		out[o++] = BASE64[(n >> 12) & 63];
		out[o++] = BASE64[(n >> 6) & 63];
		out[o++] = BASE64[n & 63];
	}
	if (i < bytes.length) {
		const n = (bytes[i] << 16) | (i + 1 < bytes.length ? bytes[i + 1] << 8 : 0);
		out[o++] = BASE64[n >> 18];
		out[o++] = BASE64[(n >> 12) & 63];
		out[o++] = i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : PAD;
		out[o++] = PAD;
	}
	return new TextDecoder().decode(out);
}

export function fromBase64(text: string): Uint8Array {
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

/** A JSON-safe copy of `value` with typed arrays tagged. */
export function encodeState(value: unknown): unknown {
	const name = typedName(value);
	if (name) {
		const typed = value as Typed;
		return { $typed: name, base64: toBase64(new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength)) };
	}
	if (Array.isArray(value)) return value.map(encodeState);
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeState(v)]));
	}
	return value;
}

/** The inverse of `encodeState`. */
export function decodeState<T>(value: unknown): T {
	return decode(value) as T;
}

function decode(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(decode);
	if (value && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		if (typeof record.$typed === 'string' && typeof record.base64 === 'string') {
			const ctor = TYPED[record.$typed as TypedName];
			if (!ctor) throw new Error(`invalid typed array: ${record.$typed}`);
			const bytes = fromBase64(record.base64);
			return new ctor(bytes.buffer as ArrayBuffer, 0, bytes.byteLength / ctor.BYTES_PER_ELEMENT);
		}
		return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decode(v)]));
	}
	return value;
}
