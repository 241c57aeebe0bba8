import { describe, expect, it } from 'vitest';
import { newEngine } from './engine-fixture';

// About 30 s of work for DuckDB here: far longer than the test waits.
const LONG_QUERY = 'SELECT count(*) AS n FROM range(20000000000) t(x) WHERE x % 7 = 3';

describe('cancelSql', () => {
	it('cancelSql(runId) stops a long SQL cell within a second and the engine answers the next query', async () => {
		const { engine } = await newEngine();
		const running = engine.runSql(LONG_QUERY, 'q_long', 'run_1');
		const outcome = running.then(
			() => 'finished',
			(e: Error) => e.name
		);
		await new Promise((resolve) => setTimeout(resolve, 300));
		const asked = performance.now();
		await engine.cancelSql('run_1');
		expect(await outcome).toBe('CancelledError');
		expect(performance.now() - asked).toBeLessThan(1000);
		expect(await engine.listRelations()).not.toContain('q_long');

		const next = await engine.runSql('SELECT 42 AS answer', 'q_next', 'run_2');
		expect(next.info?.rowCount).toBe(1);
	});

	it('cancelSql(an ended run) changes nothing for later runs', async () => {
		const { engine } = await newEngine();
		await engine.runSql('SELECT 1 AS one', 'q_one', 'run_a');
		await engine.cancelSql('run_a');
		const again = await engine.runSql('SELECT 2 AS two', 'q_two', 'run_a');
		expect(again.info?.rowCount).toBe(1);
	});
});
