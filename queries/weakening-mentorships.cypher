// Weakening mentorships: declared, ongoing mentorships whose contact is fading (weakening or dormant) or absent
// (no interaction in the look-back), most urgent first, with since when the tie has been fading.
// @param limit int 50 how many mentorships
MATCH (m:Person)-[r:MENTORS]->(e:Person)
WHERE r.current AND r.active AND r.status IN ['weakening', 'dormant', 'no_contact']
OPTIONAL MATCH (m)-[t:TIE]-(e)
WHERE t.current
RETURN m.person_id AS mentor_id, m.display_name AS mentor, e.person_id AS mentee_id, e.display_name AS mentee,
       r.program AS program, r.status AS status, t.weakening_since AS weakening_since, t.last_interaction AS last_interaction,
       t.recent_count AS recent_contacts, t.baseline_count AS baseline_contacts, r.status_reason AS reason
ORDER BY CASE r.status WHEN 'no_contact' THEN 0 WHEN 'dormant' THEN 1 ELSE 2 END, t.rate_ratio, mentor_id, mentee_id
LIMIT $limit
