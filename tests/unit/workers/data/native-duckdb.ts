/**
 * Native DuckDB for tests: Parquet built in and no lockdown, so it makes
 * Parquet fixtures with each codec and reads our files back as a second,
 * independent implementation. Files live in a temporary folder of its own.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type Json } from '@duckdb/node-api';

export class NativeDuckDB {
	private files = 0;

	private constructor(
		private readonly instance: DuckDBInstance,
		private readonly conn: DuckDBConnection,
		private readonly dir: string
	) {}

	static async open(): Promise<NativeDuckDB> {
		const instance = await DuckDBInstance.create(':memory:');
		return new NativeDuckDB(instance, await instance.connect(), mkdtempSync(join(tmpdir(), 'crm-parquet-')));
	}

	/** The Parquet bytes DuckDB writes for `select`, with `compression` (uncompressed, snappy, gzip, zstd, brotli, lz4, lz4_raw). */
	async parquet(select: string, compression = 'snappy', options = ''): Promise<Uint8Array> {
		const path = join(this.dir, `fixture_${++this.files}.parquet`);
		await this.conn.run(`COPY (${select}) TO '${path}' (FORMAT parquet, COMPRESSION ${compression}${options ? `, ${options}` : ''})`);
		return new Uint8Array(readFileSync(path));
	}

	/** Rows of `sql`, where `$file` names a file holding `bytes`; values as JSON (64-bit integers, dates as text). */
	async rows(bytes: Uint8Array, sql: string): Promise<Record<string, Json>[]> {
		const path = join(this.dir, `read_${++this.files}.parquet`);
		writeFileSync(path, bytes);
		const reader = await this.conn.runAndReadAll(sql.replaceAll('$file', `'${path}'`));
		return reader.getRowObjectsJson();
	}

	close(): void {
		this.conn.closeSync();
		this.instance.closeSync();
		rmSync(this.dir, { recursive: true, force: true });
	}
}
