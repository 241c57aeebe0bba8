/**
 * Data worker entry: exposes the engine over Comlink. DuckDB opens on the
 * first call (not at module load), so the worker answers immediately and a
 * failed start can be retried. Arrow results are transferred, not copied.
 */
// First import: no library below may capture an unguarded fetch or XMLHttpRequest.
import '../shared/network-guard';
import * as Comlink from 'comlink';
import type { ArrowBytes, ChartDataRequest, CsvDialect, TrainingSample } from './api';
import { openBrowserDuckDB } from './duckdb-browser';
import { DataEngine } from './engine';
import { OpfsStore } from './opfs-store';

// DuckDB returns fresh (non-shared) buffers, so handing them over is safe.
const moved = <T extends { ipc: Uint8Array }>(result: T): T => Comlink.transfer(result, [result.ipc.buffer as ArrayBuffer]);

class WorkerEngine extends DataEngine {
	override async chartData(request: ChartDataRequest): Promise<ArrowBytes> {
		return moved(await super.chartData(request));
	}
	override async exportArrow(relation: string, sample?: TrainingSample): Promise<ArrowBytes> {
		return moved(await super.exportArrow(relation, sample));
	}
	override async readStoredFile(fileKey: string): Promise<Uint8Array | null> {
		// The store hands out a copy of the kept bytes: moving it leaves the store as it was.
		const bytes = await super.readStoredFile(fileKey);
		return bytes ? Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]) : null;
	}
	override async exportTable(relation: string, format: 'xlsx' | 'parquet'): Promise<Uint8Array> {
		const bytes = await super.exportTable(relation, format);
		return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
	}
	override async exportCsv(relation: string, dialect?: CsvDialect): Promise<Uint8Array> {
		const bytes = await super.exportCsv(relation, dialect);
		return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
	}
}

Comlink.expose(new WorkerEngine(openBrowserDuckDB, new OpfsStore()));
