// Top connectors overall: the people of the latest run with the highest connector score, and why they score high.
// The connector score is 100 x (0.5 betweenness / max betweenness + 0.25 (1 - Burt constraint) + 0.25 team participation).
// @param limit int 10 how many people
MATCH (p:Person)
WHERE p.current
RETURN p.connector_rank AS rank, p.person_id AS person_id, p.display_name AS name, p.team AS team,
       round(p.connector_score, 1) AS score, round(p.betweenness, 4) AS betweenness,
       round(p.`constraint`, 3) AS burt_constraint, p.connector_reason AS reason
ORDER BY p.connector_score DESC, p.person_id
LIMIT $limit
