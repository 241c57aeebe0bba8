/**
 * The Python that has Debian's packages (python3-onnx, python3-xgboost,
 * python3-dask…), which `scripts/ensure-python.mjs` installs: the system's
 * own, not one a version manager puts first on PATH. `$PYTHON` overrides it.
 */
export const PYTHON = process.env.PYTHON || '/usr/bin/python3';
