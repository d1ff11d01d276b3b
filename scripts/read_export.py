#!/usr/bin/env python3
"""Reads a skillgraph embedding export with pyarrow, as a Spark or Arrow job would, and checks it.

    python3 scripts/read_export.py DIR [--json]

DIR is an export directory (`startEmbeddingExport` / `npx skillgraph export --format parquet`): one
`<type>.parquet` per node type (column `id`, then one fixed-size float32 list column per kind: text,
graph, fused), written in row groups of 16,384 rows, and `manifest.json` (version, position, the sha256
of every file). Prints each file's rows, row groups and schema, and its first row's id; with a
manifest, checks every file's size and sha256 against it (exit 1 on a mismatch or an unreadable file).
Needs pyarrow (`pip install pyarrow`); nothing else.
"""
import hashlib
import json
import os
import sys

import pyarrow.parquet as pq


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 22), b""):
            h.update(chunk)
    return h.hexdigest()


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
    files = []
    for name in sorted(n for n in os.listdir(root) if n.endswith(".parquet")):
        path = os.path.join(root, name)
        try:
            pf = pq.ParquetFile(path)
            table = pf.read()
        except Exception as err:  # a damaged file is reported, not raised
            problems.append(f"{name}: not readable ({err})")
            continue
        ids = table.column("id")
        vectors = {
            field.name: table.column(field.name)
            for field in table.schema
            if field.name != "id"
        }
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
    result = {
        "version": manifest and manifest.get("embeddingVersion"),
        "position": manifest and manifest.get("position"),
        "counts": manifest and manifest.get("counts"),
        "files": files,
        "problems": problems,
    }
    if "--json" in argv:
        print(json.dumps(result))
    else:
        if manifest is not None:
            print(f"export of {result['version']} at change-feed position {result['position']}")
        for f in files:
            print(f"{f['file']}: {f['rows']} rows in {f['rowGroups']} row groups; {f['schema']}; first id {f['ids'][:1]}")
        for p in problems:
            print(f"PROBLEM {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
