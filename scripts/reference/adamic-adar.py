#!/usr/bin/python3
"""Writes the Adamic-Adar reference values that ReachabilityReferenceTest checks, computed by NetworkX 2.8.8.

Run with the Debian interpreter (python3-networkx 2.8.8):

    /usr/bin/python3 scripts/reference/adamic-adar.py

Graphs (published networks shipped with NetworkX, relabelled to dense ids 0..n-1 in NetworkX's node order):

  karate      nx.karate_club_graph()            W. W. Zachary, J. Anthropological Research 33, 1977
  lesmis      nx.les_miserables_graph()         D. E. Knuth, The Stanford GraphBase, 1993 (co-appearance counts)
  florentine  nx.florentine_families_graph()    J. F. Padgett and C. K. Ansell, AJS 98, 1993, plus the isolated
                                                16th family, Pucci (as in make_reference.py)

Cases: every graph with strong-tie floor 0 (all edges strong), and two floors that exclude edges: karate with
floor 3 (30 of 78 edges have weight < 3) and lesmis with floor 2 (97 of 254 edges have weight 1). For a floor f,
H is the subgraph of G with all of G's nodes and the edges of weight >= f.

Files, under algorithms/src/test/resources/reference/adamic-adar/, for every case CASE (e.g. "lesmis-floor2"):

  NAME.edges.tsv    header "a b weight": G's edges (one per line, a < b), shared by the cases of graph NAME
  CASE.pairs.tsv    header "u v tied strong common aa": every pair u < v; tied = 1 when u, v adjacent in G,
                    strong = 1 when adjacent in H, common = |N_H(u) & N_H(v)|, and
                    aa = nx.adamic_adar_index(H, [(u, v)]), i.e. sum over w in N_H(u) & N_H(v) of 1 / ln deg_H(w)
                    (every pair, not only the non-adjacent ones, so adjacent pairs are checked too)
  CASE.top3.tsv     header "u rank person score common": for every node u, the people it has no tie with in G
                    (x != u, not adjacent in G) and at least one common neighbour in H, ranked by
                    (aa desc, common desc, x asc); the first three, and after them every further candidate whose
                    score ties the third's (|difference| <= 1e-12), so that a test can compare tie groups as sets.
                    Ranking keys use math.fsum of the terms, which does not depend on NetworkX's set order.
  CASE.case.tsv     header "key value": graph, floor, n, m (edges of G), strong_m (edges of H)

Numbers are written with repr(), the shortest string that round-trips the double.
"""
import math
import os
import sys

import networkx as nx

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "algorithms", "src", "test", "resources", "reference", "adamic-adar")
TIE = 1e-12


def dense(G0):
    names = list(G0.nodes())
    index = {v: i for i, v in enumerate(names)}
    G = nx.Graph()
    G.add_nodes_from(range(len(names)))
    for u, v, d in G0.edges(data=True):
        G.add_edge(index[u], index[v], weight=float(d.get("weight", 1.0)))
    return G


def strong_subgraph(G, floor):
    H = nx.Graph()
    H.add_nodes_from(G.nodes())
    H.add_edges_from((u, v, d) for u, v, d in G.edges(data=True) if d["weight"] >= floor)
    return H


def write_edges(name, G):
    with open(os.path.join(OUT, name + ".edges.tsv"), "w") as f:
        f.write("a\tb\tweight\n")
        for u, v, d in sorted((min(u, v), max(u, v), d) for u, v, d in G.edges(data=True)):
            f.write(f"{u}\t{v}\t{d['weight']!r}\n")


def write_case(case, name, G, floor):
    H = strong_subgraph(G, floor)
    n = G.number_of_nodes()
    pairs = [(u, v) for u in range(n) for v in range(u + 1, n)]
    aa = {(u, v): p for u, v, p in nx.adamic_adar_index(H, pairs)}
    common = {(u, v): len(list(nx.common_neighbors(H, u, v))) for u, v in pairs}
    exact = {(u, v): math.fsum(1.0 / math.log(H.degree(w)) for w in nx.common_neighbors(H, u, v))
             for u, v in pairs}
    for p in pairs:
        assert abs(exact[p] - aa[p]) <= 1e-13, (case, p, exact[p], aa[p])
    with open(os.path.join(OUT, case + ".pairs.tsv"), "w") as f:
        f.write("u\tv\ttied\tstrong\tcommon\taa\n")
        for u, v in pairs:
            f.write(f"{u}\t{v}\t{int(G.has_edge(u, v))}\t{int(H.has_edge(u, v))}\t{common[(u, v)]}\t"
                    f"{float(aa[(u, v)])!r}\n")
    key = lambda u, v: (min(u, v), max(u, v))
    rows = 0
    with open(os.path.join(OUT, case + ".top3.tsv"), "w") as f:
        f.write("u\trank\tperson\tscore\tcommon\n")
        for u in range(n):
            cands = [x for x in range(n) if x != u and not G.has_edge(u, x) and common[key(u, x)] > 0]
            cands.sort(key=lambda x: (-exact[key(u, x)], -common[key(u, x)], x))
            keep = cands[:3]
            if len(cands) > 3:
                third = exact[key(u, cands[2])]
                keep += [x for x in cands[3:] if abs(exact[key(u, x)] - third) <= TIE]
            for r, x in enumerate(keep, start=1):
                f.write(f"{u}\t{r}\t{x}\t{float(aa[key(u, x)])!r}\t{common[key(u, x)]}\n")
                rows += 1
    with open(os.path.join(OUT, case + ".case.tsv"), "w") as f:
        f.write("key\tvalue\n")
        f.write(f"graph\t{name}\nfloor\t{floor!r}\nn\t{n}\nm\t{G.number_of_edges()}\n"
                f"strong_m\t{H.number_of_edges()}\n")
    print(f"{case}: n={n} m={G.number_of_edges()} strong_m={H.number_of_edges()} pairs={len(pairs)} "
          f"top3 rows={rows}", file=sys.stderr)


def main():
    os.makedirs(OUT, exist_ok=True)
    florentine = nx.florentine_families_graph()
    florentine.add_node("Pucci")  # the 16th family, isolated in the marriage network
    graphs = {
        "karate": dense(nx.karate_club_graph()),
        "lesmis": dense(nx.les_miserables_graph()),
        "florentine": dense(florentine),
    }
    for name, G in graphs.items():
        write_edges(name, G)
        write_case(name, name, G, 0.0)
    write_case("karate-floor3", "karate", graphs["karate"], 3.0)
    write_case("lesmis-floor2", "lesmis", graphs["lesmis"], 2.0)


if __name__ == "__main__":
    main()
