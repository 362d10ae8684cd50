package org.mentorshipgraph.tools.sample;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Generates a synthetic organisation and its interaction log, in the input format of the nightly job
 * (see {@code docs/domain.md}, "Inputs"), with a known structure planted in it so that tests can check the
 * job finds it.
 *
 * <h2>The model</h2>
 * <ul>
 *   <li><b>Structure.</b> {@link Spec#people()} people in {@link Spec#teams()} teams (sizes drawn between 8 and 30
 *       around the mean, skewed towards small teams, plus optionally one tiny team of 3 to exercise privacy
 *       thresholds) spread over {@link Spec#departments()} departments. Each team has a manager; the manager of a
 *       department's largest team is its head, to whom the other managers report. Larger teams are split into
 *       squads of 4–9.</li>
 *   <li><b>Rhythm.</b> Every day of the {@link Spec#days()} days ending on {@link Spec#endDate()} is generated
 *       from its own random stream (seeded from the spec's seed and the day), so output is deterministic. Weekdays
 *       are busy; on weekends there is only a trickle of chat and e-mail. Times are drawn in each person's local
 *       working hours (London, Berlin, New York or remote/UTC).</li>
 *   <li><b>Background interaction.</b> A weekly team sync (organiser: the manager), weekly squad meetings
 *       (organiser: the squad lead), biweekly department guild meetings, biweekly one-on-ones between each manager
 *       and each report, occasional ad-hoc meetings; and Poisson dyadic contacts (chat, e-mail, code review, call,
 *       pairing, short meetings) whose target is about 80% within the team (biased towards a few close
 *       colleagues), about 20% elsewhere in the department (biased towards a few contacts) and only 0.25% anywhere
 *       in another department, uniformly, so that ordinary cross-department contact is rare and scattered. A group
 *       meeting is written as one row per attendee (organiser → attendee, same timestamp, shared
 *       {@code event_id}, 3–10 participants). Each person has an activity level drawn from a log-normal.</li>
 *   <li><b>Declared mentorships.</b> About {@link Spec#mentorships()}, mostly across teams within a department,
 *       a few across departments; active ones meet on an exact weekly rhythm (a mentoring session every other
 *       week, a chat or call in between), ended ones stop at their end date, which is before the baseline
 *       window.</li>
 *   <li><b>Planted structure</b> (when {@link Spec#planted()}): connectors, fading ties, new ties, stable
 *       controls and newcomers, generated explicitly on exact weekly schedules and kept out of all background
 *       noise, so their counts in the recent window R (the last {@value #RECENT_DAYS} days) and the baseline B
 *       (the {@value #BASELINE_DAYS} days before R) are what {@code planted.json} says. See {@link PlantedScenario}.</li>
 *   <li><b>Malformed rows</b> (when {@link Spec#malformed()}): a handful of rows that break the data contract,
 *       each reason once or twice, in two day files; exact counts are recorded in {@code planted.json}.</li>
 *   <li><b>Company holiday</b> (when {@link Spec#holiday()}; in the sample 2026-10-29..2026-11-07, inside R and
 *       off its first and last days): every interaction that would fall on a holiday day, background and
 *       scheduled alike, is kept with probability {@link Spec#holidayShare()} (0.1), each group event as a whole,
 *       so the relative activity of those days is about the share. The keep-or-drop decisions come from streams of
 *       their own: the holiday only thins, everything else (the organisation, the planted structure) is what it
 *       would be without it.</li>
 *   <li><b>People on leave</b> ({@link Spec#leave()}; 3 in the sample): away with no interactions at all (one of
 *       them with one stray e-mail), two of them through R (one a mentor of a declared mentorship), one for about
 *       four weeks in B; see {@link PlantedScenario}. Listed in {@code planted.json}, and in {@code absences.csv}
 *       with {@link Spec#absencesFile()}.</li>
 *   <li><b>Mentoring inputs.</b> The last three columns of {@code people.csv} ({@code open_to_mentor},
 *       {@code mentor_capacity}, {@code career_goal}; see {@link Organisation#drawMentoringProfiles}) and
 *       {@code positions.csv}, everyone's earlier positions ({@link CareerHistory}).</li>
 *   <li><b>Planted mentoring</b> (when {@link Spec#planted()}): mentees with their best mentor known by
 *       construction, traps the job must never suggest, a mentee nobody can mentor ({@link PlantedMentoring}),
 *       recorded under {@code mentoring} in {@code planted.json}.</li>
 * </ul>
 * With no holiday and nobody on leave the output is what it was before either existed (the random streams are the
 * same), apart from the new keys of {@code planted.json}. The mentoring inputs and cases are drawn last, from streams
 * of their own, and add only their own rows: every other row, person and planted choice is what it was without them
 * (a background dyadic contact drawn between a planted mentee and a mentor kept apart from them is the one thing
 * withheld; {@code planted.json} counts those).
 *
 * <h2>Output</h2>
 * Under the output directory: {@code interactions/date=YYYY-MM-DD/part-00000.csv} (or one
 * {@code interactions.csv} with {@link Spec#singleFile()}), {@code people.csv}, {@code positions.csv},
 * {@code mentorships.csv},
 * {@code planted.json} and, with {@link Spec#absencesFile()}, {@code absences.csv}. Rows are streamed to disk one
 * day at a time, so the generator scales to millions of rows (use {@link Spec#targetInteractions()} to aim for a
 * total).
 */
public final class SampleOrganisationGenerator {

    /** Length of the recent window R, in days, as the job uses by default. */
    public static final int RECENT_DAYS = 28;
    /** Length of the baseline window B before R, in days, as the job uses by default. */
    public static final int BASELINE_DAYS = 84;
    /** Salt of the stream of the mentoring columns of people.csv. */
    static final long PROFILE_SALT = 0x50726F66696C6573L;

    private SampleOrganisationGenerator() {}

    /**
     * Everything that determines the output; two runs with equal specs produce byte-identical files.
     *
     * @param people             number of people, the tiny team included
     * @param teams              number of teams, the tiny team included
     * @param departments        number of departments
     * @param days               number of days with data, ending on {@code endDate}
     * @param endDate            the last day with data
     * @param seed               random seed
     * @param targetInteractions approximate total number of interaction rows to aim for; 0 for the model's natural
     *                           rate (about 150 rows per person over 26 weeks)
     * @param mentorships        number of declared mentorships
     * @param tinyTeam           whether to add one team of exactly 3 people
     * @param planted            whether to plant connectors, fading and new ties, stable controls and newcomers
     * @param malformed          whether to add the malformed rows
     * @param singleFile         write one {@code interactions.csv} instead of daily partitions
     * @param holidayFrom        first day of a company-wide holiday, or null for none
     * @param holidayTo          last day of the holiday (inclusive), or null for none
     * @param holidayShare       share of the interactions that would fall on a holiday day that are kept, in [0, 1]
     * @param leave              number of people on leave (see {@link PlantedScenario}, "People on leave")
     * @param absencesFile       also write {@code absences.csv} ({@code person_id,from,to,kind}) listing the leaves
     */
    public record Spec(
            int people,
            int teams,
            int departments,
            int days,
            LocalDate endDate,
            long seed,
            long targetInteractions,
            int mentorships,
            boolean tinyTeam,
            boolean planted,
            boolean malformed,
            boolean singleFile,
            LocalDate holidayFrom,
            LocalDate holidayTo,
            double holidayShare,
            int leave,
            boolean absencesFile) {

        /** People in the tiny team. */
        public static final int TINY_TEAM_SIZE = 3;
        /** Share of the interactions kept on holiday days, by default. */
        public static final double DEFAULT_HOLIDAY_SHARE = 0.1;
        /** The default holiday starts this many days before the end date... */
        public static final int DEFAULT_HOLIDAY_FIRST_BACK = 17;
        /** ...and ends this many days before it (2026-10-29..2026-11-07 for the sample: inside R, off its edges). */
        public static final int DEFAULT_HOLIDAY_LAST_BACK = 8;
        /** People on leave in the bundled sample. */
        public static final int DEFAULT_LEAVE = 3;

        public Spec {
            if (endDate == null) {
                throw new IllegalArgumentException("endDate is required");
            }
            require(departments >= 1, "departments must be at least 1");
            int regularTeams = teams - (tinyTeam ? 1 : 0);
            require(
                    regularTeams >= departments,
                    "need at least one regular team per department (teams=" + teams + ", departments=" + departments
                            + (tinyTeam ? ", one of the teams is the tiny team" : "") + ")");
            int regularPeople = people - (tinyTeam ? TINY_TEAM_SIZE : 0);
            require(
                    regularPeople >= 4L * regularTeams,
                    "need at least 4 people per regular team (people=" + people + ", teams=" + teams + ")");
            require(days >= 7, "days must be at least 7");
            require(targetInteractions >= 0, "targetInteractions must be >= 0");
            require(mentorships >= 0, "mentorships must be >= 0");
            if (planted) {
                require(
                        days >= RECENT_DAYS + BASELINE_DAYS + 14,
                        "the planted structure needs at least " + (RECENT_DAYS + BASELINE_DAYS + 14)
                                + " days (or turn it off)");
                require(departments >= 2, "the planted structure needs at least 2 departments (or turn it off)");
                require(
                        regularTeams >= 2 * departments,
                        "the planted structure needs at least 2 regular teams per" + " department (or turn it off)");
                require(
                        regularPeople >= 6L * regularTeams,
                        "the planted structure needs at least 6 people per" + " regular team (or turn it off)");
                require(mentorships >= 5, "the planted structure needs at least 5 mentorships (or turn it off)");
            }
            require((holidayFrom == null) == (holidayTo == null), "a holiday needs both its first and last day");
            if (holidayFrom != null) {
                LocalDate start = endDate.minusDays(days - 1L);
                require(!holidayTo.isBefore(holidayFrom), "the holiday ends before it starts");
                require(
                        !holidayFrom.isBefore(start) && !holidayTo.isAfter(endDate),
                        "the holiday " + holidayFrom + ".." + holidayTo + " is not inside the data " + start + ".."
                                + endDate);
            }
            require(holidayShare >= 0 && holidayShare <= 1, "the holiday share must be between 0 and 1");
            require(leave >= 0, "leave must be >= 0");
            if (leave > 0) {
                require(
                        days >= RECENT_DAYS + BASELINE_DAYS + 7,
                        "people on leave need at least " + (RECENT_DAYS + BASELINE_DAYS + 7) + " days");
            }
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }

        /**
         * The bundled sample: 400 people, 24 teams, 4 departments, 26 weeks ending 2026-11-15, a company holiday
         * 2026-10-29..2026-11-07 (10% of the interactions kept) and 3 people on leave.
         */
        public static Spec defaults() {
            LocalDate end = LocalDate.of(2026, 11, 15);
            return new Spec(
                    400,
                    24,
                    4,
                    182,
                    end,
                    20261115L,
                    0,
                    30,
                    true,
                    true,
                    true,
                    false,
                    end.minusDays(DEFAULT_HOLIDAY_FIRST_BACK),
                    end.minusDays(DEFAULT_HOLIDAY_LAST_BACK),
                    DEFAULT_HOLIDAY_SHARE,
                    DEFAULT_LEAVE,
                    false);
        }

        public LocalDate startDate() {
            return endDate.minusDays(days - 1L);
        }

        /** First day of the recent window R. */
        public LocalDate recentStart() {
            return endDate.minusDays(RECENT_DAYS - 1L);
        }

        /** First day of the baseline window B. */
        public LocalDate baselineStart() {
            return recentStart().minusDays(BASELINE_DAYS);
        }

        /** Whether there is a company holiday. */
        public boolean holiday() {
            return holidayFrom != null;
        }

        /** Whether {@code date} is a holiday day. */
        public boolean isHoliday(LocalDate date) {
            return holidayFrom != null && !date.isBefore(holidayFrom) && !date.isAfter(holidayTo);
        }

        private Spec with(
                int people,
                int teams,
                int departments,
                int days,
                LocalDate endDate,
                long seed,
                long targetInteractions,
                int mentorships) {
            return new Spec(
                    people,
                    teams,
                    departments,
                    days,
                    endDate,
                    seed,
                    targetInteractions,
                    mentorships,
                    tinyTeam,
                    planted,
                    malformed,
                    singleFile,
                    holidayFrom,
                    holidayTo,
                    holidayShare,
                    leave,
                    absencesFile);
        }

        private Spec withFlags(boolean tinyTeam, boolean planted, boolean malformed, boolean singleFile) {
            return new Spec(
                    people,
                    teams,
                    departments,
                    days,
                    endDate,
                    seed,
                    targetInteractions,
                    mentorships,
                    tinyTeam,
                    planted,
                    malformed,
                    singleFile,
                    holidayFrom,
                    holidayTo,
                    holidayShare,
                    leave,
                    absencesFile);
        }

        public Spec withPeople(int v) {
            return with(v, teams, departments, days, endDate, seed, targetInteractions, mentorships);
        }

        public Spec withTeams(int v) {
            return with(people, v, departments, days, endDate, seed, targetInteractions, mentorships);
        }

        public Spec withDepartments(int v) {
            return with(people, teams, v, days, endDate, seed, targetInteractions, mentorships);
        }

        public Spec withDays(int v) {
            return with(people, teams, departments, v, endDate, seed, targetInteractions, mentorships);
        }

        /** Another end date; the holiday, if any, moves with it (it stays as many days before the end). */
        public Spec withEndDate(LocalDate v) {
            long shift = ChronoUnit.DAYS.between(endDate, v);
            return new Spec(
                    people,
                    teams,
                    departments,
                    days,
                    v,
                    seed,
                    targetInteractions,
                    mentorships,
                    tinyTeam,
                    planted,
                    malformed,
                    singleFile,
                    holidayFrom == null ? null : holidayFrom.plusDays(shift),
                    holidayTo == null ? null : holidayTo.plusDays(shift),
                    holidayShare,
                    leave,
                    absencesFile);
        }

        public Spec withSeed(long v) {
            return with(people, teams, departments, days, endDate, v, targetInteractions, mentorships);
        }

        public Spec withTargetInteractions(long v) {
            return with(people, teams, departments, days, endDate, seed, v, mentorships);
        }

        public Spec withMentorships(int v) {
            return with(people, teams, departments, days, endDate, seed, targetInteractions, v);
        }

        public Spec withTinyTeam(boolean v) {
            return withFlags(v, planted, malformed, singleFile);
        }

        public Spec withPlanted(boolean v) {
            return withFlags(tinyTeam, v, malformed, singleFile);
        }

        public Spec withMalformed(boolean v) {
            return withFlags(tinyTeam, planted, v, singleFile);
        }

        public Spec withSingleFile(boolean v) {
            return withFlags(tinyTeam, planted, malformed, v);
        }

        /** A company holiday {@code from..to} (inclusive) keeping {@code share} of the interactions; nulls: none. */
        public Spec withHoliday(LocalDate from, LocalDate to, double share) {
            return new Spec(
                    people,
                    teams,
                    departments,
                    days,
                    endDate,
                    seed,
                    targetInteractions,
                    mentorships,
                    tinyTeam,
                    planted,
                    malformed,
                    singleFile,
                    from,
                    to,
                    share,
                    leave,
                    absencesFile);
        }

        public Spec withoutHoliday() {
            return withHoliday(null, null, holidayShare);
        }

        public Spec withLeave(int v) {
            return new Spec(
                    people,
                    teams,
                    departments,
                    days,
                    endDate,
                    seed,
                    targetInteractions,
                    mentorships,
                    tinyTeam,
                    planted,
                    malformed,
                    singleFile,
                    holidayFrom,
                    holidayTo,
                    holidayShare,
                    v,
                    absencesFile);
        }

        public Spec withAbsencesFile(boolean v) {
            return new Spec(
                    people,
                    teams,
                    departments,
                    days,
                    endDate,
                    seed,
                    targetInteractions,
                    mentorships,
                    tinyTeam,
                    planted,
                    malformed,
                    singleFile,
                    holidayFrom,
                    holidayTo,
                    holidayShare,
                    leave,
                    v);
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("people", people);
            m.put("teams", teams);
            m.put("departments", departments);
            m.put("days", days);
            m.put("end_date", endDate.toString());
            m.put("seed", seed);
            m.put("target_interactions", targetInteractions);
            m.put("mentorships", mentorships);
            m.put("tiny_team", tinyTeam);
            m.put("planted", planted);
            m.put("malformed", malformed);
            m.put("single_file", singleFile);
            m.put("holiday_from", holidayFrom == null ? null : holidayFrom.toString());
            m.put("holiday_to", holidayTo == null ? null : holidayTo.toString());
            m.put("holiday_share", holidayShare);
            m.put("leave", leave);
            m.put("absences_file", absencesFile);
            return m;
        }
    }

    /** What a run wrote. */
    public record Summary(long interactionRows, long malformedRows, int files, int people, int mentorships) {}

    /**
     * Generates the organisation described by {@code spec} into {@code outDir}, replacing any earlier output of this
     * generator there (the {@code interactions} partitions, {@code interactions.csv}, {@code people.csv},
     * {@code positions.csv}, {@code mentorships.csv}, {@code planted.json}, {@code absences.csv}); other files are
     * left alone.
     */
    public static Summary generate(Spec spec, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        removePreviousOutput(outDir);

        SplittableRandom structureRandom = new SplittableRandom(spec.seed());
        Organisation org = Organisation.build(spec, structureRandom);
        WorkingHours hours = new WorkingHours(spec, org);
        PlantedScenario scenario = PlantedScenario.plant(spec, org, hours, structureRandom);
        org.buildSocialCircles(structureRandom, scenario);
        // The mentoring inputs and cases come last, each from a stream of its own: nothing above shifts.
        org.drawMentoringProfiles(
                new SplittableRandom(BackgroundActivity.mix(spec.seed() ^ PROFILE_SALT, -1)),
                scenario.activeMentorshipsPerMentor());
        CareerHistory careers = new CareerHistory(spec, org);
        if (spec.planted()) {
            scenario.mentoring = PlantedMentoring.plant(
                    spec,
                    org,
                    hours,
                    scenario,
                    careers,
                    new SplittableRandom(BackgroundActivity.mix(spec.seed() ^ PlantedMentoring.SALT, -1)));
        }
        careers.build();

        BackgroundActivity background = new BackgroundActivity(spec, org, hours, scenario);
        long rows;
        int files;
        try (InteractionCsvWriter out = new InteractionCsvWriter(spec, org, hours, outDir)) {
            out.track(scenario.peopleOnLeave());
            for (int day = 0; day < spec.days(); day++) {
                out.beginDay(day);
                background.generateDay(day, out);
                scenario.emitScheduled(day, out);
                scenario.emitMalformed(day, out);
                out.endDay();
            }
            rows = out.rowsWritten();
            files = out.filesWritten();
            org.writePeopleCsv(outDir.resolve("people.csv"));
            careers.write(outDir.resolve("positions.csv"));
            scenario.writeMentorshipsCsv(outDir.resolve("mentorships.csv"));
            scenario.writePlantedJson(outDir.resolve("planted.json"), out, background);
            if (spec.absencesFile()) {
                scenario.writeAbsencesCsv(outDir.resolve("absences.csv"));
            }
        }
        return new Summary(rows, scenario.malformedCount(), files, org.size(), scenario.mentorshipCount());
    }

    private static void removePreviousOutput(Path outDir) throws IOException {
        Path interactions = outDir.resolve("interactions");
        if (Files.isDirectory(interactions)) {
            List<Path> partitions;
            try (Stream<Path> s = Files.list(interactions)) {
                partitions = s.filter(p -> p.getFileName().toString().startsWith("date="))
                        .sorted()
                        .toList();
            }
            for (Path partition : partitions) {
                List<Path> parts;
                try (Stream<Path> s = Files.list(partition)) {
                    parts = s.toList();
                }
                for (Path part : parts) {
                    Files.delete(part);
                }
                Files.delete(partition);
            }
        }
        for (String name : List.of(
                "interactions.csv", "people.csv", "positions.csv", "mentorships.csv", "planted.json", "absences.csv")) {
            Files.deleteIfExists(outDir.resolve(name));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Command line (plain Java, so it runs with only the jobs classes on the class path)

    private static final String USAGE = """
            Usage: SampleOrganisationGenerator --out DIR [options]

            Generates a synthetic organisation: interactions (CSV, one partition per day), people.csv,
            positions.csv (earlier positions), mentorships.csv and planted.json (the planted structure, the
            mentoring cases, the holiday, the people on leave and exact counts).

              --out DIR            output directory (required)
              --people N           people (default 400)
              --teams N            teams, the tiny team included (default: people / 16.7)
              --departments N      departments (default: teams / 6, or teams / 25 above 48 teams)
              --days N             days with data (default 182)
              --end YYYY-MM-DD     last day with data (default 2026-11-15)
              --seed N             random seed (default 20261115)
              --interactions N     aim for about N interaction rows in total (default: the natural rate,
                                   about 150 rows per person over 26 weeks)
              --mentorships N      declared mentorships (default: 7.5% of people)
              --single-file        write interactions.csv instead of interactions/date=YYYY-MM-DD/part-00000.csv
              --no-planted         no planted connectors, fading/new/stable ties, newcomers, mentoring cases
              --no-malformed       no malformed rows
              --no-tiny-team       no team of 3
              --holiday FROM:TO    a company-wide holiday, ISO dates, inclusive (default for the sample: the 10
                                   days from 17 to 8 days before the end, 2026-10-29:2026-11-07; with --people:
                                   none unless given); on those days each interaction is kept with probability
                                   --holiday-share
              --holiday-share X    share of the interactions kept on holiday days (default 0.1)
              --no-holiday         no holiday
              --leave N            people on leave (default 3 for the sample, 0 with --people): in turn away
                                   from a few days before the recent window to the end of the data (the first
                                   one a mentor of a declared mentorship), the same with one stray e-mail, and
                                   away for about four weeks in the baseline window and back
              --absences-file      also write absences.csv (person_id,from,to,kind) listing the leaves
              -h, --help           this help

            Example (benchmark data): --people 40000 --teams 2000 --days 182 --interactions 5000000 --out /tmp/big
            """;

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Spec spec;
        Path outDir;
        try {
            Map<String, String> options = parseOptions(args);
            if (options.containsKey("help")) {
                out.print(USAGE);
                return 0;
            }
            if (!options.containsKey("out")) {
                throw new IllegalArgumentException("--out is required");
            }
            outDir = Path.of(options.get("out"));
            spec = specFromOptions(options);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            long start = System.nanoTime();
            Summary summary = generate(spec, outDir);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(
                    "wrote %,d interaction rows (%,d malformed) in %,d file(s), %,d people, %,d mentorships to %s"
                            + " in %.2f s (%,.0f rows/s)%n",
                    summary.interactionRows(),
                    summary.malformedRows(),
                    summary.files(),
                    summary.people(),
                    summary.mentorships(),
                    outDir,
                    seconds,
                    summary.interactionRows() / Math.max(seconds, 1e-9));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: " + e);
            return 1;
        }
    }

    private static Map<String, String> parseOptions(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> valued = List.of(
                "out",
                "people",
                "teams",
                "departments",
                "days",
                "end",
                "seed",
                "interactions",
                "mentorships",
                "holiday",
                "holiday-share",
                "leave");
        List<String> flags = List.of(
                "single-file", "no-planted", "no-malformed", "no-tiny-team", "no-holiday", "absences-file", "help");
        List<String> rest = new ArrayList<>(List.of(args));
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (arg.equals("-h")) {
                arg = "--help";
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= rest.size()) {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                    value = rest.get(++i);
                }
                options.put(name, value);
            } else if (flags.contains(name) && value == null) {
                options.put(name, "true");
            } else {
                throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        return options;
    }

    private static Spec specFromOptions(Map<String, String> o) {
        Spec d = Spec.defaults();
        int people = intOption(o, "people", d.people());
        int teams = o.containsKey("teams")
                ? intOption(o, "teams", 0)
                : o.containsKey("people") ? Math.max(2, (int) Math.round(people / 16.67)) : d.teams();
        int departments = o.containsKey("departments")
                ? intOption(o, "departments", 0)
                : !o.containsKey("people") && !o.containsKey("teams")
                        ? d.departments()
                        : teams <= 48
                                ? Math.max(2, (int) Math.round(teams / 6.0))
                                : Math.max(4, (int) Math.round(teams / 25.0));
        int mentorships = o.containsKey("mentorships")
                ? intOption(o, "mentorships", 0)
                : o.containsKey("people") ? Math.max(5, (int) Math.round(people * 0.075)) : d.mentorships();
        int days = intOption(o, "days", d.days());
        LocalDate end = o.containsKey("end") ? LocalDate.parse(o.get("end")) : d.endDate();
        boolean generated = o.containsKey("people");

        if (o.containsKey("holiday") && o.containsKey("no-holiday")) {
            throw new IllegalArgumentException("--holiday and --no-holiday exclude each other");
        }
        LocalDate holidayFrom = null;
        LocalDate holidayTo = null;
        if (o.containsKey("holiday")) {
            String[] range = o.get("holiday").split(":", -1);
            if (range.length > 2) {
                throw new IllegalArgumentException("--holiday needs FROM:TO (ISO dates), got " + o.get("holiday"));
            }
            holidayFrom = LocalDate.parse(range[0].trim());
            holidayTo = range.length == 2 ? LocalDate.parse(range[1].trim()) : holidayFrom;
        } else if (!generated && !o.containsKey("no-holiday")) {
            holidayFrom = end.minusDays(Spec.DEFAULT_HOLIDAY_FIRST_BACK);
            holidayTo = end.minusDays(Spec.DEFAULT_HOLIDAY_LAST_BACK);
            if (holidayFrom.isBefore(end.minusDays(days - 1L))) {
                // Too few days for the default holiday: none.
                holidayFrom = null;
                holidayTo = null;
            }
        }
        double holidayShare = Spec.DEFAULT_HOLIDAY_SHARE;
        if (o.containsKey("holiday-share")) {
            if (holidayFrom == null) {
                throw new IllegalArgumentException("--holiday-share needs a holiday (--holiday FROM:TO)");
            }
            try {
                holidayShare = Double.parseDouble(o.get("holiday-share"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--holiday-share needs a number, got " + o.get("holiday-share"));
            }
        }
        int defaultLeave = generated || days < RECENT_DAYS + BASELINE_DAYS + 7 ? 0 : Spec.DEFAULT_LEAVE;

        return new Spec(
                people,
                teams,
                departments,
                days,
                end,
                o.containsKey("seed") ? Long.parseLong(o.get("seed")) : d.seed(),
                o.containsKey("interactions")
                        ? Long.parseLong(o.get("interactions").replace("_", ""))
                        : 0,
                mentorships,
                !o.containsKey("no-tiny-team"),
                !o.containsKey("no-planted"),
                !o.containsKey("no-malformed"),
                o.containsKey("single-file"),
                holidayFrom,
                holidayTo,
                holidayShare,
                intOption(o, "leave", defaultLeave),
                o.containsKey("absences-file"));
    }

    private static int intOption(Map<String, String> o, String name, int fallback) {
        String v = o.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, got " + v);
        }
    }
}
