// Newcomers without a mentor: people hired within trends.newcomer-days with fewer than trends.newcomer-min-ties ties
// and no current mentor, newest first, with a suggestion: their team's best connector hired at least a year earlier.
// @param limit int 50 how many people
MATCH (p:Person)
WHERE p.current AND p.newcomer_without_mentor
OPTIONAL MATCH (p)-[t:TIE]-(:Person)
WHERE t.current AND t.active
WITH p, count(t) AS ties
OPTIONAL MATCH (m:Person {team: p.team})
WHERE m.current AND m <> p AND m.hire_date <= p.hire_date - duration('P365D')
WITH p, ties, m ORDER BY m.connector_score DESC
WITH p, ties, collect(m)[0] AS suggested
RETURN p.person_id AS person_id, p.display_name AS name, p.team AS team, p.hire_date AS hire_date, ties,
       suggested.person_id AS suggested_mentor_id, suggested.display_name AS suggested_mentor
ORDER BY hire_date DESC, person_id
LIMIT $limit
