import { describe, expect, it } from 'vitest';
import { fileLines, scanCsv } from '$workers/data/csv-scan';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('scanCsv', () => {
	it.each([
		['LF', 'a,b\n1,2\n3\n4,5,6\n', 3],
		['CRLF and blank lines', 'a,b\r\n1,2\r\n\r\n3\r\n4,5,6\r\n', 3],
		['no final line break', 'a,b\n1,2\n3', 2],
		['quoted delimiters and line breaks', 'a,b\n"x,y","1\n2"\n3,4\n', 2]
	])('scanCsv(%s) counts the data rows', (_, csv, rows) => {
		expect(scanCsv(bytes(csv), ',', true).dataRows).toBe(rows);
	});

	it('scanCsv(ragged) maps DuckDB line numbers of short and long rows to file lines', () => {
		const scan = scanCsv(bytes('a,b,c\n1,"x\ny",3\n\n4,5\n6,7,8,9\n'), ',', true);
		// DuckDB numbers records (blank lines included, quoted breaks not): "4,5" is its line 4, file line 5.
		expect([...scan.short]).toEqual([[4, 5]]);
		expect([...scan.long]).toEqual([[5, 6]]);
		expect(scan.headerFields).toBe(3);
	});

	it('scanCsv(unclosed quote) gives the line the quote opens on', () => {
		expect(scanCsv(bytes('a,b\n1,x\n2,"y\n3,z\n'), ',', true).unclosedQuoteLine).toBe(3);
		expect(scanCsv(bytes('a,b\n1,"say ""hi"""\n'), ',', true).unclosedQuoteLine).toBe(0);
	});

	it('scanCsv(long field) finds the longest record and its longest field', () => {
		const scan = scanCsv(bytes(`id;note\n1;a\n2;${'x'.repeat(1000)}\n`), ';', true);
		expect(scan.longest).toEqual({ line: 3, bytes: 1003, longestField: 1000 });
	});

	it('fileLines(utf8, delimiter, ordinals) finds the file line of DuckDB lines', () => {
		expect([...fileLines(bytes('a\n"1\n2"\nx\n'), ',', [3])]).toEqual([[3, 4]]);
	});
});
