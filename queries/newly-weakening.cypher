// Ties that started fading recently: ties whose current streak of weakening/dormant status began within the last
// N runs (weakening_since), mentorships and bridges first.
// @param runs int 7 how many of the latest runs count as recent
// @param limit int 50 how many ties
MATCH (r:Run)
WITH r.run_id AS id ORDER BY id DESC LIMIT $runs
WITH min(id) AS since
MATCH (a:Person)-[t:TIE]->(b:Person)
WHERE t.current AND t.weakening_since >= since
RETURN a.person_id AS person_a, b.person_id AS person_b, t.status AS status, t.weakening_since AS weakening_since,
       t.mentorship AS mentorship, t.cross_team AS cross_team, round(t.strength, 2) AS strength, t.priority AS priority
ORDER BY t.priority, t.weakening_since, person_a, person_b
LIMIT $limit
