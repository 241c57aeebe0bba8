/**
 * How much data this tab can hold, and whether a file will fit before it is
 * read: a tab that runs out of memory dies with everything in it, so a load
 * that will not fit is refused in words, with a way out, instead.
 *
 * Three limits apply: the WebAssembly ceiling (DuckDB-WASM's memory is one
 * wasm32 heap, at most 4 GiB, and DuckDB-WASM cannot spill to disk), DuckDB's
 * own `memory_limit`, and the machine (the browser's coarse
 * `navigator.deviceMemory`, when it says).
 */
import type { MemoryStatus } from './api';
import type { Db } from './db';
import { num } from './values';

/** wasm32 addresses at most 4 GiB. */
export const WASM_CEILING = 4 * 1024 ** 3;

/**
 * What loading a file takes in DuckDB's heap, per byte of the file: the
 * table it makes and the buffers of the import (the file itself stays
 * outside the heap: see `register-file.ts`); the heap keeps its high-water
 * mark. Measured with `npm run bench:load`: a 558 MB CSV left the heap at
 * 1.3 GB (2.4 per byte; 3.4 when the file was copied into the heap).
 */
export const LOAD_FACTOR = 2.5;

function heapBytes(db: Db): number | null {
	const mod = (db.bindings as unknown as { mod?: { HEAPU8?: Uint8Array } }).mod;
	return mod?.HEAPU8?.byteLength ?? null;
}

/** DuckDB's byte counts in a setting such as "3.1 GiB" or "1.2 GB". */
export function parseBytes(text: string): number | null {
	const m = /^\s*([\d.]+)\s*([KMGT]?i?B|bytes?)\s*$/i.exec(text);
	if (!m) return null;
	const unit = m[2].toUpperCase();
	const base = unit.includes('I') ? 1024 : 1000;
	const power = { B: 0, BYTE: 0, BYTES: 0, KB: 1, KIB: 1, MB: 2, MIB: 2, GB: 3, GIB: 3, TB: 4, TIB: 4 }[unit] ?? 0;
	return Number(m[1]) * base ** power;
}

export function memoryStatus(db: Db): MemoryStatus {
	const used = num(db.query(`SELECT coalesce(sum(memory_usage_bytes), 0) AS used FROM duckdb_memory()`).get(0)?.used);
	const limit = parseBytes(String(db.query(`SELECT current_setting('memory_limit') AS l`).get(0)?.l ?? '')) ?? WASM_CEILING;
	const deviceGb = (globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory;
	return {
		usedBytes: used,
		heapBytes: heapBytes(db),
		limitBytes: Math.min(limit, WASM_CEILING),
		ceilingBytes: WASM_CEILING,
		deviceBytes: deviceGb ? deviceGb * 1024 ** 3 : null
	};
}

/** The bytes data may still take in this tab: the tightest of the limits, less what is used. */
export function roomLeft(status: MemoryStatus): number {
	// The heap grows and never shrinks: what it holds beyond DuckDB's count is taken too.
	const taken = Math.max(status.usedBytes, status.heapBytes ?? 0);
	// Half the machine at most: the browser, the page and the other tabs need the rest.
	const machine = status.deviceBytes ? status.deviceBytes / 2 : Infinity;
	return Math.max(0, Math.min(status.limitBytes, status.ceilingBytes, machine) - taken);
}

/** Whether a file of `fileBytes` can load now; when not, the largest start of it that can. */
export function loadVerdict(status: MemoryStatus, fileBytes: number): { fits: boolean; needBytes: number; roomBytes: number; fittingBytes: number } {
	const roomBytes = roomLeft(status);
	const needBytes = fileBytes * LOAD_FACTOR;
	// A round number of megabytes, with a margin: the estimate is an estimate.
	const fittingBytes = Math.floor((roomBytes * 0.8) / LOAD_FACTOR / 1e6) * 1e6;
	return { fits: needBytes <= roomBytes, needBytes, roomBytes, fittingBytes };
}
