#!/usr/bin/python3
"""Expected values on the published ego-Facebook network (4,039 nodes, 88,234 edges; see
extract_ego_facebook.py and algorithms/src/test/resources/reference/README.md), with NetworkX 2.8.8
cross-checked against python-igraph 0.10.2.

    /usr/bin/python3 scripts/reference/make_reference_large.py          # full: an hour or more, mostly NetworkX
    /usr/bin/python3 scripts/reference/make_reference_large.py --quick  # a minute: see below

Writes algorithms/src/test/resources/reference/ego_facebook.nodes.tsv with, per node id:
  betweenness     nx.betweenness_centrality(G, normalized=True); igraph Graph.betweenness(directed=False)
                  rescaled by 2 / ((n-1)(n-2)) must agree within 1e-9 relative
  constraint      igraph Graph.constraint() for every node (NetworkX's pure-Python constraint is cubic in
                  the degree, hours here); NetworkX nx.constraint(G, nodes=sample, weight="weight") on a
                  seeded sample of 400 nodes of degree <= 150 must agree within 1e-9 (column
                  constraint_networkx holds those, NaN elsewhere)
  effective_size  nx.effective_size(G) (Borgatti's n - 2t/n, the unweighted undirected case); the general
                  weighted formula, nx.effective_size(G, nodes=sample, weight="weight"), must agree on the sample
"""
import math
import os
import random
import sys
import time

import igraph as ig
import networkx as nx

REF = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "algorithms", "src", "test", "resources", "reference")


def fmt(x):
    return "NaN" if isinstance(x, float) and math.isnan(x) else repr(float(x))


def close(a, b, rel=1e-9):
    return abs(a - b) <= rel * max(abs(a), abs(b)) + 1e-14


def main():
    quick = "--quick" in sys.argv[1:]
    edges = []
    with open(os.path.join(REF, "ego_facebook.edges.tsv")) as f:
        next(f)
        for line in f:
            a, b, w = line.split("\t")
            edges.append((int(a), int(b), float(w)))
    n = 1 + max(max(a, b) for a, b, _ in edges)
    G = nx.Graph()
    G.add_nodes_from(range(n))
    for a, b, w in edges:
        G.add_edge(a, b, weight=w)
    g = ig.Graph(n=n, edges=[(a, b) for a, b, _ in edges])
    print(f"n={n} m={G.number_of_edges()}", file=sys.stderr)

    t = time.time()
    ig_bc = g.betweenness(directed=False)
    print(f"igraph betweenness {time.time() - t:.1f}s", file=sys.stderr)
    scale = 2.0 / ((n - 1) * (n - 2))
    if quick:
        bc = {v: ig_bc[v] * scale for v in range(n)}
    else:
        t = time.time()
        bc = nx.betweenness_centrality(G, normalized=True)
        print(f"networkx betweenness {time.time() - t:.1f}s", file=sys.stderr)
        bad = [v for v in range(n) if not close(bc[v], ig_bc[v] * scale)]
        assert not bad, f"igraph and NetworkX betweenness differ at {bad[:10]}"

    ig_con = g.constraint()
    nx_con = {}
    if not quick:
        rng = random.Random(20250101)
        sample = sorted(rng.sample([v for v in range(n) if G.degree(v) <= 150], 400))
        t = time.time()
        nx_con = nx.constraint(G, nodes=sample, weight="weight")
        print(f"networkx constraint on {len(sample)} nodes {time.time() - t:.1f}s", file=sys.stderr)
        bad = [v for v in sample if not close(nx_con[v], ig_con[v])]
        assert not bad, f"igraph and NetworkX constraint differ at {bad[:10]}"

    t = time.time()
    if quick:
        # NetworkX's own Borgatti branch computes len(E) - 2 * E.size() / len(E) on the ego graph E without
        # the centre, i.e. deg(v) - 2 * t(v) / deg(v) with t(v) the ties among v's contacts = triangles at v;
        # its ego_graph(undirected=True) copies the whole graph per node (hours here), triangles does not.
        tri = nx.triangles(G)
        esize = {v: (G.degree(v) - 2 * tri[v] / G.degree(v)) if G.degree(v) else float("nan") for v in G}
    else:
        esize = nx.effective_size(G)
    print(f"effective size {time.time() - t:.1f}s", file=sys.stderr)
    if not quick:
        esize_w = nx.effective_size(G, nodes=sample, weight="weight")
        bad = [v for v in sample if not close(esize[v], esize_w[v])]
        assert not bad, f"Borgatti and weighted effective size differ at {bad[:10]}"

    with open(os.path.join(REF, "ego_facebook.nodes.tsv"), "w") as f:
        f.write("id\tbetweenness\tconstraint\tconstraint_networkx\teffective_size\n")
        for v in range(n):
            f.write("\t".join([str(v), fmt(bc[v]), fmt(ig_con[v]), fmt(nx_con.get(v, float("nan"))),
                               fmt(esize[v])]) + "\n")
    with open(os.path.join(REF, "ego_facebook.graph.tsv"), "w") as f:
        f.write(f"key\tvalue\nn\t{n}\nm\t{G.number_of_edges()}\nmode\t{'quick' if quick else 'full'}\n")
    print(f"wrote ego_facebook.nodes.tsv ({'quick' if quick else 'full'} mode)", file=sys.stderr)


if __name__ == "__main__":
    main()
