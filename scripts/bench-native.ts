/**
 * Native XGBoost on the bench's own rows, side by side in the same run: the
 * reference `npm run bench -- gbdt` prints its ratio against. Uses Debian's
 * python3-xgboost (`/usr/bin/python3`, or `$PYTHON`) when it is there; the
 * bench prints our numbers alone otherwise.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** XGBoost `hist` with the same trees, depth, rate (0.3), bins (256) and lambda (1) as our defaults; fastest of `repeats` fits. */
const SCRIPT = `
import sys, time, numpy as np, xgboost as xgb
folder, rows, cols, cut, trees, depth, threads, repeats = sys.argv[1], *map(int, sys.argv[2:9])
X = np.fromfile(folder + "/x.f32", dtype=np.float32).reshape(rows, cols)
y = np.fromfile(folder + "/y.i32", dtype=np.int32)
params = {"objective": "binary:logistic", "tree_method": "hist", "max_depth": depth, "eta": 0.3, "max_bin": 256, "nthread": threads}
best = None
for _ in range(repeats):
    # A new DMatrix each time: XGBoost keeps the binned rows in it after a fit, and each of our fits bins its rows too.
    train = xgb.DMatrix(X[:cut], label=y[:cut], nthread=threads)
    start = time.perf_counter()
    booster = xgb.train(params, train, num_boost_round=trees)
    seconds = time.perf_counter() - start
    best = seconds if best is None else min(best, seconds)
p, t = booster.predict(xgb.DMatrix(X[cut:], nthread=threads)), y[cut:] == 1
ranks = np.empty(len(p)); ranks[np.argsort(p, kind="mergesort")] = np.arange(1, len(p) + 1)
print(best * 1000, (ranks[t].sum() - t.sum() * (t.sum() + 1) / 2) / (t.sum() * (~t).sum()))
`;

const PYTHONS = [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter((p): p is string => !!p);

function python(): string | null {
	for (const p of PYTHONS) {
		try {
			execFileSync(p, ['-c', 'import xgboost, numpy'], { stdio: 'ignore' });
			return p;
		} catch {
			// Not this one.
		}
	}
	return null;
}

export interface NativeRun {
	threads: number;
	fit_ms: number;
	auc: number;
}

/** Native fits with each thread count in `threads`, or null without a Python that has XGBoost. */
export function nativeXgboost(X: Float64Array[], y: Int32Array, cut: number, opts: { trees: number; depth: number; threads: number[]; repeats?: number }): NativeRun[] | null {
	const py = python();
	if (!py) return null;
	const rows = y.length;
	const cols = X.length;
	const matrix = new Float32Array(rows * cols);
	for (let c = 0; c < cols; c++) for (let r = 0; r < rows; r++) matrix[r * cols + c] = X[c][r];
	const folder = mkdtempSync(join(tmpdir(), 'bench-native-'));
	try {
		writeFileSync(join(folder, 'x.f32'), new Uint8Array(matrix.buffer));
		writeFileSync(join(folder, 'y.i32'), new Uint8Array(y.buffer, y.byteOffset, y.byteLength));
		return opts.threads.map((threads) => {
			const args = [folder, rows, cols, cut, opts.trees, opts.depth, threads, opts.repeats ?? 1].map(String);
			const [ms, auc] = execFileSync(py, ['-c', SCRIPT, ...args], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
			return { threads, fit_ms: Math.round(ms), auc: Number(auc.toFixed(4)) };
		});
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}
