#!/usr/bin/env python3
"""Scores customers with a churn model exported from the CRM workbench.

    python3 score.py INPUT OUTPUT [--engine pandas|dask|spark] [--scheduler ADDRESS] [--bundle DIR]

INPUT is a CSV or Parquet file, or a folder of partition files (*.csv or *.parquet).
OUTPUT is a CSV file (one file, rows in input order), a .parquet file, or, with
dask or spark, a folder of partition files. The bundle folder (default: this
script's folder) holds features.json and model.xgboost.json or model.onnx.

Needs Python 3.9+, pandas and numpy, plus xgboost (gradient-boosted trees) or
onnxruntime (other models); dask[distributed] or pyspark only for those engines.
Every engine scores partitions with the same `score_partition`, so they agree.
"""
import argparse
import glob
import importlib
import json
import os
import sys

# Debian package and pip name of each optional module, for the error message.
PACKAGES = {
    "pandas": ("python3-pandas", "pandas"),
    "numpy": ("python3-numpy", "numpy"),
    "xgboost": ("python3-xgboost", "xgboost"),
    "onnxruntime": (None, "onnxruntime"),
    "dask.dataframe": ("python3-dask", "dask[dataframe]"),
    "dask.distributed": ("python3-distributed", "dask[distributed]"),
    "pyarrow": ("python3-pyarrow", "pyarrow"),
    "pyspark.sql": (None, "pyspark"),
}


def need(module):
    """Imports `module` on first use, or stops with what to install."""
    try:
        return importlib.import_module(module)
    except ImportError:
        debian, pip = PACKAGES[module]
        how = f"sudo apt-get install {debian} (Debian/Ubuntu) or pip install {pip}" if debian else f"pip install {pip}"
        sys.exit(f"score.py: this needs the Python package {pip!r}: {how}")


def load_spec(bundle):
    path = os.path.join(bundle, "features.json")
    try:
        with open(path, encoding="utf-8") as f:
            spec = json.load(f)
    except FileNotFoundError:
        sys.exit(f"score.py: no features.json in {bundle} (use --bundle DIR to name the exported bundle's folder)")
    if spec.get("format") != "crm-workbench-pipeline":
        sys.exit(f"score.py: {path} is not a CRM workbench pipeline (format {spec.get('format')!r})")
    return spec


def input_files(path):
    """The input's files and their format: one file, or a folder's *.csv or *.parquet partitions in name order."""
    if os.path.isdir(path):
        for ext in ("parquet", "csv"):
            files = sorted(glob.glob(os.path.join(path, f"*.{ext}")))
            if files:
                return files, ext
        sys.exit(f"score.py: {path} holds no *.csv or *.parquet files")
    if not os.path.exists(path):
        sys.exit(f"score.py: {path} does not exist")
    return [path], "parquet" if path.lower().endswith(".parquet") else "csv"


def id_name(spec):
    return spec["idColumn"] or "row"


def check_columns(columns, spec, source):
    """Stops before any work when the input lacks a column the model (or the id) needs."""
    wanted = [c["name"] for c in spec["columns"]] + ([spec["idColumn"]] if spec["idColumn"] else [])
    missing = [name for name in wanted if name not in columns]
    if missing:
        sys.exit(f"score.py: {source} has no column {', '.join(repr(m) for m in missing)} (the model needs {', '.join(wanted)})")
    return list(dict.fromkeys(wanted))


def prepare(frame, spec):
    """The model's columns as the workbench reads them: numbers as float64 (NaN = missing),
    categories as their exact text (None = missing, and so is a category never seen in training)."""
    pd = need("pandas")
    np = need("numpy")
    out = {}
    for column in spec["columns"]:
        values = frame[column["name"]]
        if column["type"] == "numeric":
            text = values.astype("string").str.strip()
            blank = text.fillna("") == ""
            numbers = pd.to_numeric(text.where(~blank).to_numpy(dtype=object, na_value=None), errors="coerce")
            numbers = pd.Series(numbers, index=frame.index, dtype="float64")
            bad = int(numbers.isna().sum() - blank.sum())
            if bad > 0:
                print(f"score.py: {bad} value(s) of {column['name']!r} are not numbers; scored as missing", file=sys.stderr)
            out[column["name"]] = numbers.to_numpy(dtype="float64", na_value=np.nan)
        else:
            # Text exactly as written ("01" stays "01"); blank cells are missing, as in the workbench.
            text = values.astype("string")
            text = text.where(text.str.strip().fillna("") != "")
            out[column["name"]] = pd.Categorical(text, categories=column["levels"])
    return pd.DataFrame(out, index=frame.index)


