package org.mentorshipgraph.mentoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.mentorshipgraph.algorithms.mentoring.MentorScore;
import org.mentorshipgraph.algorithms.mentoring.MentorSuggestions;
import org.mentorshipgraph.algorithms.mentoring.MentoringProfiles;
import org.mentorshipgraph.algorithms.mentoring.ProgrammeMatching;
import org.mentorshipgraph.algorithms.mentoring.Reachability;
import org.mentorshipgraph.config.MentoringSettings;
import org.mentorshipgraph.ingest.Ingest.Ingested;
import org.mentorshipgraph.progress.Progress;
import org.mentorshipgraph.progress.StepResult;
import org.mentorshipgraph.ties.OrgGraph;

/**
 * The mentoring step: from the directory's skills, levels, managers, goals and mentoring preferences, the job
 * history, the declared mentorships, the teaching interactions and the graph of active ties,
 * <ul>
 *   <li>mentor suggestions for every mentee candidate ({@link MentorSuggestions}: hard constraints, the
 *       {@link MentorScore}, a warm introduction), or the reason nobody qualifies;</li>
 *   <li>introductions for everyone: the people they have no tie with yet whom their strong ties make likely
 *       colleagues ({@link Reachability#allIntroductions}, Adamic–Adar);</li>
 *   <li>with {@code mentoring.match-programme}, the optimal programme assignment ({@link ProgrammeMatching}).</li>
 * </ul>
 * The algorithms run on the driver over per-person arrays; the tables go back to Spark (parallelized, persisted) to be
 * written like every other table.
 */
public final class Mentoring {
    private Mentoring() {}

    /**
     * What the step needs besides the ingested inputs and the graph.
     *
     * @param connectorRank per person their connector rank (1 = top), aligned with the graph
     * @param newcomerWithoutMentor per person whether they are a newcomer without a mentor
     */
    public record Parameters(
            MentoringSettings settings,
            LocalDate asOf,
            int[] connectorRank,
            int topConnectors,
            boolean[] newcomerWithoutMentor,
            int parallelism) {}

    /** The step's tables (persisted) and figures. */
    public record Result(
            Dataset<Row> suggestions,
            Dataset<Row> introductions,
            Dataset<Row> assignment,
            MentoringProfiles profiles,
            int[] suggestedTo,
            Map<String, Long> unmatchedKinds,
            Map<String, Object> counts,
            Map<String, Object> parts)
            implements StepResult {
        @Override
        public String summary() {
            return String.format(
                    Locale.ROOT,
                    "%,d mentee candidates, %,d with a suggestion (%,d suggestions), %,d introductions%s",
                    ((Number) counts.get("mentee_candidates")).longValue(),
                    ((Number) counts.get("mentees_with_suggestion")).longValue(),
                    ((Number) counts.get("mentor_suggestions")).longValue(),
                    ((Number) counts.get("introductions")).longValue(),
                    assignment == null
                            ? ""
                            : String.format(
                                    Locale.ROOT, ", %,d assigned", ((Number) counts.get("assigned")).longValue()));
        }

        @Override
        public long rows() {
            return ((Number) counts.get("mentor_suggestions")).longValue();
        }

        @Override
        public Map<String, Object> counts() {
            return counts;
        }
    }

