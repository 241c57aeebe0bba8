/**
 * Values kept in IndexedDB (trained models, results) written into a notebook
 * file as JSON. IndexedDB keeps them by structured clone, which holds what JSON
 * loses: NaN and ±Infinity (JSON writes null), -0, typed arrays, ArrayBuffers,
 * dates, maps and sets. `encodeKept` tags each of those as
 * `{"$kept": "<kind>", …}` so that
 * `decodeKept(JSON.parse(JSON.stringify(encodeKept(v))))` equals `v`: a model
 * reopened from a file predicts exactly as the one that was saved.
 */
import { fromBase64, toBase64 } from '$models/shared';

const TAG = '$kept';

// BigInt arrays are here too: DuckDB hands 64-bit integers over as them.
const TYPED = {
	Float64Array,
	Float32Array,
	Int32Array,
	Uint32Array,
	Int16Array,
	Uint16Array,
	Int8Array,
	Uint8Array,
	Uint8ClampedArray,
	BigInt64Array,
	BigUint64Array
} as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

/** The numbers JSON cannot write, by the text they are tagged with. */
const SPECIAL_NUMBERS: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };

function typedName(value: object): TypedName | null {
	if (!ArrayBuffer.isView(value)) return null;
	for (const name of Object.keys(TYPED) as TypedName[]) if (value instanceof TYPED[name]) return name;
	return null;
}

/**
 * Only plain objects are written property by property: anything else (a Blob,
 * a class instance) would lose what it is, silently; better to refuse it.
 */
function isPlainObject(value: object): boolean {
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}

/**
 * A JSON-safe copy of `value`. Object properties that are `undefined` are left
 * out, as JSON does; everything else comes back as it was. Throws a TypeError
 * for a function, a symbol, a value that contains itself, or an object that is
 * not one of the kinds above (its content would be lost). An object reached
 * twice is written twice (JSON has no references).
 */
export function encodeKept(value: unknown): unknown {
	return encode(value, new Set());
}

function encode(value: unknown, ancestors: Set<object>): unknown {
	switch (typeof value) {
		case 'string':
		case 'boolean':
			return value;
		case 'number':
			// -0 too: JSON writes it as 0, and a kept model must not change sign.
			if (Number.isFinite(value) && !Object.is(value, -0)) return value;
			return { [TAG]: 'number', value: Object.is(value, -0) ? '-0' : String(value) };
		case 'bigint':
			return { [TAG]: 'bigint', value: value.toString() };
		case 'undefined':
			// Reached only in an array, a map, a set or at the top: properties are dropped before.
			return { [TAG]: 'undefined' };
		case 'function':
		case 'symbol':
			throw new TypeError(`cannot keep a ${typeof value} in a notebook file`);
	}
	if (value === null) return null;
	const object = value as object;
	if (ancestors.has(object)) throw new TypeError('cannot keep a value that contains itself in a notebook file');
	ancestors.add(object);
	try {
		return encodeObject(object, ancestors);
	} finally {
		ancestors.delete(object);
	}
}

function encodeObject(value: object, ancestors: Set<object>): unknown {
	const inner = (v: unknown) => encode(v, ancestors);
	if (Array.isArray(value)) return Array.from(value, inner); // a hole reads as undefined, kept as such
	const name = typedName(value);
	if (name) {
		const typed = value as Typed;
		// The view's own bytes only: a Float32Array may be a window on a larger buffer.
		return { [TAG]: name, base64: toBase64(new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength)) };
	}
	if (value instanceof ArrayBuffer) return { [TAG]: 'ArrayBuffer', base64: toBase64(new Uint8Array(value)) };
	if (value instanceof Date) {
		const time = value.getTime();
		return { [TAG]: 'Date', value: Number.isNaN(time) ? null : value.toISOString() };
	}
	if (value instanceof Map) return { [TAG]: 'Map', entries: Array.from(value, ([k, v]) => [inner(k), inner(v)]) };
	if (value instanceof Set) return { [TAG]: 'Set', values: Array.from(value, inner) };
	if (!isPlainObject(value)) {
		throw new TypeError(`cannot keep a ${value.constructor?.name ?? 'value of this kind'} in a notebook file`);
	}
	const record: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(value)) {
		if (v !== undefined) defineOwn(record, k, inner(v));
	}
	// An object of the caller's that has a "$kept" key of its own would read as a tag: it is wrapped.
	return Object.hasOwn(record, TAG) ? { [TAG]: 'object', value: record } : record;
}

/** Sets `key` as an own property, even "__proto__" (assignment would change the prototype instead). */
function defineOwn(record: Record<string, unknown>, key: string, value: unknown): void {
	Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The inverse of `encodeKept`; throws an Error naming what is malformed. */
export function decodeKept<T>(json: unknown): T {
	return decode(json) as T;
}

function decode(json: unknown): unknown {
	if (json === null || typeof json === 'string' || typeof json === 'boolean' || typeof json === 'number') return json;
	if (Array.isArray(json)) return json.map(decode);
	if (typeof json !== 'object') throw new Error(`a kept value cannot hold a ${typeof json}`);
	const record = json as Record<string, unknown>;
	return Object.hasOwn(record, TAG) ? decodeTagged(record) : decodeRecord(record);
}

function decodeRecord(record: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(record)) defineOwn(out, k, decode(v));
	return out;
}

function decodeTagged(record: Record<string, unknown>): unknown {
	const tag = record[TAG];
	switch (tag) {
		case 'number':
			if (typeof record.value === 'string' && Object.hasOwn(SPECIAL_NUMBERS, record.value)) return SPECIAL_NUMBERS[record.value];
			throw new Error(`invalid kept number: ${String(record.value)}`);
		case 'bigint':
			if (typeof record.value === 'string' && /^-?\d+$/.test(record.value)) return BigInt(record.value);
			throw new Error('invalid kept bigint');
		case 'undefined':
			return undefined;
		case 'object':
			if (!isJsonObject(record.value)) throw new Error('invalid kept object');
			return decodeRecord(record.value);
		case 'ArrayBuffer':
			return bytesOf(record).buffer;
		case 'Date':
			if (record.value === null) return new Date(NaN);
			if (typeof record.value === 'string' && !Number.isNaN(Date.parse(record.value))) return new Date(record.value);
			throw new Error('invalid kept date');
		case 'Map':
			if (!Array.isArray(record.entries) || !record.entries.every((e) => Array.isArray(e) && e.length === 2)) {
				throw new Error('invalid kept map');
			}
			return new Map((record.entries as [unknown, unknown][]).map(([k, v]) => [decode(k), decode(v)]));
		case 'Set':
			if (!Array.isArray(record.values)) throw new Error('invalid kept set');
			return new Set(record.values.map(decode));
	}
	// hasOwn: "constructor" or "toString" must not find Object's own members.
	if (typeof tag === 'string' && Object.hasOwn(TYPED, tag)) {
		const ctor = TYPED[tag as TypedName];
		const bytes = bytesOf(record);
		if (bytes.byteLength % ctor.BYTES_PER_ELEMENT !== 0) throw new Error(`invalid kept ${tag}: ${bytes.byteLength} bytes`);
		return new ctor(bytes.buffer as ArrayBuffer, 0, bytes.byteLength / ctor.BYTES_PER_ELEMENT);
	}
	throw new Error(`unknown kept value kind: ${String(tag)}`);
}

function bytesOf(record: Record<string, unknown>): Uint8Array {
	if (typeof record.base64 !== 'string') throw new Error(`invalid kept ${String(record[TAG])}: no base64`);
	return fromBase64(record.base64);
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