_SCORERS = {}


def scorer(spec, bundle):
    """A function from prepared columns to probabilities (rows × classes), built once per process."""
    key = (bundle, spec["engine"])
    if key not in _SCORERS:
        _SCORERS[key] = xgboost_scorer(spec, bundle) if spec["engine"] == "xgboost" else onnx_scorer(spec, bundle)
    return _SCORERS[key]


def xgboost_scorer(spec, bundle):
    xgb = need("xgboost")
    np = need("numpy")
    booster = xgb.Booster()
    booster.load_model(os.path.join(bundle, spec["files"]["xgboost"]))
    # The model's feature names may differ from column names (XGBoost forbids "[", "]" and "<"): match by position.
    names = booster.feature_names

    def score(features):
        frame = features.set_axis(names, axis=1)
        p = booster.predict(xgb.DMatrix(frame, enable_categorical=True)).astype("float64")
        return np.column_stack([1 - p, p]) if p.ndim == 1 else p

    return score


def onnx_scorer(spec, bundle):
    ort = need("onnxruntime")
    np = need("numpy")
    session = ort.InferenceSession(os.path.join(bundle, spec["files"]["onnx"]), providers=["CPUExecutionProvider"])

    def score(features):
        feeds = {}
        for column in spec["columns"]:
            values = features[column["name"]]
            if column["type"] == "numeric":
                feeds[column["input"]] = values.to_numpy(dtype="float64").reshape(-1, 1)
            else:
                # "" is the graph's missing value; unknown categories were made missing by `prepare`.
                feeds[column["input"]] = values.astype(object).where(values.notna(), "").to_numpy(dtype=object).reshape(-1, 1)
        return session.run([spec["onnxOutput"]], feeds)[0].astype("float64")

    return score


def output_columns(spec):
    """Name and pandas dtype of every output column, in order (Dask's meta, Spark's schema)."""
    ident = [(id_name(spec), "int64" if spec["idColumn"] is None else "object")]
    if spec["task"] == "binary":
        return ident + [("probability", "float64"), ("predicted_class", "object"), ("risk_level", "object")]
    return ident + [("probability", "float64"), ("predicted_class", "object")] + [(f"probability_{c}", "float64") for c in spec["classes"]]


def score_partition(frame, spec, bundle):
    """Scores one partition (a pandas DataFrame of input rows, with the id column): the same on every engine."""
    pd = need("pandas")
    np = need("numpy")
    probabilities = scorer(spec, bundle)(prepare(frame, spec))
    classes = np.array(spec["classes"], dtype=object)
    ident = id_name(spec)
    out = pd.DataFrame({ident: frame[ident].to_numpy()}, index=frame.index)
    if spec["task"] == "binary":
        p = probabilities[:, 1]
        d = spec["decision"]
        out["probability"] = p
        out["predicted_class"] = np.where(p >= d["threshold"], classes[1], classes[0])
        out["risk_level"] = np.select([p >= d["riskHigh"], p >= d["riskMedium"]], ["High", "Medium"], "Low").astype(object)
    else:
        best = probabilities.argmax(axis=1)
        out["probability"] = probabilities[np.arange(len(best)), best]
        out["predicted_class"] = classes[best]
        for k, c in enumerate(spec["classes"]):
            out[f"probability_{c}"] = probabilities[:, k]
    return out.astype(dict(output_columns(spec)))


# Every column read as text: categories stay exactly as written, numbers are parsed by `prepare`.
CSV_TEXT = dict(dtype=str, keep_default_na=False, na_filter=False)
FLOAT_FORMAT = "%.17g"  # full float64 precision


def run_pandas(args, spec, files, fmt):
    pd = need("pandas")
    if fmt == "parquet":
        need("pyarrow")
        frame = pd.concat([pd.read_parquet(f) for f in files], ignore_index=True)
    else:
        frame = pd.concat([pd.read_csv(f, **CSV_TEXT) for f in files], ignore_index=True)
    frame = frame[check_columns(frame.columns, spec, args.input)]
    if spec["idColumn"] is None:
        frame["row"] = range(len(frame))
    out = score_partition(frame, spec, args.bundle)
    if args.output.lower().endswith(".parquet"):
        need("pyarrow")
        out.to_parquet(args.output, index=False)
    else:
        out.to_csv(args.output, index=False, float_format=FLOAT_FORMAT)


