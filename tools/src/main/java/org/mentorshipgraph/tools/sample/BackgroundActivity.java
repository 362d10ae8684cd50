package org.mentorshipgraph.tools.sample;

import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.CALL;
import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.CHAT;
import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.CODE_REVIEW;
import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.EMAIL;
import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.MEETING;
import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.NO_DURATION;
import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.ONE_ON_ONE;
import static org.mentorshipgraph.tools.sample.InteractionCsvWriter.PAIRING;

import java.util.SplittableRandom;
import org.mentorshipgraph.tools.sample.SampleOrganisationGenerator.Spec;

/**
 * The everyday interaction of the organisation: meetings, one-on-ones and dyadic contacts, drawn afresh for each
 * day from a random stream seeded by the spec's seed and the day index. Planted pairs and newcomers are never
 * touched here (see {@link PlantedScenario#isReservedPair} and {@link PlantedScenario#isBackgroundExcluded}), people
 * on leave are absent ({@link PlantedScenario#onLeave}), and a dyadic contact drawn between a planted mentee and a
 * mentor they must reach through someone else is not written ({@link PlantedScenario#keptApart}).
 *
 * <p>On a day of the company holiday everything is first drawn as on any other day, from the same stream, and then
 * each row (each group event, as a whole) is kept with probability {@link Spec#holidayShare()}, decided by a second
 * stream of its own: what a holiday day keeps is a random subset of what the day would have had.
 */
final class BackgroundActivity {

    /** Dyadic contacts a person of average activity starts on a weekday, at the natural rate. */
    static final double NATURAL_DYADIC_RATE = 0.6;
    /** Weekend contacts relative to a weekday. */
    static final double WEEKEND_FACTOR = 0.04;
    /** Ad-hoc meetings organised per person and weekday. */
    static final double AD_HOC_RATE = 0.02;
    /** Share of dyadic contacts going to a uniformly random person in another department. */
    static final double CROSS_DEPARTMENT_SHARE = 0.0025;
    /** Share of dyadic contacts going to another team of the same department. */
    static final double DEPARTMENT_SHARE = 0.19;

    private static final int[] TEAM_CHANNELS = channelTable(
            new int[][] {{CHAT, 46}, {EMAIL, 10}, {CODE_REVIEW, 15}, {CALL, 7}, {PAIRING, 9}, {MEETING, 13}});
    private static final int[] DEPARTMENT_CHANNELS =
            channelTable(new int[][] {{CHAT, 38}, {EMAIL, 28}, {MEETING, 16}, {CALL, 12}, {CODE_REVIEW, 6}});
    private static final int[] CROSS_CHANNELS = channelTable(new int[][] {{EMAIL, 60}, {CHAT, 25}, {CALL, 15}});
    private static final int[] WEEKEND_CHANNELS = channelTable(new int[][] {{CHAT, 70}, {EMAIL, 30}});

    private final Spec spec;
    private final Organisation org;
    private final WorkingHours hours;
    private final PlantedScenario scenario;
    /** Dyadic contacts started per weekday by a person of average activity. */
    final double dyadicRate;
    /** Dyadic contacts drawn between a pair kept apart ({@link PlantedScenario#keptApart}) and not written. */
    long withheldRows;

    private final int[] attendees = new int[16];
    /** Keep-or-drop decisions on a holiday day; null on other days. */
    private SplittableRandom holidayKeep;

    /** Salt of the holiday's keep-or-drop streams. */
    static final long HOLIDAY_SALT = 0x486F6C6964617953L;

    BackgroundActivity(Spec spec, Organisation org, WorkingHours hours, PlantedScenario scenario) {
        this.spec = spec;
        this.org = org;
        this.hours = hours;
        this.scenario = scenario;
        this.dyadicRate = spec.targetInteractions() > 0 ? calibratedRate() : NATURAL_DYADIC_RATE;
    }

