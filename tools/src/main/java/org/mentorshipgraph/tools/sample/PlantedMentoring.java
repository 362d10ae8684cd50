package org.mentorshipgraph.tools.sample;

import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.CALL;
import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.CHAT;
import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.CODE_REVIEW;
import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.EMAIL;
import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.MEETING;
import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.MENTORING;
import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.PAIRING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.mentorshipgraph.tools.sample.PlantedScenario.Connector;
import org.mentorshipgraph.tools.sample.SampleOrganisationGenerator.Spec;

/**
 * Mentoring cases planted in the organisation, each with a right answer known by construction: mentees with their
 * best mentor, traps the job must never suggest, and a mentee nobody can mentor. Recorded under {@code mentoring}
 * in {@code planted.json}.
 *
 * <h2>A planted mentee and their mentor</h2>
 * <ul>
 *   <li><b>Skills.</b> The mentee wants 1–2 skills: one rare skill (a name no vocabulary holds, given only to the
 *       mentor and the traps of that mentee: at most {@value #RARE_SKILL_MAX_HOLDERS} people), and for some a common
 *       skill of their department they lack. The mentor has all of them.</li>
 *   <li><b>Level and reporting line.</b> Both on an individual-contributor ladder of the same title, the mentor at
 *       the mentee's level + 2, in another team of the same department: not the manager, nobody above the mentee,
 *       not a peer under the same manager.</li>
 *   <li><b>Trajectory.</b> The mentee's {@code career_goal} is one or two rungs up their ladder; the mentor's
 *       {@code positions.csv} history holds the mentee's current title at the mentee's level, then the goal (or the
 *       mentor holds the goal now).</li>
 *   <li><b>Reach.</b> Never a row or a group event between the two: chosen so that no background meeting can hold
 *       both (no common guild, no ad-hoc organiser who could invite both, not both in a connector's sync), and a
 *       background dyadic contact drawn between them is withheld ({@link PlantedScenario#keptApart}). Their common
 *       contact is the planted connector of their department, with weekly ties to both over the whole data (every
 *       four weeks a shuffle of 1, 1, 1, 2 contacts, on working days; only a week entirely in the company holiday
 *       has holiday days, thinned like everything else).</li>
 *   <li><b>Teaching.</b> The mentor starts a pairing, code review or mentoring row with one of 2–3 teammates every
 *       other week.</li>
 *   <li><b>Room.</b> The mentor is open ({@code open_to_mentor} empty or {@code true}), capacity 3 (empty or
 *       explicit), with no active mentorship, or one for the last case.</li>
 * </ul>
 *
 * <h2>Traps</h2>
 * Each has every skill the mentee wants, so it would score at least as well on skills: the mentee's own manager; the
 * manager's manager; a mentor as good as the planted one (level + 2, other team, same trajectory, the connector's
 * weekly ties, teaching) whose {@code mentor_capacity} equals their active mentorships (an existing mentor, so the
 * mentorships file is unchanged); another one with {@code open_to_mentor=false}; someone at the mentee's level; a
 * teammate under the same manager at a higher level. The traps are spread over the mentees so that each rare skill
 * stays rare.
 *
 * <p>Everything here is drawn from streams of its own (the spec's seed and {@link #SALT}), after everything else is
 * planted, and adds no reserved pair or excluded person: the rest of the organisation, the other planted structure and
 * the background streams are what they were before. The people chosen are the same with and without the holiday and
 * the people on leave (nobody is chosen from those the people on leave are drawn from). Cost: O(n) per candidate pair checked (the reach test), a few
 * hundred scheduled rows.
 */
final class PlantedMentoring {

    /** Salt of the mentoring stream and of its holiday keep-or-drop stream. */
    static final long SALT = 0x4D656E746F72696EL;
    /** A planted rare skill is held by at most this many people. */
    static final int RARE_SKILL_MAX_HOLDERS = 4;
    /** The skill the unmatchable mentee wants: nobody has it. */
    static final String NOBODY_SKILL = "cobol";

    static final String MANAGER = "manager";
    static final String SKIP_LEVEL = "skip_level";
    static final String AT_CAPACITY = "at_capacity";
    static final String NOT_OPEN = "not_open";
    static final String BELOW_LEVEL = "below_level";
    static final String SAME_MANAGER_PEER = "same_manager_peer";

