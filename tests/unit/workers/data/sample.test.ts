import { beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import type { DataEngine } from '$workers/data';
import { load, newEngine } from './engine-fixture';

let engine: DataEngine;

beforeAll(async () => {
	({ engine } = await newEngine());
	// 10,000 customers, 1 in 5 churned, ids in order.
	const rows = Array.from({ length: 10_000 }, (_, i) => `C${i},${i % 5 === 0 ? 'Yes' : 'No'},${i}`);
	await load(engine, 'big.csv', ['id,churn,n', ...rows].join('\n') + '\n', 'big');
});

const counts = (ipc: Uint8Array) => {
	const t = tableFromIPC(ipc);
	const churn = t.getChild('churn')!.toArray() as string[];
	return { rows: t.numRows, yes: churn.filter((c) => c === 'Yes').length, n: Array.from(t.getChild('n')!.toArray() as BigInt64Array, Number) };
};

describe('exportArrow with a training sample', () => {
	it('sends the whole table when it is not larger than the sample', async () => {
		const sent = await engine.exportArrow('big', { rows: 10_000, stratify: 'churn' });
		expect(sent).toMatchObject({ rowCount: 10_000, sampled: false, sentRows: 10_000 });
	});

	it('keeps each class its share, the same rows on every call, spread over the table', async () => {
		const first = await engine.exportArrow('big', { rows: 1000, stratify: 'churn' });
		expect(first).toMatchObject({ rowCount: 10_000, sampled: true, sentRows: 1000 });
		const a = counts(first.ipc);
		expect(a.yes).toBe(200);
		expect(counts((await engine.exportArrow('big', { rows: 1000, stratify: 'churn' })).ipc).n).toEqual(a.n);
		// Spread: rows from every tenth of the table, not the first thousand.
		const tenths = new Set(a.n.map((n) => Math.floor(n / 1000)));
		expect(tenths.size).toBe(10);
	});

	it('samples without a target too', async () => {
		const sent = await engine.exportArrow('big', { rows: 500 });
		expect(sent.sentRows).toBe(500);
		expect(new Set(counts(sent.ipc).n).size).toBe(500);
	});
});
