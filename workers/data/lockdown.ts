/**
 * DuckDB locked to this tab: it reads and writes only the files the data
 * worker registers under `LOCAL_FILES` (what the user dropped, our exports),
 * never a URL, never the disk of the machine running the CLI, and never loads
 * an extension. `lock_configuration` comes last, so no later `SET` (typed in a
 * SQL cell) can undo any of it.
 */
import type { DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import { EW } from './error-words';

/** The one folder DuckDB may touch; every file we register lives under it. */
export const LOCAL_FILES = '/crm-local/';

/** A path for `name` inside the folder DuckDB may read and write. */
export function localPath(name: string): string {
	return `${LOCAL_FILES}${name.replace(/[^\w.-]+/g, '_')}`;
}

/** Expected value of each setting once locked; `lockDown` checks every one. */
const LOCKED_SETTINGS: Record<string, boolean> = {
	autoinstall_known_extensions: false,
	autoload_known_extensions: false,
	allow_community_extensions: false,
	enable_external_access: false,
	lock_configuration: true
};

const LOCKDOWN_SQL = [
	'SET autoinstall_known_extensions=false',
	'SET autoload_known_extensions=false',
	'SET allow_community_extensions=false',
	`SET allowed_directories=['${LOCAL_FILES}']`,
	'SET enable_external_access=false',
	'SET lock_configuration=true'
].join('; ');

/**
 * Applies the lockdown on `conn` and reads every setting back; throws when
 * one is not as expected, so the data worker never opens an unlocked database.
 */
export function lockDown(conn: DuckDBConnection): void {
	conn.query(LOCKDOWN_SQL);
	verifyLockdown(conn);
}

/** Throws unless every lockdown setting holds on `conn`. */
export function verifyLockdown(conn: DuckDBConnection): void {
	const names = Object.keys(LOCKED_SETTINGS);
	const row = conn.query(`SELECT ${names.map((n) => `current_setting('${n}') AS ${n}`).join(', ')}`).get(0);
	const wrong = names.filter((n) => row?.[n] !== LOCKED_SETTINGS[n]);
	if (wrong.length) throw new Error(`DuckDB could not be locked to this tab (${wrong.join(', ')}); the data engine will not start.`);
}

/** A URL of another host (any scheme DuckDB can read: http, s3, hf, azure, …). */
export const isRemote = (path: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(path.trim()) || path.trim().startsWith('//');

/** The refusal of a URL: nothing was sent, and what to do instead. */
export const remoteRefusal = (url: string) => EW.remote(url);

/** DuckDB's refusal under the lockdown, in words for users; null for any other error. */
export function lockdownMessage(duckdbMessage: string): string | null {
	const file = /^Permission Error: Cannot access (?:file|directory) "(.*?)"(?: - file system operations are disabled by configuration)?/.exec(duckdbMessage);
	if (file) {
		return isRemote(file[1])
			? remoteRefusal(file[1])
			: EW.localFile(file[1]);
	}
	if (/^Permission Error: .*extensions? (?:is|are) disabled/i.test(duckdbMessage)) {
		return EW.notAvailable(EW.extensions, EW.noOutsideCode);
	}
	const setting = /^Invalid Input Error: Cannot change configuration option "(.+?)" - the configuration has been locked/.exec(duckdbMessage);
	if (setting) return EW.lockedSetting(setting[1]);
	const extension = /^Catalog Error: .*? with name "?(.+?)"? is not in the catalog, but it exists in the (\w+) extension/.exec(duckdbMessage);
	if (extension) {
		return EW.needsExtension(extension[1], extension[2]);
	}
	return null;
}
