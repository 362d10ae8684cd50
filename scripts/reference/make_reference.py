#!/usr/bin/python3
"""Writes reference graphs and the values NetworkX 2.8.8 computes on them.

Run with the Debian interpreter (python3-networkx 2.8.8, python3-igraph 0.10.2):

    /usr/bin/python3 scripts/reference/make_reference.py

For every graph NAME it writes, under algorithms/src/test/resources/reference/:

  NAME.edges.tsv     header "a b weight"; one undirected edge per line over dense ids 0..n-1
  NAME.nodes.tsv     per node: id, name and the expected values (see COLUMNS)
  NAME.graph.tsv     graph-level values: n, m, modularity of the given partition

Expected values (all from NetworkX unless stated):
  betweenness           nx.betweenness_centrality(G, normalized=True)            (unweighted, BFS)
  betweenness_weighted  nx.betweenness_centrality(G, normalized=True, weight="distance")
                        with distance = 1 / weight on every edge (our weighted mode: weight = tie strength)
  constraint            nx.constraint(G, weight="weight")
  effective_size        nx.effective_size(G, weight="weight")
  community             a given partition (karate: the "club" attribute; others: NetworkX
                        greedy_modularity_communities), ids numbered by first appearance
  participation         1 - sum_c (s_ic / s_i)^2 over that partition, computed here from its definition
                        (Guimera & Amaral 2005; NetworkX has no function for it), 0 for isolated nodes
  modularity            nx.community.modularity(G, parts, weight="weight")      (in NAME.graph.tsv)

Numbers are written with repr(), i.e. the shortest string that round-trips the double.
"""
import math
import os
import sys

import networkx as nx

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "algorithms", "src", "test", "resources", "reference")
COLUMNS = ["id", "name", "betweenness", "betweenness_weighted", "constraint",
           "effective_size", "community", "participation"]


def fmt(x):
    if isinstance(x, float) and math.isnan(x):
        return "NaN"
    return repr(float(x))


def dense(G):
    """Relabels G to 0..n-1 in its node order, keeping the original name; all weights as floats."""
    names = list(G.nodes())
    index = {v: i for i, v in enumerate(names)}
    H = nx.Graph()
    H.add_nodes_from(range(len(names)))
    for u, v, d in G.edges(data=True):
        w = float(d.get("weight", 1.0))
        H.add_edge(index[u], index[v], weight=w, distance=1.0 / w)
    return H, names, index


def first_appearance(labels):
    ids = {}
    return [ids.setdefault(c, len(ids)) for c in labels]


def participation(G, community):
    out = {}
    for i in G:
        s = sum(d["weight"] for _, _, d in G.edges(i, data=True))
        if s == 0:
            out[i] = 0.0
            continue
        by = {}
        for _, j, d in G.edges(i, data=True):
            by[community[j]] = by.get(community[j], 0.0) + d["weight"]
        out[i] = 1.0 - sum((x / s) ** 2 for x in by.values())
    return out


def write(name, G0, partition_labels=None, python_path_note=""):
    G, names, index = dense(G0)
    n = G.number_of_nodes()
    if partition_labels is None:
        comms = nx.community.greedy_modularity_communities(G, weight="weight")
        label = {}
        for c, members in enumerate(comms):
            for v in members:
                label[v] = c
        raw = [label[i] for i in range(n)]
    else:
        raw = [partition_labels[names[i]] for i in range(n)]
    community = first_appearance(raw)
    parts = {}
    for i, c in enumerate(community):
        parts.setdefault(c, set()).add(i)
    q = nx.community.modularity(G, list(parts.values()), weight="weight")

    bc = nx.betweenness_centrality(G, normalized=True)
    bcw = nx.betweenness_centrality(G, normalized=True, weight="distance")
    con = nx.constraint(G, weight="weight")
    esz = nx.effective_size(G, weight="weight")
    pc = participation(G, community)

    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name + ".edges.tsv"), "w") as f:
        f.write("a\tb\tweight\n")
        for u, v, d in sorted(G.edges(data=True)):
            a, b = min(u, v), max(u, v)
            f.write(f"{a}\t{b}\t{fmt(d['weight'])}\n")
    with open(os.path.join(OUT, name + ".nodes.tsv"), "w") as f:
        f.write("\t".join(COLUMNS) + "\n")
        for i in range(n):
            f.write("\t".join([str(i), str(names[i]), fmt(bc[i]), fmt(bcw[i]), fmt(con[i]),
                               fmt(esz[i]), str(community[i]), fmt(pc[i])]) + "\n")
    with open(os.path.join(OUT, name + ".graph.tsv"), "w") as f:
        f.write("key\tvalue\n")
        f.write(f"n\t{n}\n")
        f.write(f"m\t{G.number_of_edges()}\n")
        f.write(f"modularity\t{fmt(q)}\n")
    print(f"{name}: n={n} m={G.number_of_edges()} modularity={q:.6f}", file=sys.stderr)


def main():
    karate = nx.karate_club_graph()  # Zachary 1977, with his interaction-count weights
    write("karate", karate, {v: karate.nodes[v]["club"] for v in karate})

    write("lesmis", nx.les_miserables_graph())  # Knuth 1993, co-appearance counts as weights

    florentine = nx.florentine_families_graph()  # Padgett & Ansell 1993, marriage ties
    florentine.add_node("Pucci")  # the 16th family, isolated in the marriage network
    write("florentine", florentine)


if __name__ == "__main__":
    main()
