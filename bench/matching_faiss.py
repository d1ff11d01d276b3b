"""The peer for bench/matching.bench.ts: FAISS IndexFlatIP (Debian's python3-faiss) on the same
vectors, queries and filter. Prints one JSON line of milliseconds.

With two more arguments (lists, nprobe): FAISS's IVF with 8-bit codes (IndexIVFScalarQuantizer) under an
IndexRefineFlat instead — training and filing time, one query's median time and each query's top k."""
import json
import sys
import time

import faiss
import numpy as np

d, n, k, threads = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
rescored = int(sys.argv[6]) if len(sys.argv) > 6 else 2 * k + 64
base = sys.argv[1]
faiss.omp_set_num_threads(threads)
xb = np.fromfile(f"{base}/vectors.bin", dtype=np.float32).reshape(n, d)
xq = np.fromfile(f"{base}/queries.bin", dtype=np.float32).reshape(-1, d)


def timed(fn, reps):
    fn()
    t = []
    for _ in range(reps):
        s = time.perf_counter()
        fn()
        t.append((time.perf_counter() - s) * 1000)
    return float(np.median(t))


if len(sys.argv) > 8:
    nlist, nprobe = int(sys.argv[7]), int(sys.argv[8])
    start = time.perf_counter()
    quantizer = faiss.IndexFlatIP(d)
    ivf = faiss.IndexIVFScalarQuantizer(quantizer, d, nlist, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT)
    sample = xb[np.random.RandomState(0).choice(n, min(n, 64 * nlist), replace=False)]
    ivf.train(sample)
    ivf.nprobe = nprobe
    refine = faiss.IndexRefineFlat(ivf)
    refine.k_factor = rescored / k
    refine.add(xb)
    train_ms = (time.perf_counter() - start) * 1000
    per_query = [timed(lambda: refine.search(xq[i : i + 1], k), 1) for i in range(len(xq))]
    top = refine.search(xq, k)[1].tolist()
    print(json.dumps({"trainMs": train_ms, "singleMs": float(np.median(per_query)), "top": top, "threads": threads}))
    sys.exit(0)

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


single = timed(lambda: index.search(xq[:1], k), 10)
single_f = timed(lambda: index.search(xq[:1], k, params=filtered), 10)
single_s = timed(lambda: sub.search(xq[:1], k), 10)
batch = timed(lambda: index.search(xq[:64], k), 5)
batch_f = timed(lambda: index.search(xq[:64], k, params=filtered), 5)
batch_s = timed(lambda: sub.search(xq[:64], k), 5)
D, I = index.search(xq[:1], k)

# int8: a scalar quantizer (8 bits per dimension, trained ranges) scanned first, the best `rescored`
# re-scored exactly by a RefineFlat over the float vectors — the same two stages as ours.
sq = faiss.IndexScalarQuantizer(d, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT)
sq.train(xb)
refine = faiss.IndexRefineFlat(sq)
refine.k_factor = rescored / k
refine.add(xb)
int8 = {
    "singleMs": timed(lambda: refine.search(xq[:1], k), 10),
    "batch64Ms": timed(lambda: refine.search(xq[:64], k), 5),
    "top": refine.search(xq[:64], k)[1].tolist(),
}
# Filtered: SearchParametersRefine arrived in FAISS 1.7.4; older ones (Debian 12's 1.7.3) cannot filter a refine.
if hasattr(faiss, "SearchParametersRefine"):
    sq_filtered = faiss.SearchParametersRefine(sel=faiss.IDSelectorBitmap(n, faiss.swig_ptr(bitmap)))
    sq_filtered.k_factor = rescored / k
    int8["singleFilteredMs"] = timed(lambda: refine.search(xq[:1], k, params=sq_filtered), 10)
    int8["batch64FilteredMs"] = timed(lambda: refine.search(xq[:64], k, params=sq_filtered), 5)
print(json.dumps({"singleMs": single, "singleFilteredMs": single_f, "singleSubIndexMs": single_s, "batch64Ms": batch, "batch64FilteredMs": batch_f, "batch64SubIndexMs": batch_s, "threads": threads, "top": I[0][:5].tolist(), "int8": int8}))
