#!/usr/bin/env python3
"""Reads a skillgraph embedding export with pyarrow, as a Spark or Arrow job would, and checks it.

    python3 scripts/read_export.py DIR [--json]

DIR is an export directory (`startEmbeddingExport` / `npx skillgraph export --format parquet`): a Parquet
dataset in `vectors/`, one Hive partition per node type (`vectors/type=Member/part-00000.parquet`, a part
every `rowsPerFile` rows; column `id`, then one fixed-size float32 list column per kind: text, graph,
fused; row groups of 16,384 rows), and `manifest.json` (version, position, counts, the sha256 of every
file). Reads `vectors/` as one dataset (`pyarrow.dataset`, hive partitioning: a `type` column) and prints
its rows per type, then each file's rows, row groups, schema and first and last rows. With a manifest,
checks every file's size and sha256 and each type's row count against it (exit 1 on a mismatch or an
unreadable file). Needs pyarrow (`pip install pyarrow`); nothing else.
"""
import hashlib
import json
import os
import sys

import pyarrow.dataset as ds
import pyarrow.parquet as pq


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 22), b""):
            h.update(chunk)
    return h.hexdigest()


def parquet_files(root):
    """Every .parquet file under root (relative, '/'-separated, sorted), hidden directories skipped."""
    found = []
    for at, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        rel = os.path.relpath(at, root)
        for name in sorted(names):
            if name.endswith(".parquet"):
                found.append(name if rel == "." else f"{rel.replace(os.sep, '/')}/{name}")
    return found


def read_dataset(root, problems):
    """The vectors/ dataset as Spark or Arrow reads it: one table, a `type` column from the partitions."""
    path = os.path.join(root, "vectors")
    if not os.path.isdir(path):
        return None
    try:
        table = ds.dataset(path, format="parquet", partitioning="hive").to_table()
    except Exception as err:  # a damaged file is reported, not raised
        problems.append(f"vectors/: not readable as one dataset ({err})")
        return None
    types = {}
    for t in table.column("type").to_pylist():
        types[t] = types.get(t, 0) + 1
    return {
        "rows": table.num_rows,
        "types": types,
        "schema": {field.name: str(field.type) for field in table.schema},
    }


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    root = args[0]
    manifest_path = os.path.join(root, "manifest.json")
    manifest = None
    if os.path.exists(manifest_path):
        with open(manifest_path) as f:
            manifest = json.load(f)
    problems = []
    if manifest is not None:
        listed = {f["name"]: f for f in manifest.get("files", [])}
        for name, entry in listed.items():
            path = os.path.join(root, name)
            if not os.path.exists(path):
                problems.append(f"{name}: in the manifest, not on disk")
                continue
            if os.path.getsize(path) != entry["bytes"]:
                problems.append(f"{name}: {os.path.getsize(path)} bytes, the manifest says {entry['bytes']}")
            elif sha256(path) != entry["sha256"]:
                problems.append(f"{name}: sha256 differs from the manifest's")
        for name in parquet_files(root):
            if name not in listed:
                problems.append(f"{name}: on disk, not in the manifest")
    files = []
    for name in parquet_files(root):
        path = os.path.join(root, name)
        try:
            pf = pq.ParquetFile(path)
            table = pf.read()
        except Exception as err:  # a damaged file is reported, not raised
            problems.append(f"{name}: not readable ({err})")
            continue
        ids = table.column("id")
        vectors = {field.name: table.column(field.name) for field in table.schema if field.name != "id"}
        files.append(
            {
                "file": name,
                "rows": table.num_rows,
                "rowGroups": pf.num_row_groups,
                "schema": {field.name: str(field.type) for field in table.schema},
                "ids": [ids[i].as_py() for i in (0, table.num_rows - 1)] if table.num_rows else [],
                "first": {k: v[0].as_py() for k, v in vectors.items()} if table.num_rows else {},
                "last": {k: v[-1].as_py() for k, v in vectors.items()} if table.num_rows else {},
            }
        )
    dataset = read_dataset(root, problems) if not problems else None
    if dataset is not None and manifest is not None and manifest.get("counts") is not None:
        for t, n in manifest["counts"].items():
            if dataset["types"].get(t, 0) != n:
                problems.append(f"vectors/type={t}: {dataset['types'].get(t, 0)} rows, the manifest says {n}")
    result = {
        "version": manifest and manifest.get("embeddingVersion"),
        "position": manifest and manifest.get("position"),
        "counts": manifest and manifest.get("counts"),
        "dataset": dataset,
        "files": files,
        "problems": problems,
    }
    if "--json" in argv:
        print(json.dumps(result))
    else:
        if manifest is not None:
            print(f"export of {result['version']} at change-feed position {result['position']}")
        if dataset is not None:
            print(f"vectors/ as one dataset: {dataset['rows']} rows {dataset['types']}; {dataset['schema']}")
        for f in files:
            print(f"{f['file']}: {f['rows']} rows in {f['rowGroups']} row groups; {f['schema']}; first id {f['ids'][:1]}")
        for p in problems:
            print(f"PROBLEM {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