    /** The dyadic rate that brings the expected total of rows to the spec's target. */
    private double calibratedRate() {
        double weekdays = 0;
        double weekendDays = 0;
        for (int d = 0; d < spec.days(); d++) {
            // A holiday day counts for the share of it that is kept.
            double weight = hours.holiday[d] ? spec.holidayShare() : 1.0;
            if (hours.weekend(d)) {
                weekendDays += weight;
            } else {
                weekdays += weight;
            }
        }
        double perWeek = 0;
        for (int t = 0; t < org.teamCount; t++) {
            perWeek += Math.min(9, org.members[t].length - 1);
            for (int[] squad : org.squads[t]) {
                perWeek += squad.length - 1;
            }
        }
        for (int[][] deptGuilds : org.guilds) {
            for (int[] guild : deptGuilds) {
                perWeek += (guild.length - 1) / 2.0;
            }
        }
        double activitySum = 0;
        for (int p = 0; p < org.n; p++) {
            if (org.manager[p] >= 0) {
                perWeek += 0.5;
            }
            if (!scenario.isBackgroundExcluded(p)) {
                activitySum += org.activity[p];
            }
        }
        perWeek += 5 * AD_HOC_RATE * org.n * 3.5;
        double structured = perWeek * weekdays / 5 + scenario.scheduledRowCount();
        double remaining = spec.targetInteractions() - structured;
        double rate = remaining / (activitySum * (weekdays + WEEKEND_FACTOR * weekendDays));
        if (rate < 0.02) {
            System.err.printf(
                    "warning: meetings and one-on-ones alone give about %,.0f rows, more than the target"
                            + " %,d; using a minimal dyadic rate%n",
                    structured, spec.targetInteractions());
            rate = 0.02;
        }
        return rate;
    }

    void generateDay(int day, InteractionCsvWriter out) {
        SplittableRandom r = new SplittableRandom(mix(spec.seed(), day));
        holidayKeep = hours.holiday[day] ? new SplittableRandom(mix(spec.seed() ^ HOLIDAY_SALT, day)) : null;
        int week = (spec.days() - 1 - day) / 7;
        if (!hours.weekend(day)) {
            int dow = hours.dayOfWeek[day];
            teamSyncs(r, day, dow, out);
            squadMeetings(r, day, dow, out);
            guildMeetings(r, day, dow, week, out);
            oneOnOnes(r, day, dow, week, out);
            adHocMeetings(r, day, out);
        }
        dyadicContacts(r, day, out);
    }