def run_dask(args, spec, files, fmt):
    dd = need("dask.dataframe")
    distributed = need("dask.distributed")
    pd = need("pandas")
    # A local cluster unless a scheduler is given; closed when scoring ends.
    cluster = None if args.scheduler else distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with distributed.Client(args.scheduler or cluster) as client:
        try:
            if fmt == "parquet":
                need("pyarrow")
                frame = dd.read_parquet(files)
            else:
                frame = dd.read_csv(files, blocksize="64MB", **CSV_TEXT)
            frame = frame[check_columns(frame.columns, spec, args.input)]
            if spec["idColumn"] is None:
                # Row numbers across partitions: each partition starts where the ones before it end.
                lengths = frame.map_partitions(len).compute().tolist()
                starts = [sum(lengths[:i]) for i in range(len(lengths))]

                def number_rows(part, partition_info=None):
                    start = starts[partition_info["number"]] if partition_info else 0
                    return part.assign(row=range(start, start + len(part)))

                frame = frame.map_partitions(number_rows, meta=frame._meta.assign(row=pd.Series(dtype="int64")))
            meta = pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in output_columns(spec)})
            scored = frame.map_partitions(score_partition, spec, args.bundle, meta=meta)
            if args.output.lower().endswith(".parquet"):
                need("pyarrow")
                scored.to_parquet(args.output, write_index=False)  # a folder of partitions named OUTPUT
            elif args.output.lower().endswith(".csv"):
                scored.to_csv(args.output, single_file=True, index=False, float_format=FLOAT_FORMAT)
            else:
                scored.to_csv(os.path.join(args.output, "part-*.csv"), index=False, float_format=FLOAT_FORMAT)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def run_spark(args, spec, files, fmt):
    sql = need("pyspark.sql")
    builder = sql.SparkSession.builder.appName("crm-workbench-score")
    spark = (builder.master(args.scheduler) if args.scheduler else builder).getOrCreate()
    try:
        if fmt == "parquet":
            frame = spark.read.parquet(*files)
        else:
            # RFC 4180 quoting ("" inside quotes), every column as text, as with pandas and Dask.
            frame = spark.read.csv(files, header=True, escape='"', multiLine=True, inferSchema=False)
        frame = frame.select(*check_columns(frame.columns, spec, args.input))
        if spec["idColumn"] is None:
            frame = frame.rdd.zipWithIndex().map(lambda r: (*r[0], r[1])).toDF(frame.columns + ["row"])
        spark_types = {"int64": "long", "float64": "double", "object": "string"}
        schema = ", ".join(f"`{name}` {spark_types[dtype]}" for name, dtype in output_columns(spec))
        bundle = args.bundle
        scored = frame.mapInPandas(lambda parts: (score_partition(p, spec, bundle) for p in parts), schema)
        if args.output.lower().endswith(".csv"):
            # One file in input order: the scored rows are gathered to the driver.
            scored.toPandas().to_csv(args.output, index=False, float_format=FLOAT_FORMAT)
        elif args.output.lower().endswith(".parquet"):
            scored.write.mode("overwrite").parquet(args.output)
        else:
            scored.write.mode("overwrite").option("header", True).csv(args.output)
    finally:
        spark.stop()


def main(argv=None):
    parser = argparse.ArgumentParser(description="Score customers with a model exported from the CRM workbench.")
    parser.add_argument("input", help="CSV or Parquet file, or a folder of *.csv / *.parquet partitions")
    parser.add_argument("output", help="CSV or .parquet file, or (dask, spark) a folder")
    parser.add_argument("--engine", choices=["pandas", "dask", "spark"], default="pandas")
    parser.add_argument("--scheduler", help="Dask scheduler address or Spark master URL (default: a local one)")
    parser.add_argument("--bundle", default=os.path.dirname(os.path.abspath(__file__)), help="the exported bundle's folder")
    args = parser.parse_args(argv)
    args.bundle = os.path.abspath(args.bundle)
    spec = load_spec(args.bundle)
    files, fmt = input_files(args.input)
    {"pandas": run_pandas, "dask": run_dask, "spark": run_spark}[args.engine](args, spec, files, fmt)
    print(f"score.py: scored {args.input} with {spec['label']} ({spec['engine']}) into {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
