/**
 * One column of a result as an exporter receives it: its name, its DuckDB
 * type (which decides, for instance, whether a date shows its time) and its
 * values as Arrow gives them.
 */

/** A value to export: text, a number, a 64-bit integer, a yes/no, a date-time (read as UTC) or missing. */
export type ExportValue = string | number | boolean | Date | bigint | null;

export interface ExportColumn {
	name: string;
	/** The DuckDB type, e.g. 'BIGINT', 'DOUBLE', 'VARCHAR', 'DATE', 'TIMESTAMP', 'BOOLEAN'. */
	type: string;
	values: ExportValue[];
}
