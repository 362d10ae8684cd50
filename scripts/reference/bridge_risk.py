#!/usr/bin/env python3
"""Expected values of BridgeRiskTest: the rise in the endpoints' Burt constraint (NetworkX) when a tie is removed.
Run with Debian's python3-networkx: /usr/bin/python3 scripts/reference/bridge_risk.py"""
import networkx as nx

G = nx.Graph()
G.add_weighted_edges_from([(0, 1, 2.0), (0, 2, 1.0), (1, 2, 1.5), (2, 3, 0.5), (3, 4, 2.0), (3, 5, 1.0), (4, 5, 1.0), (5, 6, 3.0)])


def risk(a, b):
    c = nx.constraint(G, weight="weight")
    H = G.copy()
    H.remove_edge(a, b)
    h = nx.constraint(H, weight="weight")
    after = lambda x: 1.0 if H.degree(x) == 0 else h[x]
    return (after(a) - c[a]) + (after(b) - c[b])


for e in [(2, 3), (0, 1), (5, 6), (3, 4)]:
    print(e, repr(risk(*e)))
