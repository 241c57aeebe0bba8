import { describe, expect, it } from 'vitest';
import { parseRecords, sniffCsv } from '$workers/data/csv-sniff';
import { decodeToUtf8, scanUtf8 } from '$workers/data/decode';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('sniffCsv', () => {
	it.each([
		['a,b,c\n1,2,3\n', ',', '.'],
		['a;b;c\n1,5;2;x\n2,5;3;y\n', ';', ','],
		['a\tb\n1.5\t2\n', '\t', '.'],
		['a|b\n1|2\n', '|', '.'],
		['name,note\n"Smith; John","a;b;c"\n"Doe; Jane","d;e;f"\n', ',', '.'],
		['single\n1\n2\n', ',', '.'],
		['client;CA;taux\nA;1 234,50 €;12,5 %\nB;99,90 DH;3 %\n', ';', ',']
	])('sniffCsv(%j) finds delimiter %j and decimal %j', (text, delimiter, decimal) => {
		expect(sniffCsv(utf8(text), 'auto', 'auto')).toMatchObject({ delimiter, decimal });
	});

	it('sniffCsv(all-number first rows) reports no header', () => {
		expect(sniffCsv(utf8('1,2\n3,4\n'), 'auto', 'auto').header).toBe(false);
		expect(sniffCsv(utf8('id,2023,2024\nx,1,2\n'), 'auto', 'auto').header).toBe(true);
	});

	it('parseRecords keeps quoted delimiters, escaped quotes and CRLF apart', () => {
		expect(parseRecords('a,"b,""c"""\r\n1,"x\ny"\r\n', ',', false)).toEqual([['a', 'b,"c"'], ['1', 'x\ny']]);
	});
});

describe('decodeToUtf8', () => {
	it('scanUtf8 accepts a multi-byte character split across chunks', () => {
		const bytes = utf8('ab€cd');
		const stop = scanUtf8(bytes, 0, 3); // '€' starts at 2 and ends at 4
		expect(stop).toBe(5);
		expect(scanUtf8(bytes, stop)).toBe(bytes.length);
	});

	it('decodeToUtf8(UTF-16LE with BOM) converts to UTF-8', () => {
		const bytes = Uint8Array.from([0xff, 0xfe, ...Buffer.from('a;b\né;1\n', 'utf16le')]);
		const decoded = decodeToUtf8(bytes, 'auto');
		expect(new TextDecoder().decode(decoded.utf8)).toBe('a;b\né;1\n');
	});

	it("decodeToUtf8(valid UTF-8, 'auto') returns the same memory", () => {
		const bytes = utf8('x\nçà\n');
		expect(decodeToUtf8(bytes, 'auto').utf8.buffer).toBe(bytes.buffer);
	});
});
