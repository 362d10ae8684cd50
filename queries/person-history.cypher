// How a person's connector score, rank, degree, strength and betweenness changed over the last N runs
// (one row per run; seen = false when the person was not in that run's data).
// @param person_id string required the person
// @param runs int 10 how many of the latest runs
MATCH (r:Run)
WITH r.run_id AS id ORDER BY id DESC LIMIT $runs
WITH collect(id) AS runs
MATCH (p:Person {person_id: $person_id})
UNWIND runs AS run
WITH p, run, [i IN range(0, size(p.history_runs) - 1) WHERE p.history_runs[i] = run][0] AS i
RETURN run, i IS NOT NULL AS seen, round(p.history_connector_score[i], 1) AS connector_score,
       p.history_connector_rank[i] AS connector_rank, p.history_degree[i] AS degree,
       round(p.history_strength[i], 2) AS strength, round(p.history_betweenness[i], 5) AS betweenness
ORDER BY run
