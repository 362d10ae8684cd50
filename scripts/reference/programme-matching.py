#!/usr/bin/python3
"""Reference totals for ProgrammeMatchingTest: optimal mentee-to-mentor assignments solved by SciPy.

Run with the Debian interpreter (python3-scipy 1.10.1, python3-numpy 1.24.2):

    /usr/bin/python3 scripts/reference/programme-matching.py

Writes algorithms/src/test/resources/reference/programme-matching.json: 30 seeded random instances (5..60 mentees,
3..20 mentors, capacities 0..4, pair density 10..60%, scores uniform in (0, 100]) and, for each, the optimal total.

Each instance is solved with scipy.optimize.linear_sum_assignment on the expanded matrix: one row per mentee; one
column per mentor place (mentor j repeated capacity[j] times) and one "unassigned" column per mentee, holding 0 for
that mentee only; an allowed pair holds its score in every place of its mentor; everything else is impossible
(-inf, maximize=True). Every row is assigned (each has its own "unassigned" column), so the maximum of the expanded
problem is the maximum-weight b-matching. The total is the exact sum (math.fsum) of the chosen pairs' scores.

JSON layout: {"source": ..., "instances": [{"seed", "mentees", "capacity": [...], "pairs": [[mentee, mentor, score],
...], "total", "assigned"}]}; scores and totals written with repr() (shortest round-trip). "assigned" is the count in
SciPy's solution, for information only (an optimum need not be unique).
"""
import json
import math
import os

import numpy as np
import scipy
from scipy.optimize import linear_sum_assignment

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "algorithms", "src", "test", "resources", "reference", "programme-matching.json")
INSTANCES = 30


def instance(seed):
    rng = np.random.default_rng(seed)
    mentees = int(rng.integers(5, 61))
    mentors = int(rng.integers(3, 21))
    capacity = [int(c) for c in rng.integers(0, 5, size=mentors)]
    density = float(rng.uniform(0.10, 0.60))
    pairs = []
    for i in range(mentees):
        for j in range(mentors):
            if rng.random() < density:
                score = 100.0 * (1.0 - float(rng.random()))  # in (0, 100]
                pairs.append((i, j, score))
    return mentees, capacity, pairs


def solve(mentees, capacity, pairs):
    place_mentor = [j for j, c in enumerate(capacity) for _ in range(c)]
    places = len(place_mentor)
    value = np.full((mentees, places + mentees), -np.inf)
    score = {}
    for i, j, s in pairs:
        score[(i, j)] = s
        for p, pj in enumerate(place_mentor):
            if pj == j:
                value[i, p] = s
    for i in range(mentees):
        value[i, places + i] = 0.0
    rows, cols = linear_sum_assignment(value, maximize=True)
    assert len(rows) == mentees
    chosen = []
    for i, c in zip(rows, cols):
        assert np.isfinite(value[i, c]), "an impossible pair was chosen"
        if c < places:
            chosen.append(score[(int(i), place_mentor[c])])
    return math.fsum(chosen), len(chosen)


def main():
    out = []
    for seed in range(INSTANCES):
        mentees, capacity, pairs = instance(seed)
        total, assigned = solve(mentees, capacity, pairs)
        out.append({"seed": seed, "mentees": mentees, "capacity": capacity,
                    "pairs": [[i, j, s] for i, j, s in pairs], "total": total, "assigned": assigned})
    doc = {"source": "scripts/reference/programme-matching.py, scipy %s linear_sum_assignment" % scipy.__version__,
           "instances": out}
    with open(OUT, "w") as f:
        # json writes floats with repr(): the shortest string that reads back as the same double.
        f.write("{\"source\": %s,\n \"instances\": [\n" % json.dumps(doc["source"]))
        f.write(",\n".join("  " + json.dumps(x) for x in out))
        f.write("\n ]}\n")
    print("wrote %d instances to %s" % (len(out), os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
