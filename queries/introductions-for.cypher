// Who a person should meet: the current people they have no active tie with, ranked by the Adamic–Adar index computed
// here over current active ties, score = Σ over common contacts c of 1 / ln(active degree of c) (then more common
// contacts, then person_id), each with the best introducer: the common contact whose weaker tie of the two (to the
// person, to the one suggested) is strongest (then the larger sum, then person_id). The same ranking as
// introductions.csv when mentoring.strong-tie-strength is ties.min-strength (the default).
// @param person string required the person's person_id
// @param limit int 10 how many people
MATCH (p:Person {person_id: $person})-[t1:TIE]-(c:Person)-[t2:TIE]-(x:Person)
WHERE t1.current AND t1.active AND t2.current AND t2.active AND x <> p AND x.current
  AND NOT EXISTS { (p)-[t:TIE]-(x) WHERE t.current AND t.active }
WITH x, c, t1.strength AS to_contact, t2.strength AS contact_to,
     COUNT { (c)-[d:TIE]-(:Person) WHERE d.current AND d.active } AS degree
ORDER BY degree, c.person_id
WITH x, collect({id: c.person_id, name: c.display_name, degree: degree, a: to_contact, b: contact_to}) AS common
WITH x, common, reduce(s = 0.0, k IN common | s + 1.0 / log(k.degree)) AS score
ORDER BY score DESC, size(common) DESC, x.person_id
LIMIT $limit
CALL {
  WITH common
  UNWIND common AS k
  RETURN k AS best
  ORDER BY CASE WHEN k.a < k.b THEN k.a ELSE k.b END DESC, k.a + k.b DESC, k.id
  LIMIT 1
}
WITH collect({x: x, score: score, common: size(common), best: best}) AS found
UNWIND range(0, size(found) - 1) AS i
WITH i, found[i] AS f
RETURN i + 1 AS rank, f.x.person_id AS person_id, f.x.display_name AS name, f.x.team AS team,
       round(f.score, 6) AS score, f.common AS common_contacts, f.best.id AS introducer_id,
       f.best.name AS introducer_name, round(f.best.a, 2) AS tie_to_introducer,
       round(f.best.b, 2) AS introducer_tie
ORDER BY rank
