#!/usr/bin/python3
"""Cross-checks the 100,000-person ProgrammeMatching benchmark against SciPy at full size (not a test resource: the
instance is 1.2 million pairs). Write the instance with the benchmark, then solve it here:

    scripts/bench-matching --runs 1 --write /tmp/programme.txt
    /usr/bin/python3 scripts/reference/programme-matching-large.py /tmp/programme.txt

SciPy 1.10's scipy.sparse.csgraph.min_weight_full_bipartite_matching (LAPJVsp, Jonker & Volgenant 1987) solves the
expanded sparse problem: a row per mentee; a column per mentor place (mentor j repeated capacity[j] times, an allowed
pair present in each of its mentor's places) and one "unassigned" column per mentee. A full matching always exists
and every row is matched, so costs can be shifted to be positive (sparse matrices drop zeros): an allowed pair costs
101 - score, "unassigned" costs 101, and the optimum maximises the total score. Prints the optimal total (math.fsum
of the chosen scores) and the number assigned, to compare with the benchmark's RESULT line.
"""
import math
import sys
import time

import numpy as np
import scipy
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching


def main(path):
    with open(path) as f:
        mentees, mentors = map(int, f.readline().split())
        capacity = list(map(int, f.readline().split()))
        data = np.loadtxt(f, dtype=np.float64, ndmin=2)
    assert len(capacity) == mentors
    first_place = np.concatenate([[0], np.cumsum(capacity)])
    places = int(first_place[-1])
    mentee = data[:, 0].astype(np.int64)
    mentor = data[:, 1].astype(np.int64)
    score = data[:, 2]
    copies = np.asarray(capacity, dtype=np.int64)[mentor]
    rows = np.repeat(mentee, copies)
    offset = np.arange(len(rows)) - np.repeat(np.cumsum(copies) - copies, copies)
    cols = np.repeat(first_place[mentor], copies) + offset
    vals = 101.0 - np.repeat(score, copies)
    rows = np.concatenate([rows, np.arange(mentees)])
    cols = np.concatenate([cols, places + np.arange(mentees)])
    vals = np.concatenate([vals, np.full(mentees, 101.0)])
    matrix = csr_matrix((vals, (rows, cols)), shape=(mentees, places + mentees))
    print("expanded: %d x %d, %d entries (scipy %s)" % (matrix.shape[0], matrix.shape[1], matrix.nnz,
                                                       scipy.__version__))
    t0 = time.time()
    r, c = min_weight_full_bipartite_matching(matrix)
    seconds = time.time() - t0
    pair_score = {(int(i), int(j)): s for i, j, s in zip(mentee, mentor, score)}
    place_mentor = np.repeat(np.arange(mentors), capacity)
    chosen = [pair_score[(int(i), int(place_mentor[col]))] for i, col in zip(r, c) if col < places]
    print("scipy total=%r assigned=%d (%.1f s)" % (math.fsum(chosen), len(chosen), seconds))


if __name__ == "__main__":
    main(sys.argv[1])
