// Makes sure the export tests have a Python 3 that scores bundles (pandas,
// XGBoost, Dask with distributed, ONNX): finds one, or installs Debian's
// packages with apt-get when running as root on Debian; otherwise stops with
// a one-line instruction. The tests find the same interpreter through
// `findPython()`.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** What `score.py` and the export tests import. */
const MODULES = 'dask.distributed, xgboost, pandas, onnx';
const DEBIAN_PACKAGES = ['python3-dask', 'python3-distributed', 'python3-xgboost', 'python3-pandas', 'python3-onnx'];

/**
 * The first Python 3 that imports every module the export tests need: `$PYTHON`, then `python3`
 * on the PATH, then Debian's `/usr/bin/python3` (a pyenv or venv `python3` first on the PATH
 * does not see the Debian packages). Null when none does.
 * @returns {string | null}
 */
export function findPython() {
	const candidates = [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter((c) => typeof c === 'string' && c !== '');
	for (const python of candidates) {
		try {
			execFileSync(/** @type {string} */ (python), ['-c', `import ${MODULES}`], { stdio: 'ignore' });
			return /** @type {string} */ (python);
		} catch {
			// Not there, or lacks a module: try the next one.
		}
	}
	return null;
}

function main() {
	const found = findPython();
	if (found) {
		console.log(`python: ${found} (${MODULES})`);
		return 0;
	}
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
	if (isRoot && isDebian) {
		console.log(`python: no python3 imports ${MODULES}; installing Debian packages ${DEBIAN_PACKAGES.join(' ')} with apt-get…`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		try {
			execSync('apt-get update -qq', { stdio: 'inherit', env });
			execSync(`apt-get install -y -qq --no-install-recommends ${DEBIAN_PACKAGES.join(' ')}`, { stdio: 'inherit', env });
		} catch {
			console.error('python: apt-get failed (see above).');
		}
		const installed = findPython();
		if (installed) {
			console.log(`python: ${installed} (${MODULES})`);
			return 0;
		}
	}
	console.error(
		`No Python 3 with ${MODULES}: install them (Debian/Ubuntu: sudo apt-get install ${DEBIAN_PACKAGES.join(' ')}; ` +
			'elsewhere: pip install pandas xgboost "dask[distributed]" onnx) or set PYTHON=/path/to/python3, then run the unit tests again.'
	);
	return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(main());
