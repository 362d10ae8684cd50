// Who bridges team A and team B: people (in any team) with active ties into both teams, strongest bridge first.
// bridge_strength is the smaller of the two sums of tie strength (into A, into B): a person strong on one side only
// is not much of a bridge. Teammates count: a member of A with ties into B bridges A and B.
// @param team_a string required one team's name
// @param team_b string required the other team's name
// @param limit int 10 how many people
MATCH (tm:Team)
WHERE tm.name IN [$team_a, $team_b]
MATCH (tm)<-[:MEMBER_OF]-(y:Person)-[t:TIE]-(x:Person)
WHERE t.current AND t.active AND x.current AND y.current
WITH x, tm.name = $team_a AS into_a, t.strength AS s
WITH x, sum(CASE WHEN into_a THEN s ELSE 0.0 END) AS strength_a, sum(CASE WHEN into_a THEN 0.0 ELSE s END) AS strength_b,
     count(CASE WHEN into_a THEN 1 END) AS ties_a, count(CASE WHEN into_a THEN null ELSE 1 END) AS ties_b
WHERE ties_a > 0 AND ties_b > 0
RETURN x.person_id AS person_id, x.display_name AS name, x.team AS team,
       ties_a, round(strength_a, 2) AS strength_a, ties_b, round(strength_b, 2) AS strength_b,
       round(CASE WHEN strength_a < strength_b THEN strength_a ELSE strength_b END, 2) AS bridge_strength
ORDER BY bridge_strength DESC, person_id
LIMIT $limit
