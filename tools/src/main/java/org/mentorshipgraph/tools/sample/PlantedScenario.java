package org.mentorshipgraph.tools.sample;

import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.CALL;
import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.CHAT;
import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.CODE_REVIEW;
import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.EMAIL;
import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.MEETING;
import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.MENTORING;
import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.ONE_ON_ONE;
import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.PAIRING;
import static org.mentorshipgraph.tools.sample.SampleOrganisationGenerator.BASELINE_DAYS;
import static org.mentorshipgraph.tools.sample.SampleOrganisationGenerator.RECENT_DAYS;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.mentorshipgraph.tools.sample.SampleOrganisationGenerator.Spec;

/**
 * The structure planted in the organisation, the declared mentorships, and every interaction generated on an exact
 * schedule rather than at random. Weeks are counted back from the end date (week 0 is the last 7 days), so the
 * recent window R is weeks 0–3 and the baseline B weeks 4–15, and a count per week is a count per window.
 *
 * <ul>
 *   <li><b>Connectors</b> (4, one per department in turn): a senior person holding regular ties (1–2 contacts a
 *       week each) with 6–7 people in each of 4 other teams, preferably of 12 or more people: one more team in their
 *       own department and one in each of the next three departments, plus a biweekly cross-team sync. With
 *       cross-department background contact rare and scattered, they carry nearly all paths between departments
 *       and their contacts are spread over groups that do not talk to each other (low constraint).</li>
 *   <li><b>Fading ties</b> (6, four of them declared mentorships): 2–4 contacts every week (exactly 12×rate in B,
 *       varying week to week around the rate), then 0–2 contacts in R, at most a fifth of the baseline rate.</li>
 *   <li><b>New ties</b> (4): nothing ever before R, then 2–3 contacts every week of R.</li>
 *   <li><b>Stable controls</b> (6, one a declared mentorship): 2–4 contacts a week throughout, each block of four
 *       weeks holding exactly 4×rate, so B and R have the same rate.</li>
 *   <li><b>Newcomers</b> (2): hired 20 and 12 days before the end (a hire day on a weekend or in the company
 *       holiday moves to the next working day), kept out of all background activity; they only meet their manager
 *       (a welcome meeting, then weekly one-on-ones) and chat with a buddy; no mentor.</li>
 *   <li><b>People on leave</b> ({@link Spec#leave()}; 3 in the sample): ordinary members (no managers, connectors,
 *       connector partners, newcomers or buddies, nobody in a planted pair or the tiny team, nobody hired during the
 *       data) among the most active quarter, in turn: (1) away from 3–7 days before R to the end of the data, a
 *       mentor of an active declared mentorship when there is one (that mentorship then looks fading but is
 *       paused); (2) the same, with one stray e-mail to a teammate early in R; (3) away for about four weeks inside
 *       B and back well before R. While away they have no interactions at all (background or scheduled), except the
 *       stray e-mail.</li>
 * </ul>
 * Planted pairs are reserved: background activity never produces a row between them.
 *
 * <p><b>The company holiday</b> ({@link Spec#holidayFrom()}..{@link Spec#holidayTo()}) applies here too: every
 * scheduled interaction (each group event as a whole) that falls on a holiday day is kept with probability
 * {@link Spec#holidayShare()}, decided when it is scheduled by a stream of its own; the counts of the planted pairs
 * count only what is kept, so they are the rows actually written.
 */
final class PlantedScenario {

    private static final int[] TEAM_PAIR_CHANNELS = BackgroundActivity.channelTable(
            new int[][] {{CHAT, 50}, {CODE_REVIEW, 20}, {PAIRING, 15}, {CALL, 5}, {MEETING, 10}});
    private static final int[] CROSS_PAIR_CHANNELS = BackgroundActivity.channelTable(
            new int[][] {{CHAT, 40}, {EMAIL, 15}, {CALL, 15}, {MEETING, 15}, {CODE_REVIEW, 10}, {PAIRING, 5}});
    private static final int[] MENTOR_PAIR_CHANNELS =
            BackgroundActivity.channelTable(new int[][] {{MENTORING, 40}, {CHAT, 35}, {CALL, 15}, {EMAIL, 10}});

    /**
     * One interaction (or group event) on a fixed day; a {@code stray} one is written even though its source is on
     * leave.
     */
    private record Scheduled(
            int source, int[] targets, int msOfDay, int channel, int duration, boolean group, boolean stray) {

        Scheduled(int source, int[] targets, int msOfDay, int channel, int duration, boolean group) {
            this(source, targets, msOfDay, channel, duration, group, false);
        }
    }

    /** A pair whose every interaction is scheduled here; counts per week back from the end. */
    static final class PlantedPair {
        final String kind;
        final int a;
        final int b;
        final String scope;
        boolean mentorship;
        int weeklyRate;
        final int[] weekCounts;
        int firstDay = Integer.MAX_VALUE;

        PlantedPair(String kind, int a, int b, String scope, int weeks) {
            this.kind = kind;
            this.a = a;
            this.b = b;
            this.scope = scope;
            this.weekCounts = new int[weeks];
        }

        int recent() {
            return sum(0, RECENT_DAYS / 7);
        }

        int baseline() {
            return sum(RECENT_DAYS / 7, (RECENT_DAYS + BASELINE_DAYS) / 7);
        }

        int total() {
            return sum(0, weekCounts.length);
        }

        private int sum(int from, int to) {
            int s = 0;
            for (int w = from; w < Math.min(to, weekCounts.length); w++) {
                s += weekCounts[w];
            }
            return s;
        }
    }

    record Connector(int person, int[] bridgedTeams, int[][] partners) {}

    record Newcomer(int person, int buddy, PlantedPair managerTie, PlantedPair buddyTie) {}

    record Mentorship(int mentor, int mentee, LocalDate startedOn, LocalDate endedOn, String program) {}

    /**
     * A person away on days {@code fromDay..toDay} (inclusive); {@code awayAtEnd}: still away when the data ends
     * (away for the whole of R); {@code strayDay}: the day of the one stray row while away, or -1.
     */
    record Leave(int person, int fromDay, int toDay, String kind, boolean awayAtEnd, int[] mentees, int strayDay) {}

    /** Kinds of leave, in the order people are sent on leave (cycled). */
    private static final String[] LEAVE_KINDS = {"parental", "sabbatical", "medical"};

    private record MalformedPlan(int msOfDay, String content, String reason) {}

    private final Spec spec;
    private final Organisation org;
    private final WorkingHours hours;
    private final int days;
    private final int weeks;
    private final boolean[] excluded;
    private final boolean[] used;
    private final boolean[] inReservedPair;
    private final Set<Long> reservedPairs = new HashSet<>();
    private final List<List<Scheduled>> byDay;
    private final List<List<MalformedPlan>> malformedByDay;
    private final Map<String, Integer> malformedCounts = new LinkedHashMap<>();
    private long scheduledRows;
    /** Keep-or-drop decisions for scheduled interactions on holiday days. */
    private final SplittableRandom holidayKeep;
    /** Per person: the first and last day of their leave; MAX_VALUE and -1 without one. */
    private final int[] leaveFrom;

    private final int[] leaveTo;
    /** See {@link #inLeavePool}. */
    private final boolean[] leavePool;

    final List<Leave> leaves = new ArrayList<>();

