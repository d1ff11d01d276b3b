"""The peer for bench/gnn.ts: the same GraphSAGE model, sampling and loss written plainly in
PyTorch (Debian's python3-torch), on the graph and features bench/gnn.ts exported.

Prints one JSON line: ms per training step, batch inference ms for all nodes, single-node
inference p50/p99 (ms). The model is the same: one neighbour matrix per neighbour type over
weighted means (gnn/neighborhood.ts's weights, exported), sampling with replacement in proportion
to the weights. Left out: the hiding of a pair's own edge and the time bounds (a pair's samples see
every edge), a small share of the work; inference's cap takes the heaviest neighbours without the
tie-break hash.
"""
import json
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

d = sys.argv[1]
steps = int(sys.argv[2])
threads = int(sys.argv[3])
torch.set_num_threads(threads)
meta = json.load(open(f"{d}/meta.json"))
N, D, H = meta["nodes"], meta["inputDim"], meta["hidden"]
f0, f1 = meta["fanouts"]
B, R, cap, T = meta["batchSize"], meta["randomNegatives"], meta["inferenceCap"], meta["numTypes"]
offsets = np.fromfile(f"{d}/offsets.bin", dtype=np.uint32).astype(np.int64)
neighbors = np.fromfile(f"{d}/neighbors.bin", dtype=np.uint32).astype(np.int64)
weight = np.fromfile(f"{d}/weight.bin", dtype=np.float32).astype(np.float64)
types = torch.from_numpy(np.fromfile(f"{d}/types.bin", dtype=np.uint8).astype(np.int64))
X = torch.from_numpy(np.fromfile(f"{d}/features.bin", dtype=np.float32).reshape(N, D))
mj = np.fromfile(f"{d}/pairs_mj.bin", dtype=np.uint32).astype(np.int64).reshape(-1, 2)
start = meta["start"]
deg = offsets[1:] - offsets[:-1]
# Running weight over all rows: a draw for row v is a search in [base[v], base[v] + total[v]).
running = np.cumsum(weight)
base = np.concatenate([[0.0], running])[offsets[:-1]]
total = np.concatenate([[0.0], running])[offsets[1:]] - base
rng = np.random.default_rng(1)


class Sage(nn.Module):
    def __init__(self):
        super().__init__()
        self.inp = nn.ModuleList([nn.Linear(D, H) for _ in range(T)])
        self.s1, self.n1 = nn.Linear(H, H), nn.Linear(T * H, H, bias=False)
        self.s2, self.n2 = nn.Linear(H, H), nn.Linear(T * H, H, bias=False)

    def project(self, nodes):
        h = torch.empty(len(nodes), H)
        t = types[nodes]
        for k in range(T):
            m = t == k
            if m.any():
                h[m] = self.inp[k](X[nodes[m]])
        return h

    def layer(self, lin_s, lin_n, h, n_out, nbr, nbr_types, fan, relu):
        """Per neighbour type the mean of its samples, side by side, through the stacked matrices."""
        padded = torch.cat([h, torch.zeros(1, H)])
        onehot = F.one_hot(nbr_types.view(n_out, fan) + 1, T + 1)[:, :, 1:].float()  # type -1: none
        share = onehot / onehot.sum(1, keepdim=True).clamp(min=1)
        means = torch.einsum("nft,nfh->nth", share, padded[nbr].view(n_out, fan, H)).reshape(n_out, T * H)
        y = lin_s(h[:n_out]) + lin_n(means)
        return F.relu(y) if relu else y


def positions(nodes, values):
    """Index of each value in nodes (all present)."""
    order = np.argsort(nodes, kind="stable")
    return order[np.searchsorted(nodes[order], values)]


def draw(vs, fan):
    dg = deg[vs]
    r = base[vs][:, None] + rng.random((len(vs), fan)) * total[vs][:, None]
    e = np.minimum(np.searchsorted(running, r, side="right"), offsets[vs + 1][:, None] - 1)
    picked = neighbors[np.clip(e, 0, len(neighbors) - 1)]
    picked[dg == 0] = -1
    return picked


def grow(nodes, picked):
    """nodes followed by the new nodes in picked; picked as positions (-1 stays -1)."""
    valid = picked[picked >= 0]
    extra = np.setdiff1d(np.unique(valid), nodes)
    out_nodes = np.concatenate([nodes, extra])
    pos = np.full(picked.shape, -1, dtype=np.int64)
    pos[picked >= 0] = positions(out_nodes, valid)
    return out_nodes, pos


