// Shortest warm-introduction path between two people: the fewest hops (at most 8) through current ties of at least
// min_strength; among equally short paths, the one whose weakest tie is strongest. One row per hop; no rows: no path.
// @param from string required who wants the introduction
// @param to string required whom they want to meet
// @param min_strength float 1.0 weakest tie strength allowed on the path
MATCH (a:Person {person_id: $from}), (b:Person {person_id: $to})
MATCH path = allShortestPaths((a)-[:TIE*..8]-(b))
WHERE all(t IN relationships(path) WHERE t.current AND t.strength >= $min_strength)
WITH path, reduce(w = 1.0e300, t IN relationships(path) | CASE WHEN t.strength < w THEN t.strength ELSE w END) AS weakest
ORDER BY weakest DESC
LIMIT 1
UNWIND range(0, length(path) - 1) AS i
WITH i, nodes(path)[i] AS x, nodes(path)[i + 1] AS y, relationships(path)[i] AS t
RETURN i + 1 AS hop, x.person_id AS from_id, x.display_name AS from_name, y.person_id AS to_id, y.display_name AS to_name,
       y.team AS to_team, round(t.strength, 2) AS strength, t.status AS status
ORDER BY hop