    final List<Connector> connectors = new ArrayList<>();
    final List<PlantedPair> fading = new ArrayList<>();
    final List<PlantedPair> newTies = new ArrayList<>();
    final List<PlantedPair> stable = new ArrayList<>();
    final List<Newcomer> newcomers = new ArrayList<>();
    final List<Mentorship> mentorships = new ArrayList<>();
    private final boolean[] hasMentor;
    private final int[] menteesOf;
    /** Pairs that must never interact, for the planted mentoring cases (see {@link #keepApart}). */
    private final Set<Long> keptApart = new HashSet<>();

    private final boolean[] inKeptApart;
    /** The planted mentoring cases, written to {@code planted.json}; null when there are none. */
    PlantedMentoring mentoring;

    private PlantedScenario(Spec spec, Organisation org, WorkingHours hours) {
        this.spec = spec;
        this.org = org;
        this.hours = hours;
        this.days = spec.days();
        this.weeks = (days + 6) / 7;
        excluded = new boolean[org.n];
        used = new boolean[org.n];
        inReservedPair = new boolean[org.n];
        hasMentor = new boolean[org.n];
        menteesOf = new int[org.n];
        inKeptApart = new boolean[org.n];
        holidayKeep = new SplittableRandom(BackgroundActivity.mix(spec.seed() ^ BackgroundActivity.HOLIDAY_SALT, -1));
        leaveFrom = new int[org.n];
        leaveTo = new int[org.n];
        Arrays.fill(leaveFrom, Integer.MAX_VALUE);
        Arrays.fill(leaveTo, -1);
        leavePool = new boolean[org.n];
        byDay = new ArrayList<>(days);
        malformedByDay = new ArrayList<>(days);
        for (int d = 0; d < days; d++) {
            byDay.add(new ArrayList<>(0));
            malformedByDay.add(new ArrayList<>(0));
        }
    }