def sample(targets):
    nodes = np.unique(targets)
    n0 = len(nodes)
    nodes, nbr0 = grow(nodes, draw(nodes, f0))
    n1 = len(nodes)
    nbr0[nbr0 < 0] = n1
    nodes, nbr1 = grow(nodes, draw(nodes[:n1], f1))
    nbr1[nbr1 < 0] = len(nodes)
    node_types = np.concatenate([types.numpy()[nodes], [-1]])
    return (
        torch.from_numpy(nodes),
        n0,
        n1,
        torch.from_numpy(nbr0.reshape(-1)),
        torch.from_numpy(nbr1.reshape(-1)),
        torch.from_numpy(node_types[nbr0.reshape(-1)]),
        torch.from_numpy(node_types[nbr1.reshape(-1)]),
    )


model = Sage()
opt = torch.optim.Adam(model.parameters(), lr=0.005)
jobs = np.arange(start[1], start[2])
times = []
for step in range(steps + 2):
    t0 = time.perf_counter()
    idx = rng.integers(0, len(mj), B)
    src, dst = mj[idx, 0], mj[idx, 1]
    neg = rng.choice(jobs, R)
    cand = np.concatenate([dst, neg])
    nodes, n0, n1, nbr0, nbr1, t0s, t1s = sample(np.concatenate([src, cand]))
    head = nodes[:n0].numpy()
    h0 = model.project(nodes)
    h1 = model.layer(model.s1, model.n1, h0, n1, nbr1, t1s, f1, True)
    z = F.normalize(model.layer(model.s2, model.n2, h1, n0, nbr0, t0s, f0, False), dim=1)
    zs = z[torch.from_numpy(positions(head, src))]
    zc = z[torch.from_numpy(positions(head, cand))]
    loss = F.cross_entropy(zs @ zc.T / 0.1, torch.arange(B))
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step >= 2:  # the first steps warm up
        times.append((time.perf_counter() - t0) * 1000)


def infer_neighbors(v):
    """(neighbours, weights) averaged over at inference: all, or the `cap` heaviest."""
    row = neighbors[offsets[v]:offsets[v + 1]]
    w = weight[offsets[v]:offsets[v + 1]]
    if len(row) <= cap:
        return row, w
    keep = np.sort(np.argsort(-w, kind="stable")[:cap])
    return row[keep], w[keep]


with torch.no_grad():
    t0 = time.perf_counter()
    h0 = torch.empty(N, H)
    for k in range(T):
        h0[start[k]:start[k + 1]] = model.inp[k](X[start[k]:start[k + 1]])
    lists = [infer_neighbors(v) for v in range(N)]
    lens = torch.tensor([len(x[0]) for x in lists])
    flat = torch.from_numpy(np.concatenate([x[0] for x in lists]).astype(np.int64))
    wflat = torch.from_numpy(np.concatenate([x[1] for x in lists]).astype(np.float32))
    # One segment per (node, neighbour type): weighted means side by side.
    seg = torch.repeat_interleave(torch.arange(N), lens) * T + types[flat]
    wsum = torch.zeros(N * T).index_add_(0, seg, wflat)

    def mean_of(h):
        m = torch.zeros(N * T, H).index_add_(0, seg, h[flat] * wflat[:, None])
        return (m / wsum.clamp(min=1e-12)[:, None]).view(N, T * H)

    h1 = F.relu(model.s1(h0) + model.n1(mean_of(h0)))
    z = F.normalize(model.s2(h1) + model.n2(mean_of(h1)), dim=1)
    batch_ms = (time.perf_counter() - t0) * 1000

    single = []
    members = rng.integers(start[0], start[1], 1200)
    for i, v in enumerate(members):
        t0 = time.perf_counter()
        nb, w = infer_neighbors(v)
        nb = torch.from_numpy(nb.astype(np.int64))
        w = torch.from_numpy(w.astype(np.float32))
        x = model.inp[int(types[v])](X[v:v + 1])

        def typed_mean(h):
            m = torch.zeros(T, H).index_add_(0, types[nb], h[nb] * w[:, None])
            return (m / torch.zeros(T).index_add_(0, types[nb], w).clamp(min=1e-12)[:, None]).view(1, T * H)

        a = F.relu(model.s1(x) + model.n1(typed_mean(h0)))
        F.normalize(model.s2(a) + model.n2(typed_mean(h1)), dim=1)
        if i >= 200:  # after warm-up
            single.append((time.perf_counter() - t0) * 1000)

print(json.dumps({
    "stepMs": float(np.median(times)),
    "batchInferenceMs": batch_ms,
    "singleP50Ms": float(np.percentile(single, 50)),
    "singleP99Ms": float(np.percentile(single, 99)),
    "threads": threads,
    "torch": torch.__version__,
}))
