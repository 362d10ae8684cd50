package org.mentorshipgraph.tools.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.mentorshipgraph.tools.sample.SampleOrganisationGenerator.Spec;

/**
 * The positions people held before their current one ({@code positions.csv}:
 * {@code person_id,title,level,team,department,started_on,ended_on}).
 *
 * <p>Who has a history: everyone at level 2 or above hired at least {@value #TENURE_DAYS} days before the end of the
 * data, and anyone a planted case {@linkplain #require requires} one. Their rows are the current position (ended_on
 * empty; title, level, team and department as in {@code people.csv}) and 1–4 earlier ones, one rung below the other
 * on their own track (levels {@code current − k .. current − 1}; 45% one earlier position, 30% two, 17% three, 8%
 * four, fewer when there are not enough rungs below): an individual contributor climbs their ladder
 * ({@code Software Engineer}, {@code Senior Software Engineer}, ...), a manager came up a ladder of their
 * department's family, a department head was a manager first, privacy counsel were privacy analysts.
 *
 * <p>Dates: the current position started 4 months to 3 years before the end of the data, each earlier position
 * lasted 10 months to 2.7 years and ended the day before the next one started (both dates inclusive, no overlaps).
 * Positions in the company start on or after the hire date (one that would start earlier starts on it, when at least
 * half a year of it is left); earlier ones are external experience, with an empty team and department, ending before
 * the hire date. An internal position is in the current team (60%) or another team of the department.
 *
 * <p>Each person's history is drawn from a stream of its own (the spec's seed and the person), so requiring a history
 * of one person changes no one else's. Cost: O(rows) time and memory.
 */
final class CareerHistory {

    /** Salt of the history streams. */
    static final long SALT = 0x506F736974696F6EL;
    /** Minimum time in the company, in days up to the end of the data, for a history. */
    static final int TENURE_DAYS = 365;

    /** One position; {@code team} is -1 for external experience, {@code endedOn} null for the current one. */
    record Position(int person, String title, int level, int team, LocalDate startedOn, LocalDate endedOn) {}

    private final Spec spec;
    private final Organisation org;
    /** Per person: a level their history must contain, or 0. */
    private final int[] requiredFrom;

    private List<List<Position>> byPerson;

    CareerHistory(Spec spec, Organisation org) {
        this.spec = spec;
        this.org = org;
        this.requiredFrom = new int[org.n];
    }

    /**
     * Makes {@code p}'s history reach down to {@code level} (every level from it to the current one), with or without
     * tenure. Call before {@link #build}.
     */
    void require(int p, int level) {
        if (level < 1 || level >= org.level[p]) {
            throw new IllegalArgumentException("level " + level + " is not below " + org.ids[p] + "'s " + org.level[p]);
        }
        requiredFrom[p] = requiredFrom[p] == 0 ? level : Math.min(requiredFrom[p], level);
    }

    /** Draws everyone's history from the people as they are now. */
    void build() {
        byPerson = new ArrayList<>(org.n);
        for (int p = 0; p < org.n; p++) {
            byPerson.add(history(p, new SplittableRandom(BackgroundActivity.mix(spec.seed() ^ SALT, p))));
        }
    }

    /** {@code p}'s positions, oldest first (empty without a history). */
    List<Position> positions(int p) {
        return byPerson.get(p);
    }

    int rowCount() {
        return byPerson.stream().mapToInt(List::size).sum();
    }

