package org.mentorshipgraph.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mentorshipgraph.config.JobConfig;
import org.mentorshipgraph.job.NightlyJob;

/** The short summary a person reads at the end of a run. */
final class RunSummary {
    private RunSummary() {}

    @SuppressWarnings("unchecked")
    static void print(NightlyJob.Outcome o, JobConfig config, Map<String, String> environment) {
        Map<String, Object> h = (Map<String, Object>) o.health().get("headline");
        StringBuilder sb = new StringBuilder("\n");
        sb.append(
                String.format(Locale.ROOT, "Run %s: %s%n", o.asOf(), o.record().outcome()));
        sb.append(String.format(
                Locale.ROOT,
                "  people %s, active ties %s (of %s), communities %s, modularity %.3f%n",
                h.get("people"),
                h.get("active_ties"),
                h.get("ties_total"),
                h.get("communities"),
                ((Number) h.get("modularity")).doubleValue()));
        sb.append(String.format(
                Locale.ROOT,
                "  quarantined rows %s; weakening ties %s, dormant %s, fading mentorships %s, newcomers without mentor %s%n",
                o.record().counts().get("interactions_rejected"),
                h.get("weakening_ties"),
                h.get("dormant_ties"),
                h.get("weakening_mentorships"),
                h.get("newcomers_without_mentor")));
        Map<String, Object> list = (Map<String, Object>) o.health().get("fading_list");
        if (list != null)
            sb.append(String.format(
                    Locale.ROOT,
                    "  fading list %s of %s ties in the family at a false discovery rate of %.0f%% (about %s false "
                            + "alarms); %s ties paused, %s people away%n",
                    list.get("listed"),
                    list.get("ties_in_family"),
                    100 * ((Number) list.get("fdr")).doubleValue(),
                    list.get("expected_false_alarms"),
                    h.get("paused_ties"),
                    h.get("people_away")));
        List<Map<String, Object>> named = ((List<Map<String, Object>>)
                        o.health().get("top_connectors"))
                .stream()
                        .filter(c -> ((Number) c.get("connector_score")).doubleValue() > 0)
                        .toList();
        sb.append(
                named.isEmpty()
                        ? "  top connectors: none (no active tie joins people: see the warning on ties.min-strength)\n"
                        : "  top connectors:\n");
        List<Map<String, Object>> shown = named.subList(0, Math.min(5, named.size()));
        // columns as wide as what they show (ids may be names with spaces; a name equal to the id is not repeated)
        int idWidth = 2, nameWidth = 0;
        for (Map<String, Object> c : shown) {
            idWidth = Math.max(idWidth, String.valueOf(c.get("person_id")).length());
            nameWidth = Math.max(nameWidth, shownName(c).length());
        }
        for (Map<String, Object> c : shown) {
            sb.append(String.format(
                    Locale.ROOT,
                    "    %2s. %-" + idWidth + "s  " + (nameWidth == 0 ? "%s" : "%-" + nameWidth + "s  ")
                            + "score %5.1f  %s%n",
                    c.get("rank"),
                    c.get("person_id"),
                    shownName(c),
                    ((Number) c.get("connector_score")).doubleValue(),
                    c.get("team")));
        }
        List<Map<String, Object>> fading =
                (List<Map<String, Object>>) o.health().get("fading_ties");
        if (!fading.isEmpty()) sb.append("  fading ties to look at first:\n");
        for (Map<String, Object> t : fading.subList(0, Math.min(5, fading.size()))) {
            sb.append(String.format(
                    Locale.ROOT,
                    "    %-10s %-9s %s - %s: %s%n",
                    t.get("kind"),
                    t.get("status"),
                    t.get("person_a"),
                    t.get("person_b"),
                    t.get("reason")));
        }
        Map<String, Object> mentoring = (Map<String, Object>) o.health().get("mentoring");
        if (mentoring != null) {
            Map<String, Object> c = (Map<String, Object>) mentoring.get("coverage"),
                    load = (Map<String, Object>) mentoring.get("load"),
                    parts = (Map<String, Object>) mentoring.get("parts");
            List<String> on = new java.util.ArrayList<>();
            parts.forEach((k, v) -> {
                if (Boolean.TRUE.equals(v)) on.add(k);
            });
            sb.append(String.format(
                    Locale.ROOT,
                    "  mentoring: %,d mentee candidates, %,d with a suggestion (%.0f%% with one within two ties), %,d "
                            + "suggestions to %,d mentors; parts on: %s (mentor-suggestions.csv, introductions.csv)%n",
                    ((Number) c.get("mentee_candidates")).longValue(),
                    ((Number) c.get("with_suggestion")).longValue(),
                    100 * ((Number) c.get("within_two_hops_share")).doubleValue(),
                    ((Number) load.get("suggestions")).longValue(),
                    ((Number) load.get("suggested_mentors")).longValue(),
                    String.join(", ", on)));
        }
        List<String> warnings = o.record().warnings();
        if (!warnings.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "  warnings (%d, also in run.json):%n", warnings.size()));
            for (String w : warnings) sb.append("    - ").append(w).append('\n');
        }
        sb.append(String.format(
                Locale.ROOT, "  report:  %s%n", shown(o.runLocation().child("network-health.html"))));
        sb.append(String.format(Locale.ROOT, "  files:   %s%n", shown(o.runLocation())));
        if (config.neo4jEnabled()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "  neo4j:   %s (database %s)%n",
                    JobConfig.maskUserInfo(config.neo4jUri()),
                    config.neo4jDatabase()));
            // scripts/nightly exports the local server's Browser address (scripts/neo4j-local env)
            String browser = environment.get("NEO4J_BROWSER_URL");
            boolean local = String.valueOf(config.neo4jUri()).matches("(?i)[a-z+]+://(127\\.0\\.0\\.1|localhost)\\b.*");
            if (local && browser != null && !browser.isBlank())
                sb.append(String.format(
                        Locale.ROOT, "  browser: %s (Neo4j Browser; :guide mentorship-graph)%n", browser));
        }
        sb.append(String.format(Locale.ROOT, "  seconds: %s%n", o.record().seconds()));
        System.out.print(sb);
    }

    /** A local file as an absolute path (to open in a browser), anything else as its URI. */
    private static String shown(org.mentorshipgraph.storage.Location l) {
        return l.localFile().map(p -> p.toAbsolutePath().toString()).orElse(l.uri());
    }

    /** A connector's name for the summary: empty when there is none or it only repeats the id. */
    private static String shownName(Map<String, Object> c) {
        Object name = c.get("name");
        return name == null || name.equals(c.get("person_id")) ? "" : name.toString();
    }
}
