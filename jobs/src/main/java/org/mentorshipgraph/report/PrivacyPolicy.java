package org.mentorshipgraph.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mentorshipgraph.config.JobConfig;
import org.mentorshipgraph.storage.Storage;
import org.mentorshipgraph.ties.OrgGraph;

/**
 * The one place that decides what the report may say about groups and people. Every team, department and person
 * label in the report's figures comes from here.
 *
 * <ul>
 *   <li><b>Groups</b>: a team (or department) with fewer than {@code minGroupSize} people never appears under its
 *   own name: its people are labelled {@value #SMALL_TEAMS} (or {@value #SMALL_DEPARTMENTS}). That merged group
 *   gets rows of its own in team tables and charts only when it reaches the minimum itself; otherwise its people
 *   count in the organisation-wide figures only ({@link #teamShown}).</li>
 *   <li><b>People</b>: ids and names as in the directory, or, when pseudonymising, a stable pseudonym
 *   ({@link Pseudonyms}) in place of the id and no name at all.</li>
 * </ul>
 */
public final class PrivacyPolicy {
    public static final String SMALL_TEAMS = "other (small teams)";
    public static final String SMALL_DEPARTMENTS = "other (small departments)";

    private final OrgGraph org;
    private final int minGroupSize;
    private final Pseudonyms pseudonyms;
    private final String[] teamLabel;
    private final String[] departmentLabel;
    private final Map<String, Integer> teamLabelSize = new LinkedHashMap<>();

    private PrivacyPolicy(OrgGraph org, int minGroupSize, Pseudonyms pseudonyms) {
        if (minGroupSize < 1)
            throw new IllegalArgumentException("report.min-group-size must be at least 1, got " + minGroupSize);
        this.org = org;
        this.minGroupSize = minGroupSize;
        this.pseudonyms = pseudonyms;
        this.teamLabel = labels(org.teams(), org.teamOf(), SMALL_TEAMS);
        this.departmentLabel = labels(org.departments(), org.departmentOf(), SMALL_DEPARTMENTS);
        for (int i = 0; i < org.size(); i++) teamLabelSize.merge(team(i), 1, Integer::sum);
    }

    /** The run's policy: {@code report.min-group-size}, and pseudonyms when {@code report.pseudonymise} is on. */
    public static PrivacyPolicy of(OrgGraph org, JobConfig config, Map<String, String> environment) {
        return of(org, config, environment, Storage.local());
    }

    /** As {@link #of(OrgGraph, JobConfig, Map)}, the salt file on the output location's store. */
    public static PrivacyPolicy of(OrgGraph org, JobConfig config, Map<String, String> environment, Storage storage) {
        return of(
                org,
                config.minGroupSize(),
                config.pseudonymise() ? Pseudonyms.forInstallation(storage.at(config.outputDir()), environment) : null);
    }

    /** @param pseudonyms null to show people's ids and names as they are */
    public static PrivacyPolicy of(OrgGraph org, int minGroupSize, Pseudonyms pseudonyms) {
        return new PrivacyPolicy(org, minGroupSize, pseudonyms);
    }

    private String[] labels(String[] names, int[] of, String merged) {
        int[] size = new int[names.length];
        for (int g : of) size[g]++;
        String[] label = new String[names.length];
        for (int g = 0; g < names.length; g++) label[g] = size[g] < minGroupSize ? merged : names[g];
        return label;
    }

    public int minGroupSize() {
        return minGroupSize;
    }

    public boolean pseudonymised() {
        return pseudonyms != null;
    }

    /** The team label the report may show for person {@code i}. */
    public String team(int i) {
        return teamLabel[org.teamOf()[i]];
    }

    /** The team label of team index {@code t}. */
    public String teamLabelOf(int t) {
        return teamLabel[t];
    }

    /** The department label the report may show for person {@code i}. */
    public String department(int i) {
        return departmentLabel[org.departmentOf()[i]];
    }

    /** The department label of department index {@code d}. */
    public String departmentLabelOf(int d) {
        return departmentLabel[d];
    }

    /** Whether a team label may have rows of its own in team tables and charts: it has at least the minimum of people. */
    public boolean teamShown(String label) {
        Integer n = teamLabelSize.get(label);
        return n != null && n >= minGroupSize;
    }

    /** People per team label (labels below the minimum included: callers filter with {@link #teamShown}). */
    public Map<String, Integer> teamSizes() {
        return teamLabelSize;
    }

    /** How the report names person {@code i}: the id, or their pseudonym. */
    public String personId(int i) {
        return pseudonyms == null ? org.id(i) : pseudonyms.of(org.id(i));
    }

    /** The person's display name, or null when pseudonymising (or when the directory has none). */
    public String personName(int i) {
        return pseudonyms == null ? org.displayName(i) : null;
    }

    /** What the report states about its own privacy settings (no counts of hidden groups: those could identify them). */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min_group_size", minGroupSize);
        m.put("pseudonymised", pseudonymised());
        m.put("small_teams_label", SMALL_TEAMS);
        m.put("small_departments_label", SMALL_DEPARTMENTS);
        m.put(
                "rule",
                "teams and departments with fewer than " + minGroupSize + " people never appear under their own name; "
                        + "their people are counted as '" + SMALL_TEAMS
                        + "', which has rows of its own only when it reaches "
                        + minGroupSize + " people itself"
                        + (pseudonymised()
                                ? "; people appear under stable pseudonyms, never by id or name"
                                : "; people appear by id and name"));
        return m;
    }
}
