#!/usr/bin/python3
"""Extracts the SNAP ego-Facebook network from the Debian package r-cran-threejs, offline.

The R package threejs (B. W. Lewis, version 0.3.3, MIT licence; Debian r-cran-threejs 0.3.3+dfsg-2) ships
the data set `ego`: the combined Facebook ego networks of J. McAuley and J. Leskovec, "Learning to
Discover Social Circles in Ego Networks", NIPS 2012 (SNAP "ego-Facebook": 4,039 nodes, 88,234 edges),
as an R igraph object in data/ego.RData.

    cd /tmp && apt-get download r-cran-threejs && dpkg-deb -x r-cran-threejs_*.deb threejs
    /usr/bin/python3 scripts/reference/extract_ego_facebook.py /tmp/threejs/usr/lib/R/site-library/threejs/data/ego.RData

It does not need R: the file is an xz-compressed R serialization (XDR), and an igraph object begins
with its edge list as two double vectors `from` and `to` of equal length (0-based ids). The script reads
the first two such vectors, checks them against the published statistics, and writes
algorithms/src/test/resources/reference/ego_facebook.edges.tsv (a, b, weight 1.0; a < b; sorted).
"""
import lzma
import os
import struct
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "algorithms", "src", "test", "resources", "reference", "ego_facebook.edges.tsv")
REALSXP = 14


def double_vectors(raw, min_length):
    """Yields (offset, values) for every REALSXP header whose length is plausible, in stream order."""
    off = 0
    while off + 8 <= len(raw):
        header, length = struct.unpack(">ii", raw[off:off + 8])
        if header & 0xFF == REALSXP and min_length <= length and off + 8 + 8 * length <= len(raw):
            values = struct.unpack(">%dd" % length, raw[off + 8:off + 8 + 8 * length])
            if all(v == int(v) and v >= 0 for v in values[:1000]):
                yield off, values
                off += 8 + 8 * length
                continue
        off += 1


def main(path):
    raw = lzma.decompress(open(path, "rb").read())
    assert raw.startswith(b"RDX2\nX\n"), "not an XDR RData file"
    vectors = double_vectors(raw, 1000)
    (_, frm), (_, to) = next(vectors), next(vectors)
    assert len(frm) == len(to) == 88234, len(frm)
    edges = sorted({(int(min(a, b)), int(max(a, b))) for a, b in zip(frm, to)})
    nodes = {x for e in edges for x in e}
    assert len(edges) == 88234 and len(nodes) == 4039 and max(nodes) == 4038
    with open(OUT, "w") as f:
        f.write("a\tb\tweight\n")
        for a, b in edges:
            f.write(f"{a}\t{b}\t1.0\n")
    print(f"wrote {len(edges)} edges over {len(nodes)} nodes to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
