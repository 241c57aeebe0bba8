/**
 * Recognises files that are not text (a spreadsheet or image renamed .csv),
 * so the user gets a specific message instead of a DuckDB parse error.
 */
import { fail } from './errors';
import { EW, type BinaryKind } from './error-words';

interface Signature {
	bytes: number[];
	kind: BinaryKind;
}

// Workbooks (ZIP, OLE2) and Parquet are recognised before this check and read by their own readers
// (see `readers/formats.ts`); their signatures here guard the text path only.

const SIGNATURES: Signature[] = [
	{ bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'zip' },
	{ bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'zip' },
	{ bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'xls' },
	{ bytes: [0x25, 0x50, 0x44, 0x46], kind: 'pdf' },
	{ bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'png' },
	{ bytes: [0xff, 0xd8, 0xff], kind: 'jpeg' },
	{ bytes: [0x47, 0x49, 0x46, 0x38], kind: 'gif' },
	{ bytes: [0x1f, 0x8b], kind: 'gzip' },
	{ bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], kind: 'sqlite' }
];

/** What to tell about a file of `kind`: office files get the way to save them as CSV. */
const refusal = (kind: BinaryKind) => (kind === 'zip' || kind === 'xls' ? `${EW.binary[kind]} ${EW.saveAs}` : EW.binary[kind]);

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
	return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/**
 * Throws a plain-language error when `bytes` is a known binary format or holds
 * NUL bytes near the start (text files never do; UTF-16 is handled before).
 */
export function assertTextFile(bytes: Uint8Array, fileName: string): void {
	for (const sig of SIGNATURES) if (startsWith(bytes, sig.bytes)) fail(`${fileName}: ${refusal(sig.kind)}`);
	const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
	if (!utf16 && bytes.subarray(0, 65536).indexOf(0) >= 0) {
		fail(`${fileName}: ${EW.nulBytes}`);
	}
}

/** True for 0 bytes or only spaces, tabs and line breaks. */
export function isBlank(bytes: Uint8Array): boolean {
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
	}
	return true;
}
