// How a tie's strength and status changed over the last N runs (one row per run; seen = false when the pair was not
// a tie in that run), and since when it has been fading (weakening_since, the same on every row).
// @param person_a string required one person (either order)
// @param person_b string required the other person
// @param runs int 10 how many of the latest runs
MATCH (r:Run)
WITH r.run_id AS id ORDER BY id DESC LIMIT $runs
WITH collect(id) AS runs
MATCH (:Person {person_id: $person_a})-[t:TIE]-(:Person {person_id: $person_b})
UNWIND runs AS run
WITH t, run, [i IN range(0, size(t.history_runs) - 1) WHERE t.history_runs[i] = run][0] AS i
RETURN run, i IS NOT NULL AS seen, round(t.history_strength[i], 3) AS strength, t.history_status[i] AS status,
       t.weakening_since AS weakening_since, t.first_seen_run AS first_seen_run, t.current AS current_now
ORDER BY run
