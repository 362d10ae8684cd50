package org.mentorshipgraph.ties;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.percentile_approx;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.mentorshipgraph.ingest.Ingest.Ingested;
import org.mentorshipgraph.ingest.Mentorship;
import org.mentorshipgraph.progress.Progress;
import org.mentorshipgraph.progress.StepResult;

/**
 * The ties step: valid interactions to one tie per pair ({@link TieAggregation}, in Spark, persisted), and from them
 * and the directory the compact graph the connector algorithms run on ({@link OrgGraph}, on the driver).
 */
public final class Ties {
    private Ties() {}

    /**
     * How interactions become ties: channel weights, the run's windows, the floors for a tie and an active tie, and the
     * largest group event kept ({@code ties.max-event-size}, 0 for no limit).
     */
    public record Parameters(
            Map<String, Double> channelWeights,
            TieAggregation.Windows windows,
            int minInteractions,
            double minStrength,
            String peopleLocation,
            int maxEventSize) {}

    /**
     * The ties ({@link TieAggregation#TIES}, persisted) and the graph.
     *
     * @param tieCount every tie, active or not
     */
    public record TieTable(
            Dataset<Row> ties, OrgGraph org, long tieCount, long interactions, Map<String, Object> counts)
            implements StepResult {
        @Override
        public String summary() {
            return String.format(
                    Locale.ROOT,
                    "%,d ties from %,d interactions; %,d people, %,d active ties",
                    tieCount,
                    interactions,
                    org.size(),
                    org.activeTies());
        }

        @Override
        public long rows() {
            return interactions;
        }
    }

    public static TieTable build(Ingested in, Parameters p, Progress progress) {
        Dataset<Row> valid = in.interactions().valid(), directory = in.people().directory();
        long validRows = in.interactions().validRows(),
                directoryPeople = in.people().people();
        List<Mentorship> mentorships = in.mentorships().all();
        Map<String, Object> counts = new LinkedHashMap<>();
        unweightedChannels(valid, p.channelWeights(), counts, progress);
        long[] large = TieAggregation.largeEvents(valid, p.maxEventSize());
        if (p.maxEventSize() > 0) {
            counts.put("events_over_max_size", large[0]);
            counts.put("event_rows_over_max_size", large[1]);
        }
        if (large[0] > 0)
            progress.warn(
                    "%,d group event(s) with more than ties.max-event-size = %d participants (the largest %,d; %,d rows) "
                            + "are left out of the ties: an all-hands or a mailing list is no relationship between "
                            + "everyone in it, and a contact it gives every pair hides their silences from the fading "
                            + "tests; raise ties.max-event-size (0: no limit) to keep them",
                    large[0], p.maxEventSize(), large[2], large[1]);
        Dataset<Row> ties = TieAggregation.ties(
                        TieAggregation.pairs(valid, p.channelWeights(), p.maxEventSize()),
                        p.windows(),
                        p.minInteractions())
                .persist(StorageLevel.MEMORY_AND_DISK());
        long tieCount = ties.count();
        OrgGraph org = OrgGraph.build(directory, ties, p.minStrength());
        counts.put("people", org.size());
        if (directoryPeople == 0
                && p.peopleLocation() != null
                && !p.peopleLocation().isBlank()) {
            counts.put("people_not_in_directory", org.size());
            progress.warn(
                    "the people directory %s has no valid row (only a header?): all %,d people get team 'unknown', so "
                            + "teams, departments and hire dates are unknown; check the file (rejected.csv lists rows it "
                            + "refused)",
                    p.peopleLocation(), org.size());
        } else if (directoryPeople > 0) {
            long unlisted = org.size() - directoryPeople;
            counts.put("people_not_in_directory", unlisted);
            if (unlisted > 0)
                progress.warn(
                        "%,d people in the interactions are not in the people directory (team 'unknown'): "
                                + "add them to %s, or check their ids",
                        unlisted, p.peopleLocation());
        }
        List<String> strangers = mentorships.stream()
                .flatMap(m -> Stream.of(m.mentorId(), m.menteeId()))
                .filter(id -> org.indexOf(id) == null)
                .distinct()
                .sorted()
                .toList();
        counts.put("mentorship_people_unknown", strangers.size());
        if (!strangers.isEmpty())
            progress.warn(
                    "%,d people named in the mentorships are neither in the people directory nor in the "
                            + "interactions, so their mentorships are left out of the graph: %s%s",
                    strangers.size(),
                    strangers.subList(0, Math.min(10, strangers.size())),
                    strangers.size() > 10 ? " ..." : "");
        counts.put("ties", tieCount);
        counts.put("active_ties", org.activeTies());
        if (tieCount > 0 && org.activeTies() * 100L < tieCount) {
            Row r = ties.agg(max("strength"), percentile_approx(col("strength"), lit(0.5), lit(1000)))
                    .first();
            double strongest = r.getDouble(0), median = r.getDouble(1);
            String floor = String.format(Locale.ROOT, "%.2g", Math.max(1e-3, median));
            progress.warn(
                    "%s of %,d ties reach ties.min-strength = %s (the strongest is %.3g, the median %.3g): connectors "
                            + "and communities need active ties; for a log like this one lower the floor, e.g. "
                            + "--set ties.min-strength=%s (half the ties)",
                    org.activeTies() == 0 ? "none" : String.format(Locale.ROOT, "only %,d", org.activeTies()),
                    tieCount,
                    p.minStrength(),
                    strongest,
                    median,
                    floor);
        }
        return new TieTable(ties, org, tieCount, validRows, counts);
    }

    /**
     * Warns about channels of the interactions that {@code ties.channel-weights} does not list, which weigh 1 (as much
     * as a meeting): an export that calls its chat "slack" or its mail "e-mail" would otherwise weigh each message
     * four or two times what the defaults mean. One aggregation over the channels.
     */
    static void unweightedChannels(
            Dataset<Row> valid, Map<String, Double> weights, Map<String, Object> counts, Progress progress) {
        if (weights.isEmpty()) return;
        List<String> unlisted = new java.util.ArrayList<>();
        long rows = 0;
        for (Row r : valid.groupBy("channel")
                .count()
                .filter(org.apache.spark.sql.functions.not(
                        col("channel").isin(weights.keySet().toArray())))
                .orderBy(col("count").desc(), col("channel"))
                .collectAsList()) {
            rows += r.getLong(1);
            if (unlisted.size() < 5)
                unlisted.add(String.format(Locale.ROOT, "'%s' (%,d rows)", r.getString(0), r.getLong(1)));
            else if (unlisted.size() == 5) unlisted.add("...");
        }
        counts.put("interactions_unweighted_channel", rows);
        if (rows > 0)
            progress.warn(
                    "channel(s) not in ties.channel-weights weigh 1, as much as a meeting: %s; if one is chat or e-mail "
                            + "under another name, give it that weight, e.g. --set ties.channel-weights=%s,%s:0.25 "
                            + "(chat; e-mail 0.5), or list it with 1 to keep it as it is",
                    String.join(", ", unlisted),
                    weights.entrySet().stream()
                            .map(e -> e.getKey() + ":" + trim(e.getValue()))
                            .collect(java.util.stream.Collectors.joining(",")),
                    unlisted.get(0).substring(1, unlisted.get(0).indexOf("' (")));
    }

    private static String trim(double w) {
        return w == Math.rint(w) ? String.valueOf((long) w) : String.valueOf(w);
    }
}
