/**
 * Why a file cannot be read as a workbook, in words. The first bytes are
 * checked before the library loads: SheetJS reads any text as a one-column
 * sheet, so a CSV or a PDF named .xlsx would otherwise "open" as garbage.
 * The library's own failures (a password, a ZIP that holds no workbook) are
 * rewritten as sentences the user can act on.
 */
import { messageOf } from '../errors';

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);

/** ZIP (.xlsx, .xlsm, .ods), OLE2 (.xls, an encrypted .xlsx), a bare BIFF2–5 stream (very old .xls). */
const CONTAINERS = [[0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [0x09, 0x00], [0x09, 0x02], [0x09, 0x04], [0x09, 0x08]];

/** Markup: Excel 2003 XML, flat OpenDocument, or a web page table saved with an .xls name. */
function isMarkup(bytes: Uint8Array): boolean {
	let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
	while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
	return bytes[i] === 0x3c;
}

const notWorkbook = (fileName: string) =>
	`"${fileName}" is not an Excel or OpenDocument workbook (.xlsx, .xlsm, .xls, .ods), so it cannot be read as one. If it is a CSV or text file, give it a .csv name and drop it again.`;

/**
 * Whether a ZIP ends with its directory (the "end of central directory"
 * record, in its last 64 KiB + 22 bytes): a ZIP cut short has none, and the
 * library can spin on one instead of failing.
 */
function zipIsWhole(bytes: Uint8Array): boolean {
	for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
		if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true;
	}
	return false;
}

/** Throws a plain-language error unless `bytes` starts like a workbook (and, for a ZIP, ends like one). */
export function assertWorkbookBytes(bytes: Uint8Array, fileName: string): void {
	if (bytes.length === 0) throw new Error(`The file "${fileName}" is empty.`);
	if (!CONTAINERS.some((sig) => startsWith(bytes, sig)) && !isMarkup(bytes)) throw new Error(notWorkbook(fileName));
	if (startsWith(bytes, CONTAINERS[0]) && !zipIsWhole(bytes)) {
		throw new Error(`"${fileName}" is an incomplete ZIP file (its end is missing: an interrupted download or copy?), so it cannot be read as a workbook. Download or save it again.`);
	}
}

/** The error to show for what SheetJS threw while reading `fileName`. */
export function workbookError(e: unknown, fileName: string): Error {
	const text = messageOf(e);
	if (/password|encrypt/i.test(text)) {
		return new Error(
			`"${fileName}" is protected by a password (encrypted), so it cannot be read here. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, then clear it), save it and drop it again.`
		);
	}
	if (/Unsupported ZIP file|Cannot find (file|Workbook stream)|could not find <table>/i.test(text)) return new Error(notWorkbook(fileName));
	return new Error(`"${fileName}" could not be read as a workbook (${text}). It may be damaged: open it in Excel or LibreOffice, save it again as .xlsx and drop it again.`);
}
