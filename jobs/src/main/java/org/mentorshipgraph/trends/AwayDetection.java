package org.mentorshipgraph.trends;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mentorshipgraph.algorithms.ties.Absence;
import org.mentorshipgraph.algorithms.ties.ActivityProfile;
import org.mentorshipgraph.algorithms.ties.AwayStretch;
import org.mentorshipgraph.ingest.DeclaredAbsence;
import org.mentorshipgraph.ties.OrgGraph;
import scala.Tuple2;

/**
 * Who was away, and when: the {@link Absence} test on every person's contact days (the days on which they had any
 * contact with anyone, from both ends of their ties), in Spark, one person per call; the few people with away
 * stretches come to the driver. Declared absences ({@code --absences}) replace the detection for the people they name:
 * their stretches are exactly the declared days, clipped to the look-back.
 *
 * <p>Cost: one pass over the ties, each person's contact days a bitmap of L bits OR-ed over their ties (combined on
 * the map side: one array of ⌈L/64⌉ longs per person and partition is shuffled); per person O(n·s² + 60·L) ({@link
 * Absence#detect}); driver memory O(people away).
 */
final class AwayDetection {
    private AwayDetection() {}

    /**
     * Away stretches per person index, and how each person's were found.
     *
     * @param stretches person index → stretches, earliest first (only people with at least one)
     * @param source    person index → {@code detected} or {@code declared} (only people in {@code stretches})
     * @param kind      person index → the declared kind (declared absences with a kind only)
     */
    record Away(Map<Integer, List<AwayStretch>> stretches, Map<Integer, String> source, Map<Integer, String> kind) {}

    /**
     * @param indexed       ties with {@code a_idx}, {@code b_idx}, {@code contact_days}
     * @param declared      declared absences (any person; those not in {@code org} are ignored)
     * @param lookbackStart the date of day 0
     */
    static Away detect(
            Dataset<Row> indexed,
            OrgGraph org,
            ActivityProfile profile,
            Absence absence,
            List<DeclaredAbsence> declared,
            LocalDate lookbackStart) {
        int days = profile.days();
        Map<Integer, List<AwayStretch>> stretches = new TreeMap<>();
        Map<Integer, String> source = new HashMap<>(), kind = new HashMap<>();
        Set<Integer> declaredPeople = new HashSet<>();
        for (DeclaredAbsence d : declared) {
            Integer i = org.indexOf(d.personId());
            if (i == null) continue;
            declaredPeople.add(i);
            int from = (int) Math.max(0, ChronoUnit.DAYS.between(lookbackStart, d.from()));
            int to = (int) Math.min(days, ChronoUnit.DAYS.between(lookbackStart, d.to()) + 1);
            if (to <= from) continue;
            stretches.computeIfAbsent(i, k -> new ArrayList<>()).add(new AwayStretch(from, to, 0, 0.0));
            source.put(i, "declared");
            if (d.kind() != null) kind.put(i, d.kind());
        }
        stretches.values().forEach(l -> l.sort(java.util.Comparator.comparingInt(AwayStretch::fromDay)));

        JavaSparkContext jsc =
                JavaSparkContext.fromSparkContext(indexed.sparkSession().sparkContext());
        Broadcast<ActivityProfile> prof = jsc.broadcast(profile);
        Broadcast<Set<Integer>> skip = jsc.broadcast(declaredPeople);
        // each person's contact days as a bitmap (one bit per day of the look-back), OR-ed over their ties with a
        // map-side combine: one small array per person and partition crosses the shuffle, not one row per contact day
        int words = (days + 63) / 64;
        JavaPairRDD<Integer, long[]> perPerson = indexed.select(col("a_idx"), col("b_idx"), col("contact_days"))
                .javaRDD()
                .flatMapToPair(r -> {
                    long[] bits = new long[words];
                    List<Integer> d = r.getList(2);
                    for (int day : d) if (day >= 0 && day < days) bits[day >>> 6] |= 1L << (day & 63);
                    return List.of(new Tuple2<>(r.getInt(0), bits), new Tuple2<>(r.getInt(1), bits.clone()))
                            .iterator();
                })
                .reduceByKey((x, y) -> {
                    for (int i = 0; i < x.length; i++) x[i] |= y[i];
                    return x;
                });
        List<Tuple2<Integer, AwayStretch>> found = perPerson
                .flatMap(e -> {
                    if (skip.value().contains(e._1())) return java.util.Collections.emptyIterator();
                    long[] bits = e._2();
                    int n = 0;
                    for (long w : bits) n += Long.bitCount(w);
                    int[] contactDays = new int[n];
                    int k = 0;
                    for (int i = 0; i < bits.length; i++)
                        for (long w = bits[i]; w != 0; w &= w - 1)
                            contactDays[k++] = i * 64 + Long.numberOfTrailingZeros(w);
                    List<Tuple2<Integer, AwayStretch>> out = new ArrayList<>();
                    for (AwayStretch s : absence.detect(contactDays, prof.value())) out.add(new Tuple2<>(e._1(), s));
                    return out.iterator();
                })
                .collect();
        for (Tuple2<Integer, AwayStretch> f : found) {
            stretches.computeIfAbsent(f._1(), k -> new ArrayList<>()).add(f._2());
            source.put(f._1(), "detected");
        }
        stretches.values().forEach(l -> l.sort(java.util.Comparator.comparingInt(AwayStretch::fromDay)));
        return new Away(stretches, source, kind);
    }
}
