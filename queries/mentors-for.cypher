// A person's suggested mentors (the latest run's mentoring step), best first: the score 0..100 with its components,
// the skills each mentor covers, the warm introduction (the introducer, the first person on the path, with their name;
// the path with each tie's strength), the mentor's load and the one-line reason. No rows: the person is no mentee
// candidate, or nobody qualifies (mentor-suggestions.csv says why).
// @param person string required the mentee's person_id
MATCH (e:Person {person_id: $person})<-[s:SUGGESTED_MENTOR]-(m:Person)
OPTIONAL MATCH (i:Person {person_id: s.introducer_id})
RETURN s.rank AS rank, m.person_id AS mentor_id, m.display_name AS mentor_name, m.title AS mentor_title,
       m.team AS mentor_team, s.score AS score, s.skill_fit AS skill_fit, s.trajectory_fit AS trajectory_fit,
       s.reachability AS reachability, s.teaching AS teaching, s.load AS load, s.skills_covered AS skills_covered,
       s.hops AS hops, s.introducer_id AS introducer_id, i.display_name AS introducer_name, s.path AS path,
       s.places AS places, s.reason AS reason, s.run AS run
ORDER BY rank
