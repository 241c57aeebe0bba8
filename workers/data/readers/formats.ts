/**
 * Which reader a file goes to, from its first bytes and then its name:
 * Parquet (`PAR1`), a workbook (a ZIP or an OLE2 package, or an Excel/ODS
 * name), JSON (a JSON name or a first line that is or opens JSON), else CSV.
 * A ZIP that is not a workbook, or a `.parquet` that is not Parquet, still
 * goes to that reader, which refuses it in words.
 */
const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);

const PARQUET = [0x50, 0x41, 0x52, 0x31];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];
const EXCEL_NAME = /\.(xlsx|xlsm|xlsb|xls|ods|fods)$/i;
const PARQUET_NAME = /\.parquet$/i;

export type FileFormat = 'csv' | 'excel' | 'parquet' | 'json';

/** The reader for `bytes` of `fileName`; `isJson` tells text JSON from CSV (see `json-check.ts`). */
export function fileFormat(fileName: string, bytes: Uint8Array, isJson: (bytes: Uint8Array, fileName: string) => boolean): FileFormat {
	if (startsWith(bytes, PARQUET)) return 'parquet';
	if (startsWith(bytes, ZIP) || startsWith(bytes, OLE2) || EXCEL_NAME.test(fileName)) return 'excel';
	if (PARQUET_NAME.test(fileName)) return 'parquet';
	return isJson(bytes, fileName) ? 'json' : 'csv';
}
