// Who can teach a skill: the current people whose directory lists it, those open to mentoring with a free place first,
// then the most teaching (mentoring, pairing, code-review interactions they started in the look-back; empty when the
// interactions have no teaching channel), then the most often suggested as a mentor by the latest run.
// @param skill string required the skill, as in the directory (case does not matter)
// @param limit int 100 how many people
MATCH (s:Skill)
WHERE s.name = toLower(trim($skill))
MATCH (s)<-[:HAS_SKILL]-(p:Person)
WHERE p.current
WITH p, COUNT { (p)-[:SUGGESTED_MENTOR]->() } AS suggested,
     coalesce(p.mentor_capacity, 0) - coalesce(p.mentor_places_taken, 0) AS free
WITH p, suggested, CASE WHEN free > 0 THEN free ELSE 0 END AS free_places,
     coalesce(p.open_to_mentor, false) AND free > 0 AS available
RETURN p.person_id AS person_id, p.display_name AS name, p.team AS team, p.title AS title, p.level AS level,
       available, p.open_to_mentor AS open_to_mentor, free_places, p.mentor_capacity AS capacity,
       p.teaching_interactions AS teaching_interactions, suggested AS suggested_as_mentor
ORDER BY available DESC, coalesce(teaching_interactions, -1) DESC, suggested_as_mentor DESC, free_places DESC,
         person_id
LIMIT $limit
