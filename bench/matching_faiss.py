"""The peer for bench/matching.bench.ts: FAISS IndexFlatIP (Debian's python3-faiss) on the same
vectors, queries and filter. Prints one JSON line of milliseconds."""
import json
import sys
import time

import faiss
import numpy as np

d, n, k, threads = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
base = sys.argv[1]
faiss.omp_set_num_threads(threads)
xb = np.fromfile(f"{base}/vectors.bin", dtype=np.float32).reshape(n, d)
xq = np.fromfile(f"{base}/queries.bin", dtype=np.float32).reshape(-1, d)
keep = np.fromfile(f"{base}/filter.bin", dtype=np.uint8).astype(bool)
index = faiss.IndexFlatIP(d)
index.add(xb)
# The filter as FAISS applies it during the scan (IDSelectorBitmap), like ours …
bitmap = np.packbits(keep, bitorder="little")
filtered = faiss.SearchParameters(sel=faiss.IDSelectorBitmap(n, faiss.swig_ptr(bitmap)))
# … and, for reference, a sub-index holding only the rows that pass (built ahead of time).
sub = faiss.IndexIDMap(faiss.IndexFlatIP(d))
ids = np.nonzero(keep)[0].astype(np.int64)
sub.add_with_ids(xb[ids], ids)


def timed(fn, reps):
    fn()
    t = []
    for _ in range(reps):
        s = time.perf_counter()
        fn()
        t.append((time.perf_counter() - s) * 1000)
    return float(np.median(t))


single = timed(lambda: index.search(xq[:1], k), 10)
single_f = timed(lambda: index.search(xq[:1], k, params=filtered), 10)
single_s = timed(lambda: sub.search(xq[:1], k), 10)
batch = timed(lambda: index.search(xq[:64], k), 5)
batch_f = timed(lambda: index.search(xq[:64], k, params=filtered), 5)
batch_s = timed(lambda: sub.search(xq[:64], k), 5)
D, I = index.search(xq[:1], k)
print(json.dumps({"singleMs": single, "singleFilteredMs": single_f, "singleSubIndexMs": single_s, "batch64Ms": batch, "batch64FilteredMs": batch_f, "batch64SubIndexMs": batch_s, "threads": threads, "top": I[0][:5].tolist()}))