    /** Skills no vocabulary holds, per family of departments. */
    private static final String[][] RARE_SKILLS = {
        {"rust", "webassembly", "ebpf"},
        {"service-design", "jobs-to-be-done", "design-tokens"},
        {"survival-analysis", "bayesian-optimization", "graph-neural-networks"},
        {"salesforce-admin", "zendesk-automation", "contract-law"}
    };

    private static final int[] CONTACT_CHANNELS = BackgroundActivity.channelTable(
            new int[][] {{CHAT, 35}, {CALL, 20}, {MEETING, 20}, {EMAIL, 10}, {CODE_REVIEW, 10}, {PAIRING, 5}});
    private static final int[] TEACHING_CHANNELS =
            BackgroundActivity.channelTable(new int[][] {{PAIRING, 40}, {CODE_REVIEW, 40}, {MENTORING, 20}});
    /** Contacts with the connector in each block of four weeks, shuffled. */
    private static final int[] CONNECTOR_BLOCK = {1, 1, 1, 2};

    /** The shape of one case: its traps, skills wanted, rungs from the mentee to the goal, the mentor's mentorships. */
    private record Plan(List<String> traps, int wanted, int goalSteps, int mentorActive) {}

    private static final Plan[] PLANS = {
        new Plan(List.of(MANAGER, SKIP_LEVEL), 2, 1, 0),
        new Plan(List.of(AT_CAPACITY, NOT_OPEN), 1, 2, 0),
        new Plan(List.of(BELOW_LEVEL, SAME_MANAGER_PEER), 2, 1, 0),
        new Plan(List.of(), 2, 2, 0),
        new Plan(List.of(), 1, 2, 1)
    };

    record Trap(String kind, int person, int mentee) {}

    /** One planted mentee and everything planted around them. */
    static final class Case {
        final Plan plan;
        final int mentee;
        final int mentor;
        final int connector;
        final Map<String, Integer> trapPeople = new LinkedHashMap<>();
        List<String> wants;
        String rareSkill;
        /** Person → rows with the connector. */
        final Map<Integer, Integer> connectorRows = new LinkedHashMap<>();
        /** Person → weeks with at least one row with the connector. */
        final Map<Integer, Integer> connectorWeeks = new LinkedHashMap<>();
        /** Teacher → rows they started with teammates, and with whom. */
        final Map<Integer, Integer> teachingRows = new LinkedHashMap<>();

        final Map<Integer, int[]> teachingPartners = new LinkedHashMap<>();

        Case(Plan plan, int mentee, int mentor, int connector) {
            this.plan = plan;
            this.mentee = mentee;
            this.mentor = mentor;
            this.connector = connector;
        }

        /** Mentor, then the traps that get the connector's ties and teach: as perfect as the mentor. */
        List<Integer> peers() {
            List<Integer> out = new ArrayList<>(List.of(mentor));
            for (String kind : List.of(AT_CAPACITY, NOT_OPEN)) {
                if (trapPeople.containsKey(kind)) {
                    out.add(trapPeople.get(kind));
                }
            }
            return out;
        }
    }

    private final Spec spec;
    private final Organisation org;
    private final WorkingHours hours;
    private final PlantedScenario scenario;
    private final CareerHistory careers;
    private final SplittableRandom keep;
    private final boolean[] chosen;
    /** Per person: the organisers who could invite them to an ad-hoc meeting (those listing them as a contact). */
    private final List<List<Integer>> contactOf;

    private final boolean[][] syncPools;
    private final int[][] deptPeople;
    /** Active declared mentorships per mentor. */
    private final int[] active;
    /** Both sides of every declared mentorship, as {@link #pairKey}s. */
    private final Set<Long> declared = new HashSet<>();
    /** Scratch marks for {@link #apart}: a mark equal to {@code epoch} is set. */
    private final int[] mark;

    private int epoch;

    final List<Case> cases = new ArrayList<>();
    final List<Trap> traps = new ArrayList<>();
    /** The mentee nobody can mentor, or -1. */
    int unmatchable = -1;