    public static Result run(SparkSession spark, Ingested in, OrgGraph org, Parameters p, Progress progress) {
        MentoringSettings s = p.settings();
        MentoringInputs.Built built = MentoringInputs.build(
                in.people().directory(),
                in.interactions().valid(),
                in.positions().all(),
                in.positions().given(),
                in.mentorships().all(),
                p.asOf(),
                org,
                p.connectorRank(),
                p.topConnectors(),
                p.newcomerWithoutMentor(),
                s);
        MentoringProfiles profiles = built.profiles();
        if (!built.selfManaged().isEmpty())
            progress.warn(
                    "%,d people are named as their own manager in the people directory (manager_id = person_id), so "
                            + "nobody is above them for mentoring: %s%s",
                    built.selfManaged().size(),
                    String.join(
                            ", ",
                            built.selfManaged()
                                    .subList(0, Math.min(10, built.selfManaged().size()))),
                    built.selfManaged().size() > 10 ? " ..." : "");
        for (List<String> c :
                built.cycles().subList(0, Math.min(5, built.cycles().size())))
            progress.warn(
                    "manager_id goes round in a cycle %s -> %s: mentoring treats everyone in it as above the others "
                            + "(never suggested to each other); fix the directory",
                    String.join(" -> ", c), c.get(0));
        Reachability reach = Reachability.of(org.graph(), s.strongTie());
        Map<String, Double> w = s.weights();
        MentorScore score = new MentorScore(
                w.get("skill"), w.get("trajectory"), w.get("reachability"), w.get("teaching"), w.get("load"));
        MentorSuggestions.Result found = MentorSuggestions.run(
                profiles,
                org.graph(),
                reach,
                score,
                new MentorSuggestions.Rules(
                        s.suggestions(),
                        s.excludeSameManager(),
                        s.minLevelGap(),
                        s.candidatesPerSkill(),
                        s.strongTie()),
                p.parallelism());
        String[] ids = org.ids();
        SuggestionText text = new SuggestionText(profiles, ids);
        List<Row> suggestionRows = new ArrayList<>();
        long suggestions = 0, withSuggestion = 0, withinTwo = 0;
        for (MentorSuggestions.ForMentee f : found.mentees()) {
            String mentee = ids[f.mentee()];
            if (f.suggestions().isEmpty()) {
                Object[] none = new Object[MentoringTables.SUGGESTIONS.size()]; // every column empty but two
                none[0] = mentee;
                none[none.length - 1] = "no mentor qualifies: " + f.unmatched();
                suggestionRows.add(RowFactory.create(none));
                continue;
            }
            withSuggestion++;
            boolean close = false;
            for (MentorSuggestions.Suggestion x : f.suggestions()) {
                suggestions++;
                close |= x.hops() >= 1 && x.hops() <= 2;
                suggestionRows.add(RowFactory.create(
                        mentee,
                        ids[x.mentor()],
                        x.rank(),
                        round(x.score(), 2),
                        round(x.skillFit(), 4),
                        round(x.trajectoryFit(), 4),
                        round(x.reachability(), 4),
                        round(x.teaching(), 4),
                        round(x.load(), 4),
                        text.skillsCovered(x),
                        x.path() == null ? null : x.path().hops(),
                        x.path() == null || x.path().hops() < 2
                                ? null
                                : ids[x.path().nodes()[1]],
                        text.path(x.path()),
                        text.places(x.mentor()),
                        text.reason(x)));
            }
            if (close) withinTwo++;
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Dataset<Row> suggestionTable = table(spark, jsc, suggestionRows, MentoringTables.SUGGESTIONS);
        suggestionRows = null;
        Map<String, Long> kinds = new java.util.TreeMap<>();
        for (MentorSuggestions.ForMentee f : found.mentees())
            if (f.unmatched() != null) kinds.merge(unmatchedKind(f.unmatched()), 1L, Long::sum);

        long introductions = 0;
        Dataset<Row> introTable;
        if (s.introductions() > 0) {
            IntroductionRows rows =
                    IntroductionRows.of(reach.allIntroductions(s.introductions(), p.parallelism()), ids);
            introductions = rows.size();
            introTable = rows.table(spark, jsc);
        } else introTable = spark.createDataFrame(List.of(), MentoringTables.INTRODUCTIONS);

        Dataset<Row> assignment = null;
        Map<String, Object> counts = new LinkedHashMap<>();
        if (s.matchProgramme()) {
            assignment = assign(spark, jsc, found, profiles, ids, counts);
        }
        long candidates = found.mentees().size();
        counts.put("mentee_candidates", candidates);
        counts.put("mentees_with_suggestion", withSuggestion);
        counts.put("mentees_without_suggestion", candidates - withSuggestion);
        counts.put("mentor_suggestions", suggestions);
        counts.put("mentoring_coverage_2_hops", candidates == 0 ? 0.0 : round((double) withinTwo / candidates, 4));
        counts.put("introductions", introductions);
        counts.put("mentoring_parts", built.parts());
        counts.put("directory_self_managers", built.selfManaged().size());
        counts.put("directory_manager_cycles", built.cycles().size());
        if (candidates == 0)
            progress.warn("no mentee candidates: nobody wants to learn a skill, has a career goal or is a newcomer "
                    + "without a mentor, so there are no mentor suggestions (give --people with wants_to_learn, "
                    + "career_goal or hire_date); introductions.csv still lists whom each person could meet");
        else if (!built.parts().get("skill").equals(Boolean.TRUE))
            progress.warn("nobody in the people directory wants to learn a skill (column wants_to_learn): mentor "
                    + "suggestions rest on career goals, newcomers and the network only");
        return new Result(
                suggestionTable, introTable, assignment, profiles, found.demand(), kinds, counts, built.parts());
    }

    /** The optimal assignment of mentees without a mentor to their suggested mentors, within free places. */
    private static Dataset<Row> assign(
            SparkSession spark,
            JavaSparkContext jsc,
            MentorSuggestions.Result found,
            MentoringProfiles profiles,
            String[] ids,
            Map<String, Object> counts) {
        List<ProgrammeMatching.Pair> pairs = new ArrayList<>();
        List<Integer> mentees = new ArrayList<>();
        Map<Long, Integer> rankOf = new HashMap<>();
        for (MentorSuggestions.ForMentee f : found.mentees()) {
            if (profiles.mentors()[f.mentee()].length > 0 || f.suggestions().isEmpty()) continue;
            int m = mentees.size();
            mentees.add(f.mentee());
            for (MentorSuggestions.Suggestion x : f.suggestions()) {
                pairs.add(new ProgrammeMatching.Pair(m, x.mentor(), x.score()));
                rankOf.put(((long) m << 32) | x.mentor(), x.rank());
            }
        }
        int[] capacity = new int[profiles.size()];
        for (int i = 0; i < capacity.length; i++) capacity[i] = profiles.remaining(i);
        ProgrammeMatching.Assignment a = ProgrammeMatching.solve(mentees.size(), capacity, pairs);
        Map<Long, Double> scoreOf = new HashMap<>();
        for (ProgrammeMatching.Pair x : pairs) scoreOf.put(((long) x.mentee() << 32) | x.mentor(), x.score());
        List<Row> rows = new ArrayList<>();
        for (int m = 0; m < mentees.size(); m++) {
            int mentor = a.mentorOf()[m];
            if (mentor < 0) continue;
            long key = ((long) m << 32) | mentor;
            rows.add(RowFactory.create(ids[mentees.get(m)], ids[mentor], round(scoreOf.get(key), 2), rankOf.get(key)));
        }
        counts.put("programme_mentees", mentees.size());
        counts.put("assigned", rows.size());
        counts.put("assignment_total_score", round(a.total(), 2));
        return table(spark, jsc, rows, MentoringTables.ASSIGNMENT);
    }

    /**
     * A table of rows made on the driver, not persisted: the parallelized collection is its only copy (it is read twice,
     * for CSV and Parquet, and cheap to read again).
     */
    private static Dataset<Row> table(SparkSession spark, JavaSparkContext jsc, List<Row> rows, StructType schema) {
        int slices = Math.max(1, Math.min(64, rows.size() / 50_000 + 1));
        return spark.createDataFrame(jsc.parallelize(rows, slices), schema);
    }

    /** The kind of reason nobody qualifies, for counting in the report. */
    public static String unmatchedKind(String reason) {
        if (reason.startsWith("nobody else has")) return "nobody else has the skill";
        if (reason.contains("already suggested to")) return "everyone who fits is suggested to enough mentees";
        if (reason.contains("within two strong ties")) return "no open mentor within two strong ties";
        if (reason.contains("has been")) return "nobody open has reached their goal";
        if (reason.contains("manager or those above")) return "only their manager or above has it";
        if (reason.contains("is at capacity")) return "everyone who has it is at capacity";
        if (reason.contains("above their level")) return "nobody above their level has it";
        if (reason.contains("not open")) return "nobody who has it is open to mentoring";
        return "several rules together";
    }

    public static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
