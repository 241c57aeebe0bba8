import { describe, expect, it } from 'vitest';
import type { MemoryStatus } from '$workers/data';
import { LOAD_FACTOR, loadVerdict, parseBytes, roomLeft, WASM_CEILING } from '$workers/data/memory';
import { load, newEngine } from './engine-fixture';

const GiB = 1024 ** 3;
const status = (over: Partial<MemoryStatus> = {}): MemoryStatus => ({ usedBytes: 0, heapBytes: null, limitBytes: 3 * GiB, ceilingBytes: WASM_CEILING, deviceBytes: null, ...over });

describe('memory budget', () => {
	it.each([
		['3.1 GiB', 3.1 * GiB],
		['1.5 GB', 1.5e9],
		['512.0 MiB', 512 * 1024 ** 2],
		['0 bytes', 0],
		['lots', null]
	])('parseBytes(%s)', (text, bytes) => {
		expect(parseBytes(text)).toBe(bytes);
	});

	it('room is the tightest limit less what the heap or DuckDB already takes', () => {
		expect(roomLeft(status())).toBe(3 * GiB);
		expect(roomLeft(status({ usedBytes: GiB }))).toBe(2 * GiB);
		expect(roomLeft(status({ usedBytes: GiB, heapBytes: 2 * GiB }))).toBe(GiB);
		expect(roomLeft(status({ deviceBytes: 4 * GiB }))).toBe(2 * GiB); // half the machine
		expect(roomLeft(status({ limitBytes: 8 * GiB }))).toBe(WASM_CEILING);
		expect(roomLeft(status({ heapBytes: 5 * GiB }))).toBe(0);
	});

	it('a file fits when its estimated cost does; else the start that fits is offered', () => {
		const small = loadVerdict(status(), 100e6);
		expect(small).toMatchObject({ fits: true, needBytes: 100e6 * LOAD_FACTOR });
		const big = loadVerdict(status(), 2e9);
		expect(big.fits).toBe(false);
		expect(big.fittingBytes).toBeGreaterThan(0);
		expect(big.fittingBytes * LOAD_FACTOR).toBeLessThan(big.roomBytes);
		expect(big.fittingBytes % 1e6).toBe(0);
	});

	it('DuckDB reports its use and limit', async () => {
		const { engine } = await newEngine();
		const s = await engine.memoryStatus();
		expect(s.ceilingBytes).toBe(WASM_CEILING);
		expect(s.limitBytes).toBeGreaterThan(0);
		expect(s.usedBytes).toBeGreaterThanOrEqual(0);
	});
});

describe('loading the start of a file', () => {
	it('cuts at the last whole line and says how much was loaded', async () => {
		const { engine } = await newEngine();
		const csv = 'id,v\n' + Array.from({ length: 1000 }, (_, i) => `${i},${i * 2}`).join('\n') + '\n';
		const start = new TextEncoder().encode(csv).slice(0, 2000);
		const report = await engine.loadFile({ fileKey: 'k', fileName: 'big.csv', bytes: start.buffer, wholeBytes: csv.length }, 't', { delimiter: 'auto', decimal: 'auto', encoding: 'auto', maxBytes: 2000 });
		const lines = new TextDecoder().decode(start).split('\n').length - 2; // header and the cut line
		expect(report.rowCount).toBe(lines);
		expect(report.warnings.join(' ')).toMatch(/Only the first 2 kB of the 8 kB of the file "big.csv" were loaded \(\d+ rows/);
	});
});
