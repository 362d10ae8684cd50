#!/usr/bin/python3
"""Writes the stress of NetworkX's Kamada-Kawai layout of the reference graphs, for StressLayoutTest.

Run with the Debian interpreter (python3-networkx 2.8.8, python3-scipy):

    /usr/bin/python3 scripts/reference/layout_stress.py

Reads NAME.edges.tsv (written by make_reference.py) for karate and lesmis from
algorithms/src/test/resources/reference/, ignores the weights (every edge has length 1), and writes
layout-stress.tsv beside them: per graph n, m and the stress of nx.kamada_kawai_layout(G, dist=d) with d the
unweighted shortest-path lengths.

Stress (Gansner, Koren & North 2004): sigma(X) = sum_{i<j} d_ij^-2 (|x_i - x_j| - d_ij)^2. A layout's scale is
arbitrary (NetworkX rescales to [-1, 1]), so the stress is taken at the best scale alpha,
alpha = sum w e d / sum w e^2 with e = |x_i - x_j|, w = d^-2: the figure a layout can be compared by.
Kamada-Kawai minimises the same energy (spring constants 1/d^2, rest lengths d) from a circular start with
scipy's L-BFGS, so it is a fair reference for a stress layout.
"""
import math
import os

import networkx as nx

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                    "algorithms", "src", "test", "resources", "reference")


def read(name):
    G = nx.Graph()
    with open(os.path.join(HERE, name + ".edges.tsv")) as f:
        next(f)
        for line in f:
            a, b, _ = line.split("\t")
            G.add_edge(int(a), int(b))
    G.add_nodes_from(range(max(G.nodes()) + 1))
    return G


def stress(G, pos, d):
    nodes = sorted(G.nodes())
    swed = swee = 0.0
    pairs = []
    for i in nodes:
        for j in nodes:
            if j <= i or j not in d[i]:
                continue
            dij = d[i][j]
            e = math.dist(pos[i], pos[j])
            w = dij ** -2
            swed += w * e * dij
            swee += w * e * e
            pairs.append((w, e, dij))
    alpha = swed / swee
    return sum(w * (alpha * e - dij) ** 2 for w, e, dij in pairs)


def main():
    rows = ["graph\tn\tm\tkamada_kawai_stress"]
    for name in ["karate", "lesmis"]:
        G = read(name)
        d = dict(nx.shortest_path_length(G))
        pos = nx.kamada_kawai_layout(G, dist=d, weight=None)
        rows.append("%s\t%d\t%d\t%r" % (name, G.number_of_nodes(), G.number_of_edges(), stress(G, pos, d)))
    with open(os.path.join(HERE, "layout-stress.tsv"), "w") as f:
        f.write("\n".join(rows) + "\n")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
