// Weakening bridges: fading ties (weakening or dormant) that cross team or community lines, the structural risks,
// by priority (1 mentorship, 2 bridge) and then by how much contact there used to be.
// @param limit int 50 how many ties
MATCH (a:Person)-[t:TIE]->(b:Person)
WHERE t.current AND t.status IN ['weakening', 'dormant'] AND (t.cross_team OR t.cross_community)
RETURN a.person_id AS person_a, a.team AS team_a, b.person_id AS person_b, b.team AS team_b, t.status AS status,
       t.cross_team AS cross_team, t.cross_community AS cross_community, t.mentorship AS mentorship,
       t.weakening_since AS weakening_since, round(t.strength, 2) AS strength, t.recent_count AS recent_contacts,
       t.baseline_count AS baseline_contacts, t.priority AS priority, t.status_reason AS reason
ORDER BY t.priority, t.baseline_count DESC, person_a, person_b
LIMIT $limit
