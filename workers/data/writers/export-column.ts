/** A column handed to a file writer: its name, its DuckDB type (BIGINT, INTEGER, DOUBLE, VARCHAR, DATE, TIMESTAMP, BOOLEAN …) and its values (null = missing). */
export interface ExportColumn {
	name: string;
	type: string;
	values: (string | number | boolean | Date | bigint | null)[];
}