    static long mix(long seed, long salt) {
        long z = seed * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private boolean present(int p, int day) {
        return org.hireDay[p] <= day && !scenario.isBackgroundExcluded(p) && !scenario.onLeave(p, day);
    }

    /** On a holiday day, whether the row (or group event) just drawn is dropped; never on other days. */
    private boolean droppedForHoliday() {
        return holidayKeep != null && holidayKeep.nextDouble() >= spec.holidayShare();
    }

    /** The first member of {@code group} present on {@code day} (the lead, unless on leave), or -1. */
    private int firstPresent(int[] group, int day) {
        for (int p : group) {
            if (present(p, day)) {
                return p;
            }
        }
        return -1;
    }

    private boolean canMeet(int a, int b, int day) {
        return a != b && present(b, day) && !scenario.isReservedPair(a, b);
    }

    /** Weekly team sync, organised by the manager: the whole team, or squad leads and some others in big teams. */
    private void teamSyncs(SplittableRandom r, int day, int dow, InteractionCsvWriter out) {
        for (int t = 0; t < org.teamCount; t++) {
            if (org.syncDow[t] != dow) {
                continue;
            }
            int m = org.teamManager[t];
            if (!present(m, day)) {
                continue;
            }
            int k = 0;
            int[] team = org.members[t];
            if (team.length <= 10) {
                for (int p : team) {
                    if (canMeet(m, p, day)) {
                        attendees[k++] = p;
                    }
                }
            } else {
                for (int[] squad : org.squads[t]) {
                    if (k < 9 && squad.length > 0 && canMeet(m, squad[0], day)) {
                        attendees[k++] = squad[0];
                    }
                }
                for (int tries = 0; k < 9 && tries < 40; tries++) {
                    int p = team[r.nextInt(team.length)];
                    if (canMeet(m, p, day) && !Organisation.contains(attendees, k, p)) {
                        attendees[k++] = p;
                    }
                }
            }
            groupEvent(r, m, k, day, 30, out);
        }
    }

    private void squadMeetings(SplittableRandom r, int day, int dow, InteractionCsvWriter out) {
        for (int t = 0; t < org.teamCount; t++) {
            int[][] squads = org.squads[t];
            for (int s = 0; s < squads.length; s++) {
                if (org.squadDow[t][s] != dow || squads[s].length < 3) {
                    continue;
                }
                int lead = firstPresent(squads[s], day);
                if (lead < 0) {
                    continue;
                }
                int k = 0;
                for (int p : squads[s]) {
                    if (k < 9 && canMeet(lead, p, day)) {
                        attendees[k++] = p;
                    }
                }
                groupEvent(r, lead, k, day, 25, out);
            }
        }
    }

    private void guildMeetings(SplittableRandom r, int day, int dow, int week, InteractionCsvWriter out) {
        for (int d = 0; d < org.deptCount; d++) {
            int[][] guilds = org.guilds[d];
            for (int g = 0; g < guilds.length; g++) {
                if (org.guildDow[d][g] != dow || org.guildParity[d][g] != week % 2 || guilds[g].length < 3) {
                    continue;
                }
                int lead = firstPresent(guilds[g], day);
                if (lead < 0) {
                    continue;
                }
                int k = 0;
                for (int p : guilds[g]) {
                    if (k < 9 && canMeet(lead, p, day)) {
                        attendees[k++] = p;
                    }
                }
                groupEvent(r, lead, k, day, 45, out);
            }
        }
    }

    /** Writes organiser → attendee rows of one event, when it has 3–10 participants. */
    private void groupEvent(SplittableRandom r, int organiser, int k, int day, int minutes, InteractionCsvWriter out) {
        if (k < 2 || !present(organiser, day)) {
            return;
        }
        int time = hours.meetingTime(r, organiser, day);
        if (droppedForHoliday()) {
            return;
        }
        long event = out.newEventId();
        for (int i = 0; i < k; i++) {
            out.add(organiser, attendees[i], time, MEETING, minutes, event);
        }
    }

    /** Every other week, on a weekday fixed per person, each person meets their manager. */
    private void oneOnOnes(SplittableRandom r, int day, int dow, int week, InteractionCsvWriter out) {
        for (int p = 0; p < org.n; p++) {
            int m = org.manager[p];
            if (m < 0 || (week + p) % 2 != 0 || 1 + (p * 7 + 3) % 5 != dow || !present(p, day) || !canMeet(p, m, day)) {
                continue;
            }
            boolean managerStarts = r.nextInt(10) < 8;
            int source = managerStarts ? m : p;
            int time = hours.meetingTime(r, source, day);
            int minutes = r.nextInt(3) == 0 ? 45 : 30;
            if (!droppedForHoliday()) {
                out.add(source, managerStarts ? p : m, time, ONE_ON_ONE, minutes, 0);
            }
        }
    }

    private void adHocMeetings(SplittableRandom r, int day, InteractionCsvWriter out) {
        int meetings = poisson(r, AD_HOC_RATE * org.n);
        for (int i = 0; i < meetings; i++) {
            int organiser = r.nextInt(org.n);
            if (!present(organiser, day)) {
                continue;
            }
            int want = 2 + r.nextInt(4);
            int k = 0;
            for (int tries = 0; k < want && tries < 30; tries++) {
                int p;
                if (r.nextInt(4) == 0 && org.departmentContacts[organiser].length > 0) {
                    int[] contacts = org.departmentContacts[organiser];
                    p = contacts[r.nextInt(contacts.length)];
                } else {
                    int[] team = org.members[org.team[organiser]];
                    p = team[r.nextInt(team.length)];
                }
                if (canMeet(organiser, p, day) && !Organisation.contains(attendees, k, p)) {
                    attendees[k++] = p;
                }
            }
            groupEvent(r, organiser, k, day, r.nextBoolean() ? 30 : 60, out);
        }
    }

    private void dyadicContacts(SplittableRandom r, int day, InteractionCsvWriter out) {
        boolean weekend = hours.weekend(day);
        double base = dyadicRate * (weekend ? WEEKEND_FACTOR : 1.0);
        for (int p = 0; p < org.n; p++) {
            if (!present(p, day)) {
                continue;
            }
            int count = poisson(r, base * org.activity[p]);
            for (int i = 0; i < count; i++) {
                int q = pickTarget(r, p, day);
                if (q < 0) {
                    continue;
                }
                int[] channels = weekend
                        ? WEEKEND_CHANNELS
                        : org.team[q] == org.team[p]
                                ? TEAM_CHANNELS
                                : org.dept[q] == org.dept[p] ? DEPARTMENT_CHANNELS : CROSS_CHANNELS;
                int channel = draw(r, channels);
                int time = hours.anyTime(r, p, day);
                int minutes = duration(r, channel);
                if (!droppedForHoliday()) {
                    // Withheld only once drawn in full, so that the day's stream does not shift.
                    if (scenario.keptApart(p, q)) {
                        withheldRows++;
                    } else {
                        out.add(p, q, time, channel, minutes, 0);
                    }
                }
            }
        }
    }

    /** Whom {@code p} contacts: mostly the team, some of the department, rarely anyone in another department. */
    private int pickTarget(SplittableRandom r, int p, int day) {
        for (int tries = 0; tries < 8; tries++) {
            double u = r.nextDouble();
            int q;
            if (u < CROSS_DEPARTMENT_SHARE) {
                q = r.nextInt(org.n);
                if (org.dept[q] == org.dept[p]) {
                    continue;
                }
            } else if (u < CROSS_DEPARTMENT_SHARE + DEPARTMENT_SHARE) {
                int[] contacts = org.departmentContacts[p];
                if (contacts.length > 0 && r.nextInt(4) != 0) {
                    q = contacts[r.nextInt(contacts.length)];
                } else {
                    int[] teams = org.deptRegularTeams[org.dept[p]];
                    int t = teams[r.nextInt(teams.length)];
                    q = org.members[t][r.nextInt(org.members[t].length)];
                }
            } else {
                int[] close = org.closeColleagues[p];
                if (close.length > 0 && r.nextInt(100) < 55) {
                    q = close[r.nextInt(close.length)];
                } else {
                    int[] team = org.members[org.team[p]];
                    q = team[r.nextInt(team.length)];
                }
            }
            if (canMeet(p, q, day)) {
                return q;
            }
        }
        return -1;
    }

    static int duration(SplittableRandom r, int channel) {
        return switch (channel) {
            case CALL -> 5 + r.nextInt(41);
            case CODE_REVIEW -> 5 + 5 * r.nextInt(12);
            case PAIRING -> 30 + 15 * r.nextInt(7);
            case MEETING -> 15 * (1 + r.nextInt(4));
            case ONE_ON_ONE -> 30;
            case InteractionCsvWriter.MENTORING -> r.nextBoolean() ? 45 : 60;
            default -> NO_DURATION;
        };
    }

    static int poisson(SplittableRandom r, double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 30) {
            return Math.max(0, (int) Math.round(lambda + Math.sqrt(lambda) * Organisation.gaussian(r)));
        }
        double limit = Math.exp(-lambda);
        int k = 0;
        double prod = r.nextDouble();
        while (prod > limit) {
            k++;
            prod *= r.nextDouble();
        }
        return k;
    }

    /** {channel, weight} pairs to a flat table with one entry per unit of weight, for drawing by index. */
    static int[] channelTable(int[][] weights) {
        int total = 0;
        for (int[] w : weights) {
            total += w[1];
        }
        int[] table = new int[total];
        int at = 0;
        for (int[] w : weights) {
            for (int i = 0; i < w[1]; i++) {
                table[at++] = w[0];
            }
        }
        return table;
    }

    static int draw(SplittableRandom r, int[] table) {
        return table[r.nextInt(table.length)];
    }
}
