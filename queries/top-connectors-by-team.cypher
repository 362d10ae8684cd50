// Top connectors per team: the highest connector scores inside each team (or one team), with their overall rank.
// @param per_team int 3 how many people per team
// @param team string null one team only (null: every team)
MATCH (p:Person)
WHERE p.current AND ($team IS NULL OR p.team = $team)
WITH p ORDER BY p.connector_score DESC, p.person_id
WITH p.team AS team, collect(p)[..$per_team] AS top
UNWIND range(0, size(top) - 1) AS i
WITH team, i + 1 AS rank_in_team, top[i] AS p
RETURN team, rank_in_team, p.person_id AS person_id, p.display_name AS name, round(p.connector_score, 1) AS score,
       p.connector_rank AS overall_rank, round(p.team_participation, 3) AS team_participation
ORDER BY team, rank_in_team
