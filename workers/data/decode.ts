/**
 * Turns the bytes of a dropped file into UTF-8 for DuckDB (which reads only
 * UTF-8 well): strips a BOM, keeps valid UTF-8 as is (no copy), converts
 * Windows-1252 (Excel's "CSV" on Western Windows, a superset of Latin-1) and UTF-16.
 */
import type { CsvOptions } from './api';
import { EW } from './error-words';

export interface Decoded {
	/** UTF-8 bytes without BOM (may share memory with the input). */
	utf8: Uint8Array;
	encoding: 'utf-8' | 'windows-1252';
	bom: boolean;
	warnings: string[];
}

const CHUNK = 8 << 20;

/**
 * Checks UTF-8 from `from` until at least `to`. Returns where it stopped: past
 * `to` (a sequence may straddle it) when valid, or `-1 - i` for a bad byte at `i`.
 * Hand-written so a 150 MB ASCII file is checked without building a string.
 */
export function scanUtf8(bytes: Uint8Array, from = 0, to = bytes.length): number {
	let i = from;
	while (i < to) {
		const b = bytes[i];
		if (b < 0x80) {
			i++;
			continue;
		}
		let need: number;
		let lo = 0x80;
		let hi = 0xbf;
		if (b >= 0xc2 && b <= 0xdf) need = 1;
		else if (b >= 0xe0 && b <= 0xef) {
			need = 2;
			if (b === 0xe0) lo = 0xa0; // no overlong forms
			if (b === 0xed) hi = 0x9f; // no UTF-16 surrogates
		} else if (b >= 0xf0 && b <= 0xf4) {
			need = 3;
			if (b === 0xf0) lo = 0x90;
			if (b === 0xf4) hi = 0x8f;
		} else return -1 - i;
		if (i + need >= bytes.length) return -1 - i; // cut at the end of the file
		const second = bytes[i + 1];
		if (second < lo || second > hi) return -1 - i;
		for (let k = 2; k <= need; k++) {
			const c = bytes[i + k];
			if (c < 0x80 || c > 0xbf) return -1 - i;
		}
		i += need + 1;
	}
	return i;
}

/**
 * Code points of Windows-1252 bytes 0x80-0x9F (WHATWG encoding standard);
 * every other byte is the same code point as in Latin-1. Hard-coded because
 * some Node versions decode 'windows-1252' as plain Latin-1 (0x80 → U+0080, not €).
 */
const CP1252_HIGH = [
	0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
	0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
];

/** UTF-8 bytes of each Windows-1252 byte value, built once. */
let cp1252: Uint8Array[] | null = null;
function cp1252Table(): Uint8Array[] {
	if (!cp1252) {
		const enc = new TextEncoder();
		cp1252 = Array.from({ length: 256 }, (_, b) => enc.encode(String.fromCodePoint(b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b)));
	}
	return cp1252;
}

/** Byte-to-bytes conversion: avoids a 150 MB intermediate JS string. */
export function windows1252ToUtf8(bytes: Uint8Array): Uint8Array {
	const table = cp1252Table();
	let size = 0;
	for (let i = 0; i < bytes.length; i++) size += bytes[i] < 0x80 ? 1 : table[bytes[i]].length;
	const out = new Uint8Array(size);
	let o = 0;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		if (b < 0x80) out[o++] = b;
		else {
			const seq = table[b];
			out.set(seq, o);
			o += seq.length;
		}
	}
	return out;
}

function hasPrefix(bytes: Uint8Array, prefix: number[]): boolean {
	return prefix.every((b, i) => bytes[i] === b);
}

/**
 * Decodes per `encoding` ('auto': UTF-8 if valid, else Windows-1252).
 * `onFraction` reports the share of bytes checked so far.
 */
export function decodeToUtf8(bytes: Uint8Array, encoding: CsvOptions['encoding'], onFraction?: (f: number) => void): Decoded {
	const warnings: string[] = [];
	const utf16 = hasPrefix(bytes, [0xff, 0xfe]) ? 'utf-16le' : hasPrefix(bytes, [0xfe, 0xff]) ? 'utf-16be' : null;
	if (utf16) {
		// Excel's "Unicode text" export; rare enough that a string round trip is fine.
		const text = new TextDecoder(utf16).decode(bytes.subarray(2));
		warnings.push(EW.utf16);
		return { utf8: new TextEncoder().encode(text), encoding: 'utf-8', bom: true, warnings };
	}
	const bom = hasPrefix(bytes, [0xef, 0xbb, 0xbf]);
	const body = bom ? bytes.subarray(3) : bytes;
	if (encoding === 'windows-1252') return { utf8: windows1252ToUtf8(body), encoding, bom, warnings };
	let at = 0;
	while (at >= 0 && at < body.length) {
		at = scanUtf8(body, at, Math.min(body.length, at + CHUNK));
		onFraction?.(Math.min(1, Math.abs(at) / body.length));
	}
	if (at >= 0) return { utf8: body, encoding: 'utf-8', bom, warnings };
	if (encoding === 'utf-8') {
		warnings.push(EW.replaced);
		return { utf8: new TextEncoder().encode(new TextDecoder('utf-8').decode(body)), encoding, bom, warnings };
	}
	warnings.push(EW.windows1252);
	return { utf8: windows1252ToUtf8(body), encoding: 'windows-1252', bom, warnings };
}
