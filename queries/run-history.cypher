// Run history: each run in Neo4j, newest first, with its outcome, counts, betweenness mode and error bound,
// modularity and how long its steps took.
// @param limit int 20 how many runs
MATCH (r:Run)
RETURN r.run_id AS run, r.outcome AS outcome, r.neo4j_write AS neo4j_write, r.count_people AS people,
       r.count_ties AS ties, r.count_active_ties AS active_ties, r.count_communities AS communities,
       round(r.modularity, 3) AS modularity, r.betweenness_mode AS betweenness, r.betweenness_sources AS sources,
       r.betweenness_epsilon AS epsilon, r.betweenness_delta AS delta,
       round(r.seconds_connectors, 1) AS connectors_s, round(r.seconds_neo4j_total, 1) AS neo4j_s
ORDER BY run DESC
LIMIT $limit
