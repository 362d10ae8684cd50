package org.mentorshipgraph.trends;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.explode;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mentorshipgraph.algorithms.ties.Absence;
import org.mentorshipgraph.algorithms.ties.ActivityProfile;
import org.mentorshipgraph.algorithms.ties.AwayStretch;
import org.mentorshipgraph.ingest.DeclaredAbsence;
import org.mentorshipgraph.ties.OrgGraph;

/**
 * Who was away, and when: the {@link Absence} test on every person's contact days (the days on which they had any
 * contact with anyone, from both ends of their ties), in Spark, one person per call; the few people with away
 * stretches come to the driver. Declared absences ({@code --absences}) replace the detection for the people they name:
 * their stretches are exactly the declared days, clipped to the look-back.
 *
 * <p>Cost: one explode and group-by of the ties' distinct contact days per person side; per person O(n·s² + 60·L)
 * ({@link Absence#detect}); driver memory O(people away).
 */
final class AwayDetection {
    private AwayDetection() {}

    static final StructType STRETCHES = new StructType()
            .add("p", DataTypes.IntegerType, false)
            .add("from_day", DataTypes.IntegerType, false)
            .add("to_day", DataTypes.IntegerType, false)
            .add("contact_days", DataTypes.IntegerType, false)
            .add("p_value", DataTypes.DoubleType, false);

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
        Dataset<Row> sides = indexed.select(
                        col("a_idx").as("p"),
                        array_distinct(col("contact_days")).as("d"))
                .union(indexed.select(
                        col("b_idx").as("p"),
                        array_distinct(col("contact_days")).as("d")));
        Dataset<Row> perPerson = sides.select(col("p"), explode(col("d")).as("day"))
                .groupBy("p")
                .agg(array_sort(collect_set(col("day"))).as("days"));
        FlatMapFunction<Row, Row> test = r -> {
            int p = r.getInt(0);
            if (skip.value().contains(p)) return java.util.Collections.emptyIterator();
            List<Integer> d = r.getList(1);
            int[] contactDays = new int[d.size()];
            for (int i = 0; i < contactDays.length; i++) contactDays[i] = d.get(i);
            List<Row> out = new ArrayList<>();
            for (AwayStretch s : absence.detect(contactDays, prof.value()))
                out.add(RowFactory.create(p, s.fromDay(), s.toDay(), s.contactDays(), s.pValue()));
            return out.iterator();
        };
        for (Iterator<Row> it = perPerson.flatMap(test, Encoders.row(STRETCHES)).toLocalIterator(); it.hasNext(); ) {
            Row r = it.next();
            int p = r.getInt(0);
            stretches
                    .computeIfAbsent(p, k -> new ArrayList<>())
                    .add(new AwayStretch(r.getInt(1), r.getInt(2), r.getInt(3), r.getDouble(4)));
            source.put(p, "detected");
        }
        stretches.values().forEach(l -> l.sort(java.util.Comparator.comparingInt(AwayStretch::fromDay)));
        return new Away(stretches, source, kind);
    }
}
