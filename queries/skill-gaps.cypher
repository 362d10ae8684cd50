// Skill gaps per department: the skills the department's current people most want to learn relative to how many of
// them have it, gap = wanting / (having + 1) (a skill nobody there has counts fully), with how many people in the
// whole organisation have it. Only departments of at least min_group_size current people appear (the report's
// privacy minimum, report.min-group-size).
// @param min_group_size int 5 leave out departments with fewer current people than this
// @param per_department int 5 how many skills per department
MATCH (p:Person)
WHERE p.current AND p.department IS NOT NULL
WITH p.department AS department, collect(p) AS members
WHERE size(members) >= $min_group_size
UNWIND members AS p
MATCH (p)-[r:HAS_SKILL|WANTS_TO_LEARN]->(s:Skill)
WITH department, size(members) AS people, s,
     count(CASE WHEN type(r) = 'WANTS_TO_LEARN' THEN 1 END) AS wanting,
     count(CASE WHEN type(r) = 'HAS_SKILL' THEN 1 END) AS having
WHERE wanting > 0
WITH department, people, s, wanting, having, wanting / (having + 1.0) AS gap
ORDER BY department, gap DESC, wanting DESC, s.name
WITH department, people, collect({skill: s.name, wanting: wanting, having: having, gap: gap, org: s.people_with}) AS skills
UNWIND range(0, CASE WHEN size(skills) < $per_department THEN size(skills) ELSE $per_department END - 1) AS i
RETURN department, people, i + 1 AS rank, skills[i].skill AS skill, skills[i].wanting AS wanting,
       skills[i].having AS having, round(skills[i].gap, 2) AS gap, skills[i].org AS people_with_in_organisation
ORDER BY department, rank
