// A person's network and how it changed: each of their ties now, against the oldest of the last N runs:
// new (not there then), lost (gone since), stronger (x1.25 or more), weaker (x0.8 or less), or similar.
// @param person_id string required the person
// @param runs int 7 compare with the oldest of this many latest runs
// @param include_inactive boolean false also list current ties below the strength floor (ties.min-strength)
MATCH (r:Run)
WITH r.run_id AS id ORDER BY id DESC LIMIT $runs
WITH min(id) AS since
MATCH (p:Person {person_id: $person_id})-[t:TIE]-(o:Person)
WHERE (t.current AND (t.active OR $include_inactive)) OR (NOT t.current AND t.last_seen_run >= since)
WITH since, t, o, [i IN range(0, size(t.history_runs) - 1) WHERE t.history_runs[i] = since | t.history_strength[i]][0] AS then_strength,
     CASE WHEN t.current THEN t.strength END AS now_strength
RETURN o.person_id AS other_id, o.display_name AS other, o.team AS team,
       CASE WHEN now_strength IS NULL THEN 'lost' WHEN then_strength IS NULL THEN 'new'
            WHEN now_strength >= then_strength * 1.25 THEN 'stronger' WHEN now_strength <= then_strength * 0.8 THEN 'weaker'
            ELSE 'similar' END AS change,
       round(then_strength, 2) AS strength_then, round(now_strength, 2) AS strength_now, t.status AS status,
       since AS compared_with_run, t.first_seen_run AS first_seen_run, t.last_seen_run AS last_seen_run
ORDER BY coalesce(now_strength, 0.0) DESC, other_id