    private List<Position> history(int p, SplittableRandom r) {
        LocalDate end = spec.endDate();
        LocalDate hire = org.hireDate(p);
        // The same draws for everyone, whatever they are used for.
        int x = r.nextInt(100);
        int currentDays = 120 + r.nextInt(976);
        int[] lengths = new int[4];
        int[] gaps = new int[4];
        boolean[] ownTeam = new boolean[4];
        int[] otherTeam = new int[4];
        for (int j = 0; j < 4; j++) {
            lengths[j] = 300 + r.nextInt(686);
            gaps[j] = r.nextInt(61);
            ownTeam[j] = r.nextInt(100) < 60;
            otherTeam[j] = r.nextInt(Math.max(1, org.deptRegularTeams[org.dept[p]].length));
        }
        String[] ladder = Organisation.IC_TITLES[Organisation.family(org.dept[p])];
        String formerBase = ladder[r.nextInt(ladder.length)];

        int current = org.level[p];
        int below = current - 1;
        int k = x < 45 ? 1 : x < 75 ? 2 : x < 92 ? 3 : 4;
        k = Math.min(k, below);
        boolean tenured = current >= 2 && ChronoUnit.DAYS.between(hire, end) >= TENURE_DAYS;
        if (requiredFrom[p] > 0) {
            k = Math.max(k, current - requiredFrom[p]);
        } else if (!tenured) {
            return List.of();
        }
        if (k <= 0) {
            return List.of();
        }

        List<Position> out = new ArrayList<>();
        LocalDate start = end.minusDays(currentDays);
        if (start.isBefore(hire)) {
            start = hire;
        }
        out.add(new Position(p, org.title[p], current, org.team[p], start, null));
        boolean external = !start.isAfter(hire);
        for (int j = 0; j < k; j++) {
            int level = current - 1 - j;
            LocalDate ended = start.minusDays(1);
            LocalDate began = ended.minusDays(lengths[j] - 1L);
            if (!external && began.isBefore(hire)) {
                if (ChronoUnit.DAYS.between(hire, ended) >= 182) {
                    began = hire;
                } else {
                    external = true;
                }
            }
            if (external && !ended.isBefore(hire)) {
                ended = hire.minusDays(1L + gaps[j]);
                began = ended.minusDays(lengths[j] - 1L);
            }
            int team = external ? -1 : ownTeam[j] ? org.team[p] : teamInDepartment(p, otherTeam[j]);
            out.add(new Position(p, formerTitle(p, level, formerBase), level, team, began, ended));
            if (!began.isAfter(hire)) {
                external = true;
            }
            start = began;
        }
        Collections.reverse(out);
        return out;
    }

    /** A team of {@code p}'s department for an earlier position (the tiny team keeps its people). */
    private int teamInDepartment(int p, int draw) {
        if (org.tinyTeam[org.team[p]]) {
            return org.team[p];
        }
        int[] teams = org.deptRegularTeams[org.dept[p]];
        return teams.length == 0 ? org.team[p] : teams[draw % teams.length];
    }

    /** The title on {@code p}'s track at an earlier {@code level}. */
    private String formerTitle(int p, int level, String formerBase) {
        if (org.tinyTeam[org.team[p]]) {
            return org.isManager[p] ? Organisation.PRIVACY_COUNSEL : Organisation.PRIVACY_ANALYST;
        }
        int family = Organisation.family(org.dept[p]);
        if (org.isManager[p] || org.manager[p] < 0) {
            // Heads were managers, managers came up a ladder of their family.
            if (level >= 5) {
                return Organisation.MANAGER_TITLES[family];
            }
            return Organisation.ladderTitle(formerBase, Math.min(level, Organisation.TOP_IC_LEVEL));
        }
        return Organisation.ladderTitle(org.baseTitle(p), Math.min(level, Organisation.TOP_IC_LEVEL));
    }

    void write(Path file) throws IOException {
        try (BufferedWriter w = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            w.write("person_id,title,level,team,department,started_on,ended_on\n");
            for (List<Position> positions : byPerson) {
                for (Position q : positions) {
                    w.write(org.ids[q.person()]);
                    w.write(',');
                    w.write(Organisation.csv(q.title()));
                    w.write(',');
                    w.write(Integer.toString(q.level()));
                    w.write(',');
                    w.write(q.team() < 0 ? "" : Organisation.csv(org.teamName[q.team()]));
                    w.write(',');
                    w.write(q.team() < 0 ? "" : Organisation.csv(org.deptName[org.teamDept[q.team()]]));
                    w.write(',');
                    w.write(q.startedOn().toString());
                    w.write(',');
                    w.write(q.endedOn() == null ? "" : q.endedOn().toString());
                    w.write('\n');
                }
            }
        }
    }
}
