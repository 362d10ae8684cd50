// Teams most cut off from the rest: the smallest share of their members' active tie strength that goes outside the
// team (a tie inside the team counts for both members), then the fewest other teams reached.
// @param limit int 10 how many teams
// @param min_size int 5 leave out teams smaller than this
MATCH (t:Team)<-[:MEMBER_OF]-(p:Person)
WHERE t.current AND t.size >= $min_size AND p.current
OPTIONAL MATCH (p)-[x:TIE]-(o:Person)
WHERE x.current AND x.active
WITH t, p, x, o, o.team = t.name AS inside
WITH t, count(DISTINCT p) AS members,
     sum(CASE WHEN inside THEN x.strength ELSE 0.0 END) AS inside_strength,
     sum(CASE WHEN inside = false THEN x.strength ELSE 0.0 END) AS outside_strength,
     count(DISTINCT CASE WHEN inside = false THEN o.team END) AS other_teams
RETURN t.name AS team, members, round(outside_strength / (inside_strength + outside_strength), 3) AS outside_share,
       other_teams, round(inside_strength, 1) AS inside_strength, round(outside_strength, 1) AS outside_strength
ORDER BY outside_share, other_teams, team
LIMIT $limit