    static PlantedScenario plant(Spec spec, Organisation org, WorkingHours hours, SplittableRandom r) {
        PlantedScenario s = new PlantedScenario(spec, org, hours);
        int plantedMentorships = 0;
        if (spec.planted()) {
            s.plantNewcomers(r);
            s.plantConnectors(r);
            s.plantPairs(r);
            plantedMentorships = s.mentorships.size();
        }
        s.addBackgroundMentorships(spec.mentorships() - plantedMentorships, r);
        s.markLeavePool();
        if (spec.leave() > 0) {
            s.plantLeave(spec.leave(), r);
        }
        if (spec.malformed()) {
            s.planMalformedRows(r);
        }
        return s;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Queries used by the background

    boolean isBackgroundExcluded(int p) {
        return excluded[p];
    }

    boolean isReservedPair(int a, int b) {
        return inReservedPair[a] && inReservedPair[b] && reservedPairs.contains(pairKey(a, b));
    }

    long scheduledRowCount() {
        return scheduledRows;
    }

    /**
     * Whether background dyadic contact between {@code a} and {@code b} is withheld: a planted mentee and the
     * mentors they must reach through a common contact. Asked only after a contact has been drawn in full, so the
     * random streams of the background are what they would be without it.
     */
    boolean keptApart(int a, int b) {
        return inKeptApart[a] && inKeptApart[b] && keptApart.contains(pairKey(a, b));
    }

    /** Whether {@code p} is on leave on {@code day}. */
    boolean onLeave(int p, int day) {
        return day >= leaveFrom[p] && day <= leaveTo[p];
    }

    /** The people on leave, in the order they were chosen. */
    int[] peopleOnLeave() {
        return leaves.stream().mapToInt(Leave::person).toArray();
    }

    int mentorshipCount() {
        return mentorships.size();
    }

    long malformedCount() {
        return malformedCounts.values().stream().mapToLong(Integer::longValue).sum();
    }

    private static long pairKey(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    /** See {@link #keptApart}. Unlike {@link #reserve}, it changes no draw of the background. */
    void keepApart(int a, int b) {
        keptApart.add(pairKey(a, b));
        inKeptApart[a] = true;
        inKeptApart[b] = true;
    }

    /**
     * Schedules one contact drawn by another planting (the mentoring cases) with a random stream of its own; on a
     * holiday day it is kept with probability {@link Spec#holidayShare()}, decided by {@code keep}, so the holiday
     * decisions of everything planted here do not shift. Returns whether it was kept. Left out of
     * {@link #scheduledRowCount()}, so the background's calibrated rate (and so its streams) do not shift either.
     */
    boolean scheduleContact(
            int day, int source, int target, int msOfDay, int channel, int duration, SplittableRandom keep) {
        if (hours.holiday[day] && keep.nextDouble() >= spec.holidayShare()) {
            return false;
        }
        byDay.get(day).add(new Scheduled(source, new int[] {target}, msOfDay, channel, duration, false));
        // Not in scheduledRows: the dyadic rate aimed at --interactions stays what it was without these rows.
        return true;
    }

    /** Whether {@code p} has any planted role here (connector, planted pair, newcomer, buddy, leave). */
    boolean hasPlantedRole(int p) {
        return plantedRole(p);
    }

    /** Whether {@code p} is away at some point of the data. */
    boolean takesLeave(int p) {
        return leaveTo[p] >= 0;
    }

    /** Per person: the declared mentorships they mentor that have not ended. */
    int[] activeMentorshipsPerMentor() {
        int[] out = new int[org.n];
        for (Mentorship m : mentorships) {
            if (m.endedOn() == null) {
                out[m.mentor()]++;
            }
        }
        return out;
    }

    /** Whether {@code p} is or was the mentee of a declared mentorship. */
    boolean isMentee(int p) {
        return hasMentor[p];
    }

    /** Weeks counted back from the end that the data covers. */
    int weeks() {
        return weeks;
    }

    /** Day indices of the weekdays in week {@code w} (counted back from the end). */
    int[] weekdays(int w) {
        return weekdaysOfWeek(w, 0, days - 1);
    }

    private void reserve(int a, int b) {
        reservedPairs.add(pairKey(a, b));
        inReservedPair[a] = true;
        inReservedPair[b] = true;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Planting

    private boolean eligible(int p) {
        return !org.isManager[p] && !org.tinyTeam[org.team[p]] && !used[p] && !excluded[p];
    }

    private int pick(int[] pool, IntPredicate ok, SplittableRandom r) {
        int[] candidates = Arrays.stream(pool).filter(ok).toArray();
        return candidates.length == 0 ? -1 : candidates[r.nextInt(candidates.length)];
    }

    /** A regular team of department {@code d} other than {@code except}, with at least two eligible people. */
    private int pickTeam(int d, int except, SplittableRandom r) {
        int[] teams = org.deptRegularTeams[d];
        return pick(
                teams,
                t -> t != except
                        && Arrays.stream(org.members[t]).filter(this::eligible).count() >= 2,
                r);
    }

    /** Like {@link #pickTeam}, trying department {@code d} first, then the next ones. */
    private int pickTeamNear(int d, int except, SplittableRandom r) {
        for (int k = 0; k < org.deptCount; k++) {
            int t = pickTeam((d + k) % org.deptCount, except, r);
            if (t >= 0) {
                return t;
            }
        }
        throw tooSmall();
    }

    private static IllegalArgumentException tooSmall() {
        return new IllegalArgumentException("the organisation is too small for the planted structure (it needs about"
                + " 50 people outside management, in teams with two or more of them); add people or turn it off");
    }

    private void plantNewcomers(SplittableRandom r) {
        int[] hireBack = {20, 12};
        for (int i = 0; i < hireBack.length; i++) {
            int d = (1 + i) % org.deptCount;
            int t = pickTeamNear(d, -1, r);
            int person = pick(org.members[t], this::eligible, r);
            used[person] = true;
            excluded[person] = true;
            int plannedDay = days - 1 - hireBack[i];
            while (hours.weekend(plannedDay)) {
                plannedDay++;
            }
            // A hire day in the company holiday moves to the next working day. The schedule is still drawn from the
            // planned day, so the random draws (and everything planted after) do not depend on the holiday; what
            // falls before the actual hire day is dropped.
            int hireDay = plannedDay < days && hours.holiday[plannedDay] ? workingDayFrom(plannedDay) : plannedDay;
            org.hireDay[person] = hireDay;
            int buddy = pick(org.members[t], this::eligible, r);
            used[buddy] = true;
            int manager = org.teamManager[t];
            PlantedPair managerTie = new PlantedPair("newcomer_manager", manager, person, "team", weeks);
            PlantedPair buddyTie = new PlantedPair("newcomer_buddy", person, buddy, "team", weeks);
            reserve(manager, person);
            reserve(person, buddy);
            newcomers.add(new Newcomer(person, buddy, managerTie, buddyTie));

            // Welcome meeting on the first day, then a weekly one-on-one on the planned weekday.
            int welcome = hours.sameLocalTime(hours.meetingTime(r, manager, plannedDay), manager, plannedDay, hireDay);
            if (schedule(hireDay, new Scheduled(manager, new int[] {person, buddy}, welcome, MEETING, 60, true))) {
                count(managerTie, hireDay, 1);
            }
            for (int day = plannedDay + 7; day < days; day += 7) {
                Scheduled oneOnOne = new Scheduled(
                        manager, new int[] {person}, hours.meetingTime(r, manager, day), ONE_ON_ONE, 30, false);
                if (day > hireDay && schedule(day, oneOnOne)) {
                    count(managerTie, day, 1);
                }
            }
            int[] buddyWeeks = new int[weeks];
            for (int w = 0; w < weeks; w++) {
                buddyWeeks[w] = 2 + r.nextInt(2);
            }
            scheduleWeekly(buddyTie, buddyWeeks, TEAM_PAIR_CHANNELS, plannedDay, hireDay, r);
        }
    }

    /**
     * {@code day} or the next day that is neither a weekend nor a holiday day; when there is none before the end, the
     * last such day before {@code day} (or {@code day} itself when there is none at all).
     */
    private int workingDayFrom(int day) {
        for (int d = day; d < days; d++) {
            if (!hours.weekend(d) && !hours.holiday[d]) {
                return d;
            }
        }
        for (int d = day - 1; d >= 0; d--) {
            if (!hours.weekend(d) && !hours.holiday[d]) {
                return d;
            }
        }
        return day;
    }

    private void plantConnectors(SplittableRandom r) {
        int count = 4;
        boolean[] homeTaken = new boolean[org.teamCount];
        for (int i = 0; i < count; i++) {
            int d = i % org.deptCount;
            int[] homeTeams = Arrays.stream(org.deptRegularTeams[d])
                    .filter(t -> !homeTaken[t])
                    .toArray();
            int home = pick(
                    homeTeams.length > 0 ? homeTeams : org.deptRegularTeams[d],
                    t -> Arrays.stream(org.members[t]).anyMatch(this::eligible),
                    r);
            if (home < 0) {
                throw tooSmall();
            }
            homeTaken[home] = true;
            int person = pick(org.members[home], p -> eligible(p) && org.level[p] >= 3, r);
            if (person < 0) {
                person = pick(org.members[home], this::eligible, r);
            }
            used[person] = true;
            org.promote(person, 5);

            // Another team of the home department, then one in each of the next three departments (or further
            // teams of the same departments when there are fewer than four).
            List<Integer> taken = new ArrayList<>(List.of(home));
            for (int step = 0; step <= 3; step++) {
                int t = pickBridgedTeam((d + step % org.deptCount) % org.deptCount, taken, homeTaken, r);
                if (t >= 0) {
                    taken.add(t);
                }
            }
            int[] bridgedTeams =
                    taken.stream().skip(1).mapToInt(Integer::intValue).toArray();
            int[][] partners = new int[bridgedTeams.length][];
            for (int b = 0; b < bridgedTeams.length; b++) {
                int[] pool = Arrays.stream(org.members[bridgedTeams[b]])
                        .filter(p -> !excluded[p] && !isConnector(p))
                        .toArray();
                Organisation.shuffle(pool, r);
                partners[b] = Arrays.copyOf(pool, Math.min(pool.length, 6 + r.nextInt(2)));
                Arrays.sort(partners[b]);
            }
            Connector c = new Connector(person, bridgedTeams, partners);
            connectors.add(c);
            scheduleConnector(c, i % 2, r);
        }
    }

    /**
     * A team of department {@code d} with 12 or more people (in a small team the partners would be the whole,
     * tightly knit team, which makes the connector's ties redundant), preferably one that no connector lives in or
     * bridges yet.
     */
    private int pickBridgedTeam(int d, List<Integer> exclude, boolean[] taken, SplittableRandom r) {
        int[] candidates = Arrays.stream(org.deptRegularTeams[d])
                .filter(t -> !exclude.contains(t))
                .toArray();
        int t = pick(candidates, x -> !taken[x] && org.members[x].length >= 12, r);
        if (t < 0) {
            t = pick(candidates, x -> org.members[x].length >= 12, r);
        }
        if (t < 0) {
            t = pick(candidates, x -> !taken[x], r);
        }
        if (t < 0) {
            t = pick(candidates, x -> true, r);
        }
        if (t >= 0) {
            taken[t] = true;
        }
        return t;
    }

    private boolean isConnector(int p) {
        return connectors.stream().anyMatch(c -> c.person() == p);
    }

    private void scheduleConnector(Connector c, int parity, SplittableRandom r) {
        for (int[] teamPartners : c.partners()) {
            for (int partner : teamPartners) {
                PlantedPair tie = new PlantedPair("connector_tie", c.person(), partner, "bridge", weeks);
                scheduleWeekly(tie, blockCounts(new int[] {1, 2, 2, 2}, r), CROSS_PAIR_CHANNELS, 0, 0, r);
            }
        }
        // Biweekly cross-team sync: one partner of each bridged team (rotating) and one teammate.
        int dow = 1 + r.nextInt(5);
        int[] home = org.members[org.team[c.person()]];
        for (int day = 0; day < days; day++) {
            int week = (days - 1 - day) / 7;
            if (hours.dayOfWeek[day] != dow || week % 2 != parity) {
                continue;
            }
            List<Integer> attendees = new ArrayList<>();
            for (int[] teamPartners : c.partners()) {
                attendees.add(teamPartners[(week / 2) % teamPartners.length]);
            }
            int mate = home[r.nextInt(home.length)];
            if (mate != c.person() && !excluded[mate] && !attendees.contains(mate)) {
                attendees.add(mate);
            }
            schedule(
                    day,
                    new Scheduled(
                            c.person(),
                            attendees.stream().mapToInt(Integer::intValue).toArray(),
                            hours.meetingTime(r, c.person(), day),
                            MEETING,
                            45,
                            true));
        }
    }

    private void plantPairs(SplittableRandom r) {
        int dc = org.deptCount;
        // Fading: {scope, mentorship, weekly rate, recent count}; recent <= 12*rate/15 (a fifth of the rate).
        // Established ties (3-4 contacts a week) that stop or nearly stop: fades the calibrated tests call at the
        // default false discovery rate among the sample's ~7,500 ties (a 2-a-week tie down to one contact is not
        // told from chance in a family of hundreds: p ~ 0.007).
        Object[][] fadingPlan = {
            {"department", true, 3, 0}, {"department", true, 4, 1}, {"department", true, 4, 1},
            {"cross_department", true, 4, 0}, {"team", false, 4, 1}, {"department", false, 3, 0}
        };
        for (int i = 0; i < fadingPlan.length; i++) {
            String scope = (String) fadingPlan[i][0];
            boolean mentorship = (Boolean) fadingPlan[i][1];
            int rate = (Integer) fadingPlan[i][2];
            int recent = (Integer) fadingPlan[i][3];
            PlantedPair pair = pickPair("fading", scope, i % dc, mentorship, r);
            int[] counts = blockCounts(new int[] {rate - 1, rate, rate, rate + 1}, r);
            Arrays.fill(counts, 0, Math.min(counts.length, RECENT_DAYS / 7), 0);
            // What is left happens at the start of R: the first week, then the second.
            counts[3] = Math.min(recent, 1);
            counts[2] = recent - counts[3];
            pair.weeklyRate = rate;
            scheduleWeekly(pair, counts, channelsFor(pair), 0, 0, r);
            fading.add(pair);
        }
        // Stable controls: {scope, mentorship, weekly rate}.
        Object[][] stablePlan = {
            {"team", false, 3},
            {"team", false, 2},
            {"department", false, 2},
            {"department", false, 3},
            {"department", true, 2},
            {"team", false, 4}
        };
        for (int i = 0; i < stablePlan.length; i++) {
            int rate = (Integer) stablePlan[i][2];
            PlantedPair pair =
                    pickPair("stable", (String) stablePlan[i][0], (i + 1) % dc, (Boolean) stablePlan[i][1], r);
            pair.weeklyRate = rate;
            scheduleWeekly(
                    pair, blockCounts(new int[] {rate - 1, rate, rate, rate + 1}, r), channelsFor(pair), 0, 0, r);
            stable.add(pair);
        }
        // New ties: nothing before R, 2–3 contacts in every week of R.
        String[] newPlan = {"department", "department", "department", "department"};
        // (not "team": teammates co-attend weekly team meetings, which already make them a tie before R)
        for (int i = 0; i < newPlan.length; i++) {
            PlantedPair pair = pickPair("new", newPlan[i], (i + 2) % dc, false, r);
            int[] counts = new int[weeks];
            for (int w = 0; w < RECENT_DAYS / 7; w++) {
                counts[w] = 2 + r.nextInt(2);
            }
            pair.weeklyRate = 2;
            scheduleWeekly(pair, counts, channelsFor(pair), 0, 0, r);
            newTies.add(pair);
        }
    }

    private int[] channelsFor(PlantedPair pair) {
        return pair.mentorship
                ? MENTOR_PAIR_CHANNELS
                : pair.scope.equals("team") ? TEAM_PAIR_CHANNELS : CROSS_PAIR_CHANNELS;
    }

    /**
     * Two eligible people: in one team, in two teams of department {@code d}, or in departments {@code d} and
     * {@code d+1}. For a mentorship the first is the mentor (level 4+) and the second the mentee (level 3 or less).
     */
    private PlantedPair pickPair(String kind, String scope, int d, boolean mentorship, SplittableRandom r) {
        // Department d when it still has eligible people, else the next departments.
        for (int k = 0; k < org.deptCount; k++) {
            int home = (d + k) % org.deptCount;
            int teamA = pickTeam(home, -1, r);
            int teamB = teamA < 0
                    ? -1
                    : switch (scope) {
                        case "team" -> teamA;
                        case "department" -> pickTeam(home, teamA, r);
                        default -> {
                            int other = -1;
                            for (int j = 1; j < org.deptCount && other < 0; j++) {
                                other = pickTeam((home + j) % org.deptCount, -1, r);
                            }
                            yield other;
                        }
                    };
            if (teamB >= 0) {
                return pickPair(kind, scope, teamA, teamB, mentorship, r);
            }
        }
        throw tooSmall();
    }

    private PlantedPair pickPair(
            String kind, String scope, int teamA, int teamB, boolean mentorship, SplittableRandom r) {
        IntPredicate mentorLevel = p -> !mentorship || org.level[p] >= 4;
        IntPredicate menteeLevel = p -> !mentorship || org.level[p] <= 3;
        int a = pick(org.members[teamA], p -> eligible(p) && mentorLevel.test(p), r);
        if (a < 0) {
            a = pick(org.members[teamA], this::eligible, r);
        }
        used[a] = true;
        int b = pick(org.members[teamB], p -> eligible(p) && menteeLevel.test(p), r);
        if (b < 0) {
            b = pick(org.members[teamB], this::eligible, r);
        }
        used[b] = true;
        reserve(a, b);
        PlantedPair pair = new PlantedPair(kind, a, b, scope, weeks);
        if (mentorship) {
            pair.mentorship = true;
            LocalDate started = spec.startDate().minusDays(60 + r.nextInt(400));
            mentorships.add(new Mentorship(
                    a, b, started, null, scope.equals("cross_department") ? "cross-functional" : "career-mentoring"));
            hasMentor[b] = true;
            menteesOf[a]++;
        }
        return pair;
    }

    /** Counts per week, each block of four weeks a shuffle of {@code pattern}: exact totals per window. */
    private int[] blockCounts(int[] pattern, SplittableRandom r) {
        int[] counts = new int[weeks];
        for (int block = 0; block * 4 < weeks; block++) {
            int[] shuffled = pattern.clone();
            Organisation.shuffle(shuffled, r);
            for (int j = 0; j < 4 && block * 4 + j < weeks; j++) {
                counts[block * 4 + j] = shuffled[j];
            }
        }
        return counts;
    }

    /**
     * Schedules {@code counts[w]} contacts of the pair on weekdays of week {@code w}, from day {@code fromDay}; those
     * drawn before {@code keepFromDay} are dropped (drawn all the same, so that the random stream does not depend on
     * it).
     */
    private void scheduleWeekly(
            PlantedPair pair, int[] counts, int[] channels, int fromDay, int keepFromDay, SplittableRandom r) {
        for (int w = 0; w < weeks; w++) {
            if (counts[w] == 0) {
                continue;
            }
            int[] weekdays = weekdaysOfWeek(w, fromDay, days - 1);
            if (weekdays.length == 0) {
                continue;
            }
            int[] chosen = new int[counts[w]];
            if (counts[w] <= weekdays.length) {
                Organisation.shuffle(weekdays, r);
                System.arraycopy(weekdays, 0, chosen, 0, counts[w]);
            } else {
                for (int k = 0; k < chosen.length; k++) {
                    chosen[k] = weekdays[r.nextInt(weekdays.length)];
                }
            }
            Arrays.sort(chosen);
            for (int day : chosen) {
                boolean aStarts = r.nextInt(10) < 6;
                int source = aStarts ? pair.a : pair.b;
                int channel = BackgroundActivity.draw(r, channels);
                int time = channel == MENTORING || channel == MEETING
                        ? hours.meetingTime(r, source, day)
                        : hours.anyTime(r, source, day);
                Scheduled contact = new Scheduled(
                        source,
                        new int[] {aStarts ? pair.b : pair.a},
                        time,
                        channel,
                        BackgroundActivity.duration(r, channel),
                        false);
                if (day >= keepFromDay && schedule(day, contact)) {
                    count(pair, day, 1);
                }
            }
        }
    }

    /** Day indices of the weekdays in week {@code w} (counted back from the end) that lie in {@code [from, to]}. */
    private int[] weekdaysOfWeek(int w, int from, int to) {
        int last = days - 1 - 7 * w;
        return IntStream.rangeClosed(Math.max(from, last - 6), Math.min(to, last))
                .filter(d -> !hours.weekend(d))
                .toArray();
    }

    private void count(PlantedPair pair, int day, int n) {
        pair.weekCounts[(days - 1 - day) / 7] += n;
        pair.firstDay = Math.min(pair.firstDay, day);
    }

    /**
     * Schedules {@code s} on {@code day}; on a holiday day only with probability {@link Spec#holidayShare()}.
     * Returns whether it was kept.
     */
    private boolean schedule(int day, Scheduled s) {
        if (hours.holiday[day] && holidayKeep.nextDouble() >= spec.holidayShare()) {
            return false;
        }
        byDay.get(day).add(s);
        scheduledRows += s.targets().length;
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Declared mentorships outside the planted pairs

    /**
     * Mostly across teams within a department, about 12% within the team (never one's own manager), a few across
     * departments (two of them mentored by connectors); about 10% ended before the baseline window and 10% started
     * during the data. Active ones meet exactly once a week: a mentoring session every other week, a chat or call
     * in between.
     */
    private void addBackgroundMentorships(int count, SplittableRandom r) {
        if (count <= 0) {
            return;
        }
        int byConnectors = Math.min(Math.min(2, count), connectors.size());
        int crossActive = org.deptCount < 2 ? 0 : Math.max(1, (int) Math.round(0.04 * count));
        int crossEnded = org.deptCount < 2 ? 0 : Math.max(1, (int) Math.round(0.04 * count));
        crossActive = Math.min(crossActive, count - byConnectors);
        crossEnded = Math.min(crossEnded, count - byConnectors - crossActive);
        int within = count - byConnectors - crossActive - crossEnded;
        int sameTeam = (int) Math.round(0.12 * within);
        int endedWithin = Math.min(within, Math.max(1, (int) Math.round(0.1 * within)));
        int startedLater = Math.min(within - endedWithin, (int) Math.round(0.1 * within));

        int firstBaselineDay = days - RECENT_DAYS - BASELINE_DAYS;
        for (int i = 0; i < byConnectors; i++) {
            Connector c = connectors.get(i);
            int t = c.bridgedTeams()[c.bridgedTeams().length - 1];
            int mentee = pick(org.members[t], p -> menteeOk(p) && !contains(c.partners(), p), r);
            if (mentee >= 0) {
                addMentorship(c.person(), mentee, -60 - r.nextInt(300), Integer.MAX_VALUE, "cross-functional", r);
            }
        }
        for (int i = 0; i < crossActive + crossEnded; i++) {
            boolean ended = i >= crossActive;
            int mentee = randomMentee(r);
            if (mentee < 0) {
                break;
            }
            int d = (org.dept[mentee] + 1 + r.nextInt(org.deptCount - 1)) % org.deptCount;
            int t = org.deptRegularTeams[d][r.nextInt(org.deptRegularTeams[d].length)];
            int mentor = pick(org.members[t], this::mentorOk, r);
            if (mentor >= 0) {
                addMentorship(
                        mentor,
                        mentee,
                        -30 - r.nextInt(300),
                        ended ? endDay(firstBaselineDay, r) : Integer.MAX_VALUE,
                        "cross-functional",
                        r);
            }
        }
        for (int i = 0, attempts = 0; i < within && attempts < 20 * within + 100; attempts++) {
            int mentee = randomMentee(r);
            if (mentee < 0) {
                break;
            }
            int mentor;
            if (i < sameTeam) {
                mentor = pick(org.members[org.team[mentee]], p -> mentorOk(p) && p != org.manager[mentee], r);
            } else {
                int[] teams = org.deptRegularTeams[org.dept[mentee]];
                int t = teams[r.nextInt(teams.length)];
                mentor = t == org.team[mentee] ? -1 : pick(org.members[t], this::mentorOk, r);
            }
            if (mentor < 0) {
                continue;
            }
            boolean ended = i >= sameTeam && i < sameTeam + endedWithin;
            boolean late = i >= sameTeam + endedWithin && i < sameTeam + endedWithin + startedLater;
            int start = late ? 7 + r.nextInt(Math.max(1, firstBaselineDay - 14)) : -30 - r.nextInt(600);
            addMentorship(
                    mentor,
                    mentee,
                    start,
                    ended ? endDay(firstBaselineDay, r) : Integer.MAX_VALUE,
                    org.level[mentee] >= 3 ? "leadership" : "career-mentoring",
                    r);
            i++;
        }
    }

    private int endDay(int firstBaselineDay, SplittableRandom r) {
        // Ends well before the baseline window when the data is long enough.
        return 14 + r.nextInt(Math.max(1, Math.min(days - 14, firstBaselineDay - 28)));
    }

    private static boolean contains(int[][] groups, int p) {
        return Arrays.stream(groups).anyMatch(g -> Arrays.stream(g).anyMatch(q -> q == p));
    }

    private boolean menteeOk(int p) {
        return !hasMentor[p]
                && !used[p]
                && !excluded[p]
                && !org.isManager[p]
                && org.level[p] <= 3
                && !org.tinyTeam[org.team[p]];
    }

    private boolean mentorOk(int p) {
        return !used[p] && !excluded[p] && org.level[p] >= 4 && menteesOf[p] < 3 && !org.tinyTeam[org.team[p]];
    }

    private int randomMentee(SplittableRandom r) {
        for (int tries = 0; tries < 200; tries++) {
            int p = r.nextInt(org.n);
            if (menteeOk(p)) {
                return p;
            }
        }
        return -1;
    }

    private void addMentorship(int mentor, int mentee, int startDay, int endDay, String program, SplittableRandom r) {
        if (isReservedPair(mentor, mentee)) {
            return;
        }
        hasMentor[mentee] = true;
        menteesOf[mentor]++;
        LocalDate start = spec.startDate();
        mentorships.add(new Mentorship(
                mentor,
                mentee,
                start.plusDays(startDay),
                endDay == Integer.MAX_VALUE ? null : start.plusDays(endDay),
                program));
        int sessionDow = 1 + r.nextInt(5);
        int parity = r.nextInt(2);
        int from = Math.max(0, startDay);
        int to = Math.min(days - 1, endDay);
        for (int w = 0; w < weeks; w++) {
            int[] weekdays = weekdaysOfWeek(w, from, to);
            if (weekdays.length == 0) {
                continue;
            }
            if (w % 2 == parity) {
                int day = Arrays.stream(weekdays)
                        .filter(x -> hours.dayOfWeek[x] == sessionDow)
                        .findFirst()
                        .orElse(weekdays[0]);
                int source = r.nextInt(10) < 7 ? mentor : mentee;
                schedule(
                        day,
                        new Scheduled(
                                source,
                                new int[] {source == mentor ? mentee : mentor},
                                hours.meetingTime(r, source, day),
                                MENTORING,
                                r.nextBoolean() ? 45 : 60,
                                false));
            } else {
                int day = weekdays[r.nextInt(weekdays.length)];
                int source = r.nextInt(10) < 6 ? mentee : mentor;
                int channel = r.nextInt(4) == 0 ? CALL : CHAT;
                schedule(
                        day,
                        new Scheduled(
                                source,
                                new int[] {source == mentor ? mentee : mentor},
                                hours.anyTime(r, source, day),
                                channel,
                                BackgroundActivity.duration(r, channel),
                                false));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // People on leave

    /**
     * Those who may be sent on leave, as {@link #plantLeave} chooses them: ordinary members with no planted role
     * (nor near a connector) hired before the data, in teams of 8 or more, the most active first.
     */
    private int[] leaveCandidates() {
        return IntStream.range(0, org.n)
                .filter(leaveEligible())
                .boxed()
                .sorted(Comparator.comparingDouble((Integer p) -> -org.activity[p])
                        .thenComparingInt(p -> p))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** Who may be sent on leave now (the predicate reads {@code used}, so it changes as people are sent). */
    private IntPredicate leaveEligible() {
        boolean[] nearConnector = new boolean[org.n];
        for (Connector c : connectors) {
            nearConnector[c.person()] = true;
            for (int[] group : c.partners()) {
                for (int p : group) {
                    nearConnector[p] = true;
                }
            }
        }
        return p -> !org.isManager[p]
                && !org.tinyTeam[org.team[p]]
                && !used[p]
                && !excluded[p]
                && !inReservedPair[p]
                && !nearConnector[p]
                && org.hireDay[p] < 0
                && org.members[org.team[p]].length >= 8;
    }

    /** "Many ties": the most active quarter of the leave candidates (at least a dozen people), in index order. */
    private static int[] mostActive(int[] candidates) {
        int[] active = Arrays.copyOf(candidates, Math.min(candidates.length, Math.max(12, candidates.length / 4)));
        Arrays.sort(active);
        return active;
    }

    /** See {@link #inLeavePool}: the most active quarter of the candidates, and the mentors among the others. */
    private void markLeavePool() {
        int[] candidates = leaveCandidates();
        for (int p : mostActive(candidates)) {
            leavePool[p] = true;
        }
        boolean[] mentorThroughB = mentorsThroughBaseline();
        for (int p : candidates) {
            leavePool[p] |= mentorThroughB[p];
        }
    }

    /** Mentors of an active declared mentorship that started before B. */
    private boolean[] mentorsThroughBaseline() {
        boolean[] out = new boolean[org.n];
        for (Mentorship m : mentorships) {
            if (m.endedOn() == null && m.startedOn().isBefore(spec.baselineStart())) {
                out[m.mentor()] = true;
            }
        }
        return out;
    }

    /**
     * Whether {@code p} is among those the people on leave are drawn from (whether or not anyone is sent on leave),
     * so that a planting done after the leave can keep clear of them and be the same with and without it: the most
     * active quarter of the candidates, and the candidates who mentor (the first person on leave is one). Only
     * more people on leave than that pool holds are drawn from outside it.
     */
    boolean inLeavePool(int p) {
        return leavePool[p];
    }

    private void plantLeave(int count, SplittableRandom r) {
        IntPredicate ok = leaveEligible();
        // "Many ties": the most active quarter of those eligible (at least a dozen people).
        int[] candidates = leaveCandidates();
        int[] active = mostActive(candidates);
        boolean[] mentorThroughB = mentorsThroughBaseline();
        boolean[] teamTaken = new boolean[org.teamCount];
        int recentStartDay = days - RECENT_DAYS;
        int baselineStartDay = recentStartDay - BASELINE_DAYS;
        for (int i = 0; i < count; i++) {
            int kind = i % LEAVE_KINDS.length;
            IntPredicate free = p -> ok.test(p) && !teamTaken[org.team[p]];
            int person = -1;
            if (kind == 0) {
                person = pick(active, p -> free.test(p) && mentorThroughB[p], r);
                if (person < 0) {
                    person = pick(candidates, p -> free.test(p) && mentorThroughB[p], r);
                }
            }
            if (person < 0) {
                person = pick(active, free, r);
            }
            if (person < 0) {
                person = pick(candidates, ok, r);
            }
            if (person < 0) {
                throw new IllegalArgumentException("the organisation is too small for " + count + " people on leave"
                        + " (they are chosen among ordinary members of teams of 8 or more with no planted role)");
            }
            used[person] = true;
            teamTaken[org.team[person]] = true;
            boolean awayAtEnd = kind < 2;
            int from;
            int to;
            if (awayAtEnd) {
                from = recentStartDay - (3 + r.nextInt(5));
                to = days - 1;
            } else {
                // About four weeks inside B, back at least three weeks before R.
                from = baselineStartDay + 14 + r.nextInt(BASELINE_DAYS - 14 - 30 - 21 + 1);
                to = from + 26 + r.nextInt(5) - 1;
            }
            leaveFrom[person] = from;
            leaveTo[person] = to;
            int p = person;
            int[] mentees = mentorships.stream()
                    .filter(m -> m.mentor() == p && m.endedOn() == null)
                    .mapToInt(Mentorship::mentee)
                    .sorted()
                    .toArray();
            leaves.add(new Leave(person, from, to, LEAVE_KINDS[kind], awayAtEnd, mentees, -1));
        }
        // The stray e-mails, once everybody's leave is known.
        for (int i = 0; i < leaves.size(); i++) {
            Leave l = leaves.get(i);
            if (i % LEAVE_KINDS.length == 1) {
                leaves.set(i, withStray(l, r));
            }
        }
    }

    /** One e-mail from the person on leave to a teammate, on the third working day of R (or later). */
    private Leave withStray(Leave l, SplittableRandom r) {
        int p = l.person();
        int start = Math.max(l.fromDay(), days - RECENT_DAYS) + 2;
        for (int day = start; day <= l.toDay(); day++) {
            if (hours.weekend(day) || hours.holiday[day]) {
                continue;
            }
            int d = day;
            int mate = pick(
                    org.members[org.team[p]],
                    q -> q != p && !excluded[q] && !onLeave(q, d) && org.hireDay[q] <= d && !isReservedPair(p, q),
                    r);
            if (mate < 0) {
                return l;
            }
            byDay.get(day)
                    .add(new Scheduled(
                            p,
                            new int[] {mate},
                            hours.anyTime(r, p, day),
                            EMAIL,
                            InteractionCsvWriter.NO_DURATION,
                            false,
                            true));
            scheduledRows++;
            return new Leave(p, l.fromDay(), l.toDay(), l.kind(), l.awayAtEnd(), l.mentees(), day);
        }
        return l;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Malformed rows

    private void planMalformedRows(SplittableRandom r) {
        int dayA = Math.max(0, days - 63);
        int dayB = Math.max(0, days - 6);
        malformed(dayA, "missing_source_id", r, (ts, s, t) -> ts + ",," + t + ",chat,,");
        malformed(dayA, "unparseable_timestamp", r, (ts, s, t) -> "yesterday," + s + "," + t + ",email,,");
        malformed(dayA, "self_interaction", r, (ts, s, t) -> ts + "," + s + "," + s + ",chat,,");
        malformed(dayA, "non_numeric_duration", r, (ts, s, t) -> ts + "," + s + "," + t + ",call,abc,");
        malformed(dayB, "missing_target_id", r, (ts, s, t) -> ts + "," + s + ",,email,,");
        malformed(dayB, "future_timestamp", r, (ts, s, t) -> "2027-01-01T00:00:00Z," + s + "," + t + ",chat,,");
        malformed(dayB, "self_interaction", r, (ts, s, t) -> ts + "," + s + "," + s + ",meeting,30,");
        malformed(dayB, "unparseable_timestamp", r, (ts, s, t) -> "14/11/2026 10:15," + s + "," + t + ",chat,,");
    }

    private boolean plantedRole(int p) {
        return used[p] || excluded[p] || inReservedPair[p];
    }

    private interface RowText {
        String make(String timestamp, String source, String target);
    }

    private void malformed(int day, String reason, SplittableRandom r, RowText text) {
        // Two teammates with no planted role (after many tries, any two teammates).
        int s;
        int t;
        int tries = 0;
        do {
            s = r.nextInt(org.n);
            int[] team = org.members[org.team[s]];
            t = team[r.nextInt(team.length)];
        } while (s == t || (++tries < 10_000 && (plantedRole(s) || plantedRole(t))));
        int ms = hours.anyTime(r, s, day);
        int sec = ms / 1000;
        String ts = String.format("%sT%02d:%02d:%02dZ", hours.dates[day], sec / 3600, sec / 60 % 60, sec % 60);
        malformedByDay.get(day).add(new MalformedPlan(ms, text.make(ts, org.ids[s], org.ids[t]), reason));
        malformedCounts.merge(reason, 1, Integer::sum);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Emission and files

    void emitScheduled(int day, InteractionCsvWriter out) {
        for (Scheduled s : byDay.get(day)) {
            int[] targets = s.targets();
            if (!leaves.isEmpty() && !s.stray()) {
                // Nobody meets a person on leave (planted pairs never include one; background mentorships may).
                if (onLeave(s.source(), day)) {
                    continue;
                }
                targets = Arrays.stream(targets).filter(t -> !onLeave(t, day)).toArray();
                if (targets.length == 0 || (s.group() && targets.length < 2)) {
                    continue;
                }
            }
            long event = s.group() ? out.newEventId() : 0;
            for (int target : targets) {
                out.add(s.source(), target, s.msOfDay(), s.channel(), s.duration(), event);
            }
        }
    }

    void emitMalformed(int day, InteractionCsvWriter out) {
        for (MalformedPlan m : malformedByDay.get(day)) {
            out.addMalformed(m.msOfDay(), m.content(), m.reason());
        }
    }

    void writeMentorshipsCsv(Path file) throws IOException {
        List<Mentorship> sorted = new ArrayList<>(mentorships);
        sorted.sort(Comparator.comparing(Mentorship::startedOn)
                .thenComparing(m -> org.ids[m.mentor()])
                .thenComparing(m -> org.ids[m.mentee()]));
        try (BufferedWriter w =
                new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8))) {
            w.write("mentor_id,mentee_id,started_on,ended_on,program\n");
            for (Mentorship m : sorted) {
                w.write(org.ids[m.mentor()] + "," + org.ids[m.mentee()] + "," + m.startedOn() + ","
                        + (m.endedOn() == null ? "" : m.endedOn().toString()) + "," + m.program() + "\n");
            }
        }
    }

    void writePlantedJson(Path file, InteractionCsvWriter out, BackgroundActivity background) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generator", SampleOrganisationGenerator.class.getName());
        root.put("spec", spec.toJson());
        Map<String, Object> windows = new LinkedHashMap<>();
        windows.put("data_start", spec.startDate().toString());
        windows.put("data_end", spec.endDate().toString());
        windows.put("baseline_start", spec.baselineStart().toString());
        windows.put("baseline_end", spec.recentStart().minusDays(1).toString());
        windows.put("recent_start", spec.recentStart().toString());
        windows.put("recent_end", spec.endDate().toString());
        windows.put("recent_days", RECENT_DAYS);
        windows.put("baseline_days", BASELINE_DAYS);
        windows.put(
                "note",
                "counts below are raw rows between the two people, in either direction; planted"
                        + " pairs never share a group event, so weighted and raw counts agree");
        root.put("windows", windows);

        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("people", org.n);
        totals.put("teams", org.teamCount);
        totals.put("departments", org.deptCount);
        totals.put("mentorships", mentorships.size());
        totals.put("interaction_rows", out.rowsWritten());
        totals.put("malformed_rows", malformedCount());
        totals.put("valid_rows", out.rowsWritten() - malformedCount());
        totals.put("interaction_files", out.filesWritten());
        totals.put("dyadic_rate_per_weekday", Math.round(background.dyadicRate * 1000) / 1000.0);
        root.put("totals", totals);
        root.put("holiday", spec.holiday() ? holidayJson(out) : null);

        for (int t = 0; t < org.teamCount; t++) {
            if (org.tinyTeam[t]) {
                Map<String, Object> tiny = new LinkedHashMap<>();
                tiny.put("team", org.teamName[t]);
                tiny.put("department", org.deptName[org.teamDept[t]]);
                tiny.put("members", ids(org.members[t]));
                root.put("tiny_team", tiny);
            }
        }

        List<Object> connectorList = new ArrayList<>();
        for (Connector c : connectors) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("person_id", org.ids[c.person()]);
            m.put("team", org.teamName[org.team[c.person()]]);
            m.put("department", org.deptName[org.dept[c.person()]]);
            List<String> teams = new ArrayList<>();
            List<String> depts = new ArrayList<>();
            depts.add(org.deptName[org.dept[c.person()]]);
            for (int t : c.bridgedTeams()) {
                teams.add(org.teamName[t]);
                if (!depts.contains(org.deptName[org.teamDept[t]])) {
                    depts.add(org.deptName[org.teamDept[t]]);
                }
            }
            m.put("bridged_teams", teams);
            m.put("departments_spanned", depts);
            List<String> partners = new ArrayList<>();
            for (int[] group : c.partners()) {
                partners.addAll(ids(group));
            }
            m.put("partners", partners);
            connectorList.add(m);
        }
        root.put("connectors", connectorList);
        if (!connectors.isEmpty()) {
            root.put(
                    "connectors_expectation",
                    "the connectors have the highest betweenness and the lowest Burt"
                            + " constraint; without them the departments are nearly disconnected");
        }
        root.put("fading_ties", pairs(fading));
        root.put("new_ties", pairs(newTies));
        root.put("stable_controls", pairs(stable));

        List<Object> newcomerList = new ArrayList<>();
        for (Newcomer nc : newcomers) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("person_id", org.ids[nc.person()]);
            m.put("team", org.teamName[org.team[nc.person()]]);
            m.put("hire_date", org.hireDate(nc.person()).toString());
            m.put("manager_id", org.ids[org.manager[nc.person()]]);
            m.put("buddy_id", org.ids[nc.buddy()]);
            m.put("mentor_id", null);
            m.put("ties", List.of(org.ids[org.manager[nc.person()]], org.ids[nc.buddy()]));
            m.put("rows_with_manager", nc.managerTie().total());
            m.put("rows_with_buddy", nc.buddyTie().total());
            newcomerList.add(m);
        }
        root.put("newcomers", newcomerList);

        List<Object> leaveList = new ArrayList<>();
        for (Leave l : leaves) {
            int p = l.person();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("person_id", org.ids[p]);
            m.put("team", org.teamName[org.team[p]]);
            m.put("department", org.deptName[org.dept[p]]);
            m.put("kind", l.kind());
            m.put("from", hours.dates[l.fromDay()].toString());
            m.put("to", hours.dates[l.toDay()].toString());
            m.put("expected", l.awayAtEnd() ? "away" : "not away");
            m.put("mentee_ids", ids(l.mentees()));
            List<String> ties = new ArrayList<>();
            int baselineRows = 0;
            int recentRows = 0;
            for (Map.Entry<Integer, int[]> e : out.trackedPartners(p).entrySet()) {
                int[] byWindow = e.getValue();
                if (byWindow[1] + byWindow[2] > 0) {
                    ties.add(org.ids[e.getKey()]);
                }
                baselineRows += byWindow[1];
                recentRows += byWindow[2];
            }
            m.put("ties", ties);
            if (l.awayAtEnd()) {
                m.put("expected_tie_status", "paused");
            }
            m.put("rows_during_leave", out.trackedRows(p, l.fromDay(), l.toDay()));
            m.put("stray_row_on", l.strayDay() < 0 ? null : hours.dates[l.strayDay()].toString());
            m.put("rows_in_baseline", baselineRows);
            m.put("rows_in_recent", recentRows);
            leaveList.add(m);
        }
        root.put("leave", leaveList);
        if (!leaves.isEmpty()) {
            root.put(
                    "leave_expectation",
                    "from..to inclusive; while away a person has no interactions at all (at most the one stray"
                            + " row); ties: everyone with a row with them in B or R. Those away through R are"
                            + " flagged away and their ties (mentorships included) are paused, not weakening or"
                            + " dormant; the one back from leave is not flagged");
        }

        Map<String, Object> malformed = new LinkedHashMap<>();
        malformed.put("counts", new LinkedHashMap<>(malformedCounts));
        malformed.put("total", malformedCount());
        malformed.put(
                "note",
                "non_numeric_duration: the row is otherwise valid; a reader that nulls a bad duration"
                        + " instead of quarantining keeps it");
        List<Object> rows = new ArrayList<>();
        for (InteractionCsvWriter.MalformedRow row : out.malformedRows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reason", row.reason());
            m.put("file", row.file());
            m.put("line", row.line());
            m.put("content", row.content());
            rows.add(m);
        }
        malformed.put("rows", rows);
        root.put("malformed", malformed);
        if (mentoring != null) {
            root.put("mentoring", mentoring.toJson(background));
        }

        Files.writeString(file, Json.write(root), StandardCharsets.UTF_8);
    }

    private Map<String, Object> holidayJson(InteractionCsvWriter out) {
        int recentStartDay = days - RECENT_DAYS;
        int windowStart = Math.max(0, recentStartDay - BASELINE_DAYS);
        int holidayDays = 0;
        int holidayWeekdays = 0;
        long holidayRows = 0;
        long holidayWeekdayRows = 0;
        int ordinaryWeekdays = 0;
        long ordinaryWeekdayRows = 0;
        for (int d = 0; d < days; d++) {
            if (hours.holiday[d]) {
                holidayDays++;
                holidayRows += out.validRows(d);
                if (!hours.weekend(d)) {
                    holidayWeekdays++;
                    holidayWeekdayRows += out.validRows(d);
                }
            } else if (!hours.weekend(d) && d >= windowStart) {
                ordinaryWeekdays++;
                ordinaryWeekdayRows += out.validRows(d);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", spec.holidayFrom().toString());
        m.put("to", spec.holidayTo().toString());
        m.put("share", spec.holidayShare());
        m.put("days", holidayDays);
        m.put("weekdays", holidayWeekdays);
        m.put("rows", holidayRows);
        double perHoliday = holidayWeekdays == 0 ? Double.NaN : (double) holidayWeekdayRows / holidayWeekdays;
        double perOrdinary = ordinaryWeekdays == 0 ? Double.NaN : (double) ordinaryWeekdayRows / ordinaryWeekdays;
        m.put("rows_per_holiday_weekday", Math.round(perHoliday * 10) / 10.0);
        m.put("rows_per_ordinary_weekday", Math.round(perOrdinary * 10) / 10.0);
        m.put("observed_share", Math.round(perHoliday / perOrdinary * 1000) / 1000.0);
        m.put(
                "note",
                "from..to inclusive; every interaction that would fall on these days (each group event as a whole),"
                        + " background and planted alike, is kept with probability share, so the relative activity"
                        + " a(d) is about share on them; ordinary weekdays: those of B and R outside the holiday;"
                        + " the planted counts are the rows actually written");
        return m;
    }

    void writeAbsencesCsv(Path file) throws IOException {
        List<Leave> sorted = new ArrayList<>(leaves);
        sorted.sort(Comparator.comparingInt(Leave::person));
        try (BufferedWriter w =
                new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8))) {
            w.write("person_id,from,to,kind\n");
            for (Leave l : sorted) {
                w.write(org.ids[l.person()] + "," + hours.dates[l.fromDay()] + "," + hours.dates[l.toDay()] + ","
                        + l.kind() + "\n");
            }
        }
    }

    private List<Object> pairs(List<PlantedPair> list) {
        List<Object> out = new ArrayList<>();
        for (PlantedPair p : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("a", org.ids[p.a]);
            m.put("b", org.ids[p.b]);
            m.put("scope", p.scope);
            m.put("mentorship", p.mentorship);
            if (p.mentorship) {
                m.put("mentor_id", org.ids[p.a]);
                m.put("mentee_id", org.ids[p.b]);
            }
            m.put("weekly_rate", p.weeklyRate);
            m.put("baseline_count", p.baseline());
            m.put("recent_count", p.recent());
            m.put("total_count", p.total());
            m.put("first_interaction", spec.startDate().plusDays(p.firstDay).toString());
            List<Integer> recentWeeks = new ArrayList<>();
            for (int w = RECENT_DAYS / 7 - 1; w >= 0; w--) {
                recentWeeks.add(p.weekCounts[w]);
            }
            m.put("recent_weekly_counts", recentWeeks);
            if (p.kind.equals("fading")) {
                m.put("expected_status", p.recent() == 0 ? "dormant (or weakening)" : "weakening");
            } else if (p.kind.equals("new")) {
                m.put("expected_status", "new");
            } else if (p.kind.equals("stable")) {
                m.put("expected_status", "stable");
            }
            out.add(m);
        }
        return out;
    }

    private List<String> ids(int[] people) {
        List<String> out = new ArrayList<>();
        for (int p : people) {
            out.add(org.ids[p]);
        }
        return out;
    }
}