    private PlantedMentoring(
            Spec spec, Organisation org, WorkingHours hours, PlantedScenario scenario, CareerHistory careers) {
        this.spec = spec;
        this.org = org;
        this.hours = hours;
        this.scenario = scenario;
        this.careers = careers;
        this.keep =
                new SplittableRandom(BackgroundActivity.mix(spec.seed() ^ SALT ^ BackgroundActivity.HOLIDAY_SALT, -3));
        this.chosen = new boolean[org.n];
        this.active = new int[org.n];
        for (PlantedScenario.Mentorship m : scenario.mentorships) {
            if (m.endedOn() == null) {
                active[m.mentor()]++;
            }
            declared.add(pairKey(m.mentor(), m.mentee()));
        }
        this.mark = new int[org.n];
        contactOf = new ArrayList<>(org.n);
        for (int p = 0; p < org.n; p++) {
            contactOf.add(new ArrayList<>(2));
        }
        for (int x = 0; x < org.n; x++) {
            for (int c : org.departmentContacts[x]) {
                contactOf.get(c).add(x);
            }
        }
        syncPools = new boolean[scenario.connectors.size()][org.n];
        for (int i = 0; i < scenario.connectors.size(); i++) {
            Connector c = scenario.connectors.get(i);
            for (int p : org.members[org.team[c.person()]]) {
                syncPools[i][p] = true;
            }
            for (int[] group : c.partners()) {
                for (int p : group) {
                    syncPools[i][p] = true;
                }
            }
        }
        deptPeople = new int[org.deptCount][];
        for (int d = 0; d < org.deptCount; d++) {
            int dd = d;
            deptPeople[d] =
                    IntStream.range(0, org.n).filter(p -> org.dept[p] == dd).toArray();
        }
    }

