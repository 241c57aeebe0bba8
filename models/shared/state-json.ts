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

/** Bytes as base64 (in chunks: spreading a whole large array overflows the call stack). */
export function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
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