    /**
     * Plants the cases (as many of {@link #PLANS} as the organisation allows, in the departments of the planted
     * connectors in turn) and the unmatchable mentee: edits the people's skills, goals, openness, capacity and, for a
     * mentor whose ladder differs from the mentee's, the base of their title; requires the mentors' histories; and
     * schedules the connector ties and the teaching rows.
     */
    static PlantedMentoring plant(
            Spec spec,
            Organisation org,
            WorkingHours hours,
            PlantedScenario scenario,
            CareerHistory careers,
            SplittableRandom r) {
        PlantedMentoring m = new PlantedMentoring(spec, org, hours, scenario, careers);
        List<Connector> connectors = scenario.connectors;
        if (connectors.isEmpty()) {
            return m;
        }
        for (int i = 0; i < PLANS.length; i++) {
            Case found = m.selectAnywhere(PLANS[i], i, r);
            if (found == null && PLANS[i].mentorActive() > 0) {
                Plan plan = PLANS[i];
                found = m.selectAnywhere(new Plan(plan.traps(), plan.wanted(), plan.goalSteps(), 0), i, r);
            }
            if (found != null) {
                m.commit(found, i, r);
            }
        }
        m.plantUnmatchable(r);
        // The rows: each person's from a stream of their own, so that the holiday (which changes how many draws a
        // schedule takes) changes nothing else.
        for (Case c : m.cases) {
            for (int p : c.peers()) {
                m.tieToConnector(c, p, m.stream(p, 0));
            }
            m.tieToConnector(c, c.mentee, m.stream(c.mentee, 0));
        }
        for (Case c : m.cases) {
            for (int p : c.peers()) {
                m.teach(c, p, m.stream(p, 1));
            }
        }
        return m;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Choosing the people

    /**
     * Hired before the data, in no other planted role, not among those people on leave are drawn from (so the cases
     * are the same with and without leave), not in the tiny team, not yet chosen.
     */
    private boolean free(int p) {
        return !chosen[p]
                && !scenario.hasPlantedRole(p)
                && !scenario.inLeavePool(p)
                && !scenario.takesLeave(p)
                && !org.tinyTeam[org.team[p]]
                && org.hireDay[p] < 0;
    }

    /** In the company for at least two and a half years by the end of the data: room for a history. */
    private boolean seasoned(int p) {
        return org.hireDay[p] <= spec.days() - 1 - 913;
    }

    private boolean menteeOk(int p, int level) {
        return free(p) && org.onLadder(p) && org.level[p] == level && !scenario.isMentee(p);
    }

    private boolean mentorOk(int p, int level, int active) {
        return free(p) && org.onLadder(p) && org.level[p] == level && seasoned(p) && this.active[p] == active;
    }

    /**
     * Whether nothing in the background can join {@code u} and {@code v} but a dyadic contact (which is withheld):
     * other teams, no declared or planted pair, no guild with both, no organiser of ad-hoc meetings who could invite
     * both (an organiser invites their team and their department contacts), not both in a connector's sync.
     */
    private boolean apart(int u, int v) {
        if (u == v || org.team[u] == org.team[v] || declared.contains(pairKey(u, v)) || scenario.isReservedPair(u, v)) {
            return false;
        }
        for (int[] guild : org.guilds[org.dept[u]]) {
            if (Organisation.contains(guild, guild.length, u) && Organisation.contains(guild, guild.length, v)) {
                return false;
            }
        }
        epoch++;
        mark[u] = epoch;
        for (int x : org.members[org.team[u]]) {
            mark[x] = epoch;
        }
        for (int x : contactOf.get(u)) {
            mark[x] = epoch;
        }
        if (mark[v] == epoch) {
            return false;
        }
        for (int x : org.members[org.team[v]]) {
            if (mark[x] == epoch) {
                return false;
            }
        }
        for (int x : contactOf.get(v)) {
            if (mark[x] == epoch) {
                return false;
            }
        }
        for (boolean[] pool : syncPools) {
            if (pool[u] && pool[v]) {
                return false;
            }
        }
        return true;
    }

    private static long pairKey(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    /**
     * A random one of {@code pool} passing {@code ok}, one also passing {@code preferred} when there is one. The
     * draws do not depend on who passes: someone excluded elsewhere (on leave, say) changes the choice only if
     * they would have been chosen.
     */
    private static int pick(int[] pool, IntPredicate ok, IntPredicate preferred, SplittableRandom r) {
        int[] order = shuffled(pool, ok, r);
        for (int p : order) {
            if (preferred.test(p)) {
                return p;
            }
        }
        return order.length == 0 ? -1 : order[0];
    }

    /** Those of {@code pool} passing {@code ok} in a random order, drawn before filtering (see {@link #pick}). */
    private static int[] shuffled(int[] pool, IntPredicate ok, SplittableRandom r) {
        int[] all = pool.clone();
        Organisation.shuffle(all, r);
        return Arrays.stream(all).filter(ok).toArray();
    }

    /**
     * A case for {@code plan} in the department of the {@code i}-th connector, or of the next ones. An at-capacity
     * trap is an existing mentor (capacity = their active mentorships) in any of them before it is someone with
     * capacity 0.
     */
    private Case selectAnywhere(Plan plan, int i, SplittableRandom r) {
        List<Connector> connectors = scenario.connectors;
        boolean[] fallbacks = plan.traps().contains(AT_CAPACITY) ? new boolean[] {false, true} : new boolean[] {false};
        for (boolean fallback : fallbacks) {
            for (int k = 0; k < connectors.size(); k++) {
                Connector c = connectors.get((i + k) % connectors.size());
                Case found = select(plan, org.dept[c.person()], c.person(), fallback, r);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The first complete case for {@code plan} in department {@code d}, or null. */
    private Case select(Plan plan, int d, int connector, boolean fallback, SplittableRandom r) {
        if (plan.traps().contains(AT_CAPACITY)) {
            int[] xs = shuffled(
                    deptPeople[d],
                    x -> free(x)
                            && org.onLadder(x)
                            && org.level[x] >= 3
                            && seasoned(x)
                            && (fallback ? active[x] == 0 : active[x] >= 1),
                    r);
            for (int x : xs) {
                Case c = selectMentee(plan, d, org.level[x] - 2, x, connector, r);
                if (c != null) {
                    return c;
                }
            }
            return null;
        }
        for (int level : new int[] {2, 1, 3}) {
            Case c = selectMentee(plan, d, level, -1, connector, r);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private Case selectMentee(Plan plan, int d, int level, int atCapacity, int connector, SplittableRandom r) {
        List<String> kinds = plan.traps();
        int[] mentees = shuffled(
                deptPeople[d],
                p -> menteeOk(p, level)
                        && p != atCapacity
                        && (atCapacity < 0 || apart(p, atCapacity))
                        && !syncPools[connectorIndex(connector)][p],
                r);
        for (int m : mentees) {
            String base = org.baseTitle(m);
            IntPredicate sameBase = p -> org.baseTitle(p).equals(base);
            Map<String, Integer> trapPeople = new LinkedHashMap<>();
            if (atCapacity >= 0) {
                trapPeople.put(AT_CAPACITY, atCapacity);
            }
            if (kinds.contains(MANAGER)) {
                int boss = org.manager[m];
                if (boss < 0 || org.manager[boss] < 0 || chosen[boss] || chosen[org.manager[boss]]) {
                    continue;
                }
                trapPeople.put(MANAGER, boss);
                trapPeople.put(SKIP_LEVEL, org.manager[boss]);
            }
            if (kinds.contains(SAME_MANAGER_PEER)) {
                int peer = pick(
                        org.members[org.team[m]],
                        p -> p != m
                                && free(p)
                                && org.onLadder(p)
                                && org.manager[p] == org.manager[m]
                                && org.level[p] > level
                                && org.level[p] <= level + 2,
                        p -> org.level[p] == level + 1 && sameBase.test(p),
                        r);
                if (peer < 0) {
                    continue;
                }
                trapPeople.put(SAME_MANAGER_PEER, peer);
            }
            if (kinds.contains(BELOW_LEVEL)) {
                int below = pick(
                        deptPeople[d],
                        p -> free(p)
                                && org.onLadder(p)
                                && org.team[p] != org.team[m]
                                && org.level[p] <= level
                                && !trapPeople.containsValue(p),
                        p -> org.level[p] == level && sameBase.test(p),
                        r);
                if (below < 0) {
                    continue;
                }
                trapPeople.put(BELOW_LEVEL, below);
            }
            int mentor = pick(
                    deptPeople[d],
                    p -> mentorOk(p, level + 2, plan.mentorActive()) && !trapPeople.containsValue(p) && apart(m, p),
                    sameBase,
                    r);
            if (mentor < 0) {
                continue;
            }
            if (kinds.contains(NOT_OPEN)) {
                int closed = pick(
                        deptPeople[d],
                        p -> mentorOk(p, level + 2, 0) && p != mentor && !trapPeople.containsValue(p) && apart(m, p),
                        sameBase,
                        r);
                if (closed < 0) {
                    continue;
                }
                trapPeople.put(NOT_OPEN, closed);
            }
            Case c = new Case(plan, m, mentor, connector);
            for (String kind : kinds) {
                c.trapPeople.put(kind, trapPeople.get(kind));
            }
            return c;
        }
        return null;
    }

    private int connectorIndex(int person) {
        for (int i = 0; i < scenario.connectors.size(); i++) {
            if (scenario.connectors.get(i).person() == person) {
                return i;
            }
        }
        throw new IllegalStateException("not a connector: " + org.ids[person]);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Editing the people

    private void commit(Case c, int index, SplittableRandom r) {
        int m = c.mentee;
        int level = org.level[m];
        int family = Organisation.family(org.dept[m]);
        String base = org.baseTitle(m);
        c.rareSkill = nextRareSkill(family);
        List<String> wants = new ArrayList<>(List.of(c.rareSkill));
        if (c.plan.wanted() > 1) {
            List<String> own = List.of(org.skills[m].split(";"));
            String[] common = Arrays.stream(Organisation.SKILLS[family])
                    .filter(s -> !own.contains(s))
                    .toArray(String[]::new);
            wants.add(common[r.nextInt(common.length)]);
        }
        c.wants = wants;
        chosen[m] = true;
        org.wantsToLearn[m] = String.join(";", wants);
        org.careerGoal[m] = Organisation.ladderTitle(base, level + c.plan.goalSteps());

        // The mentor and those as perfect as the mentor: the mentee's ladder, a history through the mentee's rung.
        for (int p : c.peers()) {
            chosen[p] = true;
            addSkills(p, wants);
            if (!org.baseTitle(p).equals(base)) {
                org.setBaseTitle(p, base);
            }
            careers.require(p, level);
            scenario.keepApart(m, p);
        }
        // Empty fields (the defaults) for half of the mentors, explicit ones for the others.
        boolean explicit = index % 2 == 1;
        org.openToMentor[c.mentor] = explicit ? "true" : "";
        org.mentorCapacity[c.mentor] = explicit ? 3 : -1;
        for (Map.Entry<String, Integer> e : c.trapPeople.entrySet()) {
            int p = e.getValue();
            chosen[p] = true;
            addSkills(p, wants);
            traps.add(new Trap(e.getKey(), p, m));
            int active = this.active[p];
            // Open, with room, unless the trap is precisely about that.
            org.openToMentor[p] = e.getKey().equals(NOT_OPEN) ? "false" : explicit ? "true" : "";
            org.mentorCapacity[p] = e.getKey().equals(AT_CAPACITY) ? active : active < 3 ? -1 : active + 1;
        }
        cases.add(c);
    }

    private final List<String> rareTaken = new ArrayList<>();

    private String nextRareSkill(int family) {
        for (String s : RARE_SKILLS[family]) {
            if (!rareTaken.contains(s)) {
                rareTaken.add(s);
                return s;
            }
        }
        // More cases than names: numbered ones.
        String s = RARE_SKILLS[family][0] + "-" + (rareTaken.size() + 1);
        rareTaken.add(s);
        return s;
    }

    private void addSkills(int p, List<String> wants) {
        List<String> own = new ArrayList<>(List.of(org.skills[p].split(";")));
        for (String s : wants) {
            if (!own.contains(s)) {
                own.add(s);
            }
        }
        org.skills[p] = String.join(";", own);
    }

    /** An ordinary member who wants only a skill nobody has, with no career goal. */
    private void plantUnmatchable(SplittableRandom r) {
        int p = pick(
                IntStream.range(0, org.n).toArray(),
                q -> free(q) && org.onLadder(q) && !scenario.isMentee(q),
                q -> true,
                r);
        if (p < 0) {
            return;
        }
        chosen[p] = true;
        unmatchable = p;
        org.wantsToLearn[p] = NOBODY_SKILL;
        org.careerGoal[p] = "";
    }

    // ---------------------------------------------------------------------------------------------------------
    // Scheduling the rows

    private SplittableRandom stream(int person, int purpose) {
        return new SplittableRandom(BackgroundActivity.mix(spec.seed() ^ SALT, 2L * person + purpose));
    }

    /** Weekly contacts between {@code person} and the case's connector, over the whole data. */
    private void tieToConnector(Case c, int person, SplittableRandom r) {
        int weeks = scenario.weeks();
        int rows = 0;
        int weeksWithRows = 0;
        int[] block = CONNECTOR_BLOCK.clone();
        for (int w = 0; w < weeks; w++) {
            if (w % block.length == 0) {
                Organisation.shuffle(block, r);
            }
            // Working days of the week when there are any; in a week of holiday, holiday days (thinned).
            int[] weekdays = scenario.weekdays(w);
            int[] working =
                    Arrays.stream(weekdays).filter(d -> !hours.holiday[d]).toArray();
            int[] pool = working.length > 0 ? working : weekdays;
            Organisation.shuffle(pool, r);
            int count = Math.min(block[w % block.length], pool.length);
            int[] days = Arrays.copyOf(pool, count);
            Arrays.sort(days);
            int kept = 0;
            for (int day : days) {
                boolean connectorStarts = r.nextInt(10) < 6;
                int source = connectorStarts ? c.connector : person;
                int channel = BackgroundActivity.draw(r, CONTACT_CHANNELS);
                int time = channel == MEETING ? hours.meetingTime(r, source, day) : hours.anyTime(r, source, day);
                int duration = BackgroundActivity.duration(r, channel);
                if (scenario.scheduleContact(
                        day, source, connectorStarts ? person : c.connector, time, channel, duration, keep)) {
                    kept++;
                }
            }
            rows += kept;
            weeksWithRows += kept > 0 ? 1 : 0;
        }
        c.connectorRows.put(person, rows);
        c.connectorWeeks.put(person, weeksWithRows);
    }

    /** Every other week, {@code teacher} starts a pairing, code review or mentoring row with a teammate. */
    private void teach(Case c, int teacher, SplittableRandom r) {
        int[] partners = shuffled(
                org.members[org.team[teacher]],
                q -> q != teacher && free(q) && !org.isManager[q] && !scenario.isReservedPair(teacher, q),
                r);
        partners = Arrays.copyOf(partners, Math.min(partners.length, 2 + r.nextInt(2)));
        Arrays.sort(partners);
        int parity = r.nextInt(2);
        int rows = 0;
        for (int w = 0, k = 0; w < scenario.weeks() && partners.length > 0; w++) {
            if (w % 2 != parity) {
                continue;
            }
            int[] weekdays = scenario.weekdays(w);
            if (weekdays.length == 0) {
                continue;
            }
            int day = weekdays[r.nextInt(weekdays.length)];
            int target = partners[k++ % partners.length];
            int channel = BackgroundActivity.draw(r, TEACHING_CHANNELS);
            int time = channel == MENTORING ? hours.meetingTime(r, teacher, day) : hours.anyTime(r, teacher, day);
            int duration = BackgroundActivity.duration(r, channel);
            if (scenario.scheduleContact(day, teacher, target, time, channel, duration, keep)) {
                rows++;
            }
        }
        c.teachingRows.put(teacher, rows);
        c.teachingPartners.put(teacher, partners);
    }

    // ---------------------------------------------------------------------------------------------------------
    // planted.json

    Map<String, Object> toJson(BackgroundActivity background) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(
                "expectation",
                "each mentee below gets expected_mentor_id as their best suggestion: the only person open to"
                        + " mentoring with room, at the mentee's level + 2, outside the mentee's reporting line and"
                        + " team, who has every skill the mentee wants (the rare one is held by rare_skill_holders"
                        + " only), once held the mentee's title and reached the career goal (positions.csv), is"
                        + " reachable through connector_id (weekly ties to both, no direct tie) and teaches; no trap is"
                        + " ever suggested to the mentee it names; the mentees under nobody_can_mentor get no"
                        + " suggestion, for expected_reason");
        root.put("rare_skill_max_holders", RARE_SKILL_MAX_HOLDERS);
        List<Object> mentees = new ArrayList<>();
        for (Case c : cases) {
            mentees.add(caseJson(c));
        }
        root.put("mentees", mentees);
        List<Object> trapList = new ArrayList<>();
        for (Trap t : traps) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trap", t.kind());
            m.put("person_id", org.ids[t.person()]);
            m.put("mentee_id", org.ids[t.mentee()]);
            m.put("team", org.teamName[org.team[t.person()]]);
            m.put("title", org.title[t.person()]);
            m.put("level", org.level[t.person()]);
            m.put("open_to_mentor", org.openToMentor[t.person()]);
            m.put("mentor_capacity", capacity(t.person()));
            m.put("active_mentorships", active[t.person()]);
            m.put("never_because", neverBecause(t));
            trapList.add(m);
        }
        root.put("traps", trapList);
        List<Object> nobody = new ArrayList<>();
        if (unmatchable >= 0) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mentee_id", org.ids[unmatchable]);
            m.put("team", org.teamName[org.team[unmatchable]]);
            m.put("wants_to_learn", List.of(NOBODY_SKILL));
            m.put("skill_holders", List.of());
            m.put("expected_reason", "nobody has the skill");
            nobody.add(m);
        }
        root.put("nobody_can_mentor", nobody);
        root.put("background_rows_withheld", background.withheldRows);
        root.put(
                "note",
                "positions.csv: ended_on is the last day in the position (inclusive), empty for the current one; an"
                        + " empty team marks experience before the hire date. background_rows_withheld: dyadic"
                        + " background contacts drawn between a mentee and a mentor kept apart and not written");
        return root;
    }

    private Map<String, Object> caseJson(Case c) {
        int m = c.mentee;
        int t = c.mentor;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mentee_id", org.ids[m]);
        out.put("team", org.teamName[org.team[m]]);
        out.put("department", org.deptName[org.dept[m]]);
        out.put("manager_id", org.ids[org.manager[m]]);
        out.put("title", org.title[m]);
        out.put("level", org.level[m]);
        out.put("career_goal", org.careerGoal[m]);
        out.put("wants_to_learn", c.wants);
        out.put("rare_skill", c.rareSkill);
        out.put("rare_skill_holders", holders(c.rareSkill));
        out.put("expected_mentor_id", org.ids[t]);

        Map<String, Object> mentor = new LinkedHashMap<>();
        mentor.put("person_id", org.ids[t]);
        mentor.put("team", org.teamName[org.team[t]]);
        mentor.put("title", org.title[t]);
        mentor.put("level", org.level[t]);
        mentor.put("open_to_mentor", org.openToMentor[t]);
        mentor.put("mentor_capacity", capacity(t));
        mentor.put("active_mentorships", active[t]);
        mentor.put("held_mentee_title", position(t, org.title[m], org.level[m]));
        mentor.put("reached_goal", position(t, org.careerGoal[m], -1));
        mentor.put("teaching_rows", c.teachingRows.get(t));
        mentor.put("teaching_partners", ids(c.teachingPartners.get(t)));
        out.put("mentor", mentor);

        out.put("connector_id", org.ids[c.connector]);
        out.put("connector_is_planted_connector", true);
        out.put("rows_mentee_connector", c.connectorRows.get(m));
        out.put("rows_mentor_connector", c.connectorRows.get(t));
        out.put("weeks_with_rows_mentee_connector", c.connectorWeeks.get(m));
        out.put("weeks_with_rows_mentor_connector", c.connectorWeeks.get(t));
        out.put("direct_tie", false);
        List<Object> trapRefs = new ArrayList<>();
        for (Map.Entry<String, Integer> e : c.trapPeople.entrySet()) {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("trap", e.getKey());
            ref.put("person_id", org.ids[e.getValue()]);
            trapRefs.add(ref);
        }
        out.put("traps", trapRefs);
        StringBuilder why = new StringBuilder();
        why.append(org.ids[t])
                .append(" is ")
                .append(org.ids[m])
                .append("'s best mentor: has ")
                .append(String.join(" and ", c.wants))
                .append(" (")
                .append(c.rareSkill)
                .append(" is held by ")
                .append(holders(c.rareSkill).size())
                .append(holders(c.rareSkill).size() == 1 ? " person), level " : " people), level ")
                .append(org.level[t])
                .append(" against ")
                .append(org.level[m])
                .append(" in ")
                .append(org.teamName[org.team[t]])
                .append(", was ")
                .append(org.title[m])
                .append(" and ")
                .append(org.careerGoal[m].equals(org.title[t]) ? "is now " : "became ")
                .append(org.careerGoal[m])
                .append(", reachable through ")
                .append(org.ids[c.connector])
                .append(", teaches, open with room");
        if (!c.trapPeople.isEmpty()) {
            why.append("; never suggest the traps ");
            List<String> names = new ArrayList<>();
            c.trapPeople.forEach((kind, p) -> names.add(org.ids[p] + " (" + kind + ")"));
            why.append(String.join(", ", names));
        }
        out.put("expectation", why.toString());
        return out;
    }

    private String neverBecause(Trap t) {
        return switch (t.kind()) {
            case MANAGER -> "the mentee's own manager";
            case SKIP_LEVEL -> "the mentee's manager's manager";
            case AT_CAPACITY -> "mentor_capacity equals their active mentorships: no room";
            case NOT_OPEN -> "open_to_mentor is false";
            case BELOW_LEVEL -> "not above the mentee's level";
            case SAME_MANAGER_PEER -> "a peer under the mentee's manager";
            default -> throw new IllegalStateException(t.kind());
        };
    }

    private Object capacity(int p) {
        return org.mentorCapacity[p] < 0 ? null : org.mentorCapacity[p];
    }

    private final Map<String, List<String>> holders = new LinkedHashMap<>();

    /** Everyone whose skills include {@code skill}, in id order (once the people are final). */
    private List<String> holders(String skill) {
        return holders.computeIfAbsent(skill, s -> {
            List<String> out = new ArrayList<>();
            for (int p = 0; p < org.n; p++) {
                if (Arrays.asList(org.skills[p].split(";")).contains(s)) {
                    out.add(org.ids[p]);
                }
            }
            return out;
        });
    }

    /** The position of {@code p} with {@code title} (and {@code level} unless -1), as JSON, or null. */
    private Map<String, Object> position(int p, String title, int level) {
        for (CareerHistory.Position q : careers.positions(p)) {
            if (q.title().equals(title) && (level < 0 || q.level() == level)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("title", q.title());
                m.put("level", q.level());
                m.put("team", q.team() < 0 ? "" : org.teamName[q.team()]);
                m.put("started_on", q.startedOn().toString());
                m.put("ended_on", q.endedOn() == null ? null : q.endedOn().toString());
                return m;
            }
        }
        return null;
    }

    private List<String> ids(int[] people) {
        List<String> out = new ArrayList<>();
        for (int p : people) {
            out.add(org.ids[p]);
        }
        return new ArrayList<>(new TreeSet<>(out));
    }
}
