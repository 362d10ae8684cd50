package org.mentorshipgraph.trends;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mentorshipgraph.algorithms.ties.FalseDiscovery;

/**
 * Benjamini–Hochberg q-values over every row of a Dataset, computed where the rows are — the distributed form of
 * {@link FalseDiscovery#qValues} (same formula, same values):
 *
 * <pre>
 *   q_(i) = min_{j ≥ i} min(1, m · p_(j) / j)      p_(1) ≤ … ≤ p_(m)
 * </pre>
 *
 * The rows are sorted once by p descending (Spark's range-partitioned sort, ties broken by the given key columns so the
 * order is total and the result reproducible). Walking that order, rank j falls from m to 1 and q is a running minimum
 * of {@code m·p/j}. Three passes over the sorted partitions (the sort's shuffle files are read again, not recomputed):
 * the size of each partition (so each row knows its rank), the smallest {@code m·p/j} of each partition (so each
 * partition knows the minimum of all rows before it), and the q-values. Only two numbers per partition reach the
 * driver; no window moves all rows into one partition. Rows of equal p get the same q, whatever their order.
 *
 * <p>Cost: one sort, O(m log m); three narrow passes; driver memory O(partitions).
 */
public final class QValues {
    private QValues() {}

    /**
     * The rows with a column {@code q_value} (double, ≥ p) appended, in descending order of p.
     *
     * @param rows      the family of tests, one row each
     * @param pColumn   the p-value column (double in [0, 1]; NaN or null counts as 1)
     * @param tieBreaks columns that make the order total (e.g. the tie's two ids)
     */
    public static Dataset<Row> append(Dataset<Row> rows, String pColumn, String... tieBreaks) {
        Column[] order = new Column[tieBreaks.length + 1];
        order[0] = col(pColumn).desc_nulls_first();
        for (int i = 0; i < tieBreaks.length; i++)
            order[i + 1] = col(tieBreaks[i]).asc();
        Dataset<Row> sorted = rows.orderBy(order);
        StructType schema = sorted.schema();
        int pAt = schema.fieldIndex(pColumn);
        JavaRDD<Row> rdd = sorted.javaRDD();
        int parts = rdd.getNumPartitions();

        long[] size = new long[parts];
        for (long[] s : rdd.mapPartitionsWithIndex(
                        (Integer k, Iterator<Row> it) -> {
                            long n = 0;
                            for (; it.hasNext(); it.next()) n++;
                            return List.of(new long[] {k, n}).iterator();
                        },
                        true)
                .collect()) size[(int) s[0]] = s[1];
        long m = Arrays.stream(size).sum();
        long[] before = new long[parts];
        for (int k = 1; k < parts; k++) before[k] = before[k - 1] + size[k - 1];

        double[] smallest = new double[parts];
        Arrays.fill(smallest, 1.0);
        for (double[] s : rdd.mapPartitionsWithIndex(
                        (Integer k, Iterator<Row> it) -> {
                            long j = m - before[k];
                            double min = 1.0;
                            while (it.hasNext()) min = Math.min(min, raw(p(it.next(), pAt), m, j--));
                            return List.of(new double[] {k, min}).iterator();
                        },
                        true)
                .collect()) smallest[(int) s[0]] = s[1];
        double[] carry = new double[parts];
        if (parts > 0) carry[0] = 1.0;
        for (int k = 1; k < parts; k++) carry[k] = Math.min(carry[k - 1], smallest[k - 1]);

        JavaRDD<Row> withQ = rdd.mapPartitionsWithIndex(
                (Integer k, Iterator<Row> it) -> new Iterator<Row>() {
                    long j = m - before[k];
                    double running = carry[k];

                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Row next() {
                        Row r = it.next();
                        running = Math.min(running, raw(p(r, pAt), m, j--));
                        Object[] v = new Object[r.length() + 1];
                        for (int i = 0; i < r.length(); i++) v[i] = r.get(i);
                        v[r.length()] = running;
                        return RowFactory.create(v);
                    }
                },
                true);
        return rows.sparkSession().createDataFrame(withQ, schema.add("q_value", DataTypes.DoubleType, false));
    }

    private static double p(Row r, int at) {
        if (r.isNullAt(at)) return 1.0;
        double p = r.getDouble(at);
        return Double.isNaN(p) ? 1.0 : p;
    }

    private static double raw(double p, long m, long rank) {
        return Math.min(1.0, m * p / rank);
    }

    /** For tests: q-values of plain p-values in their order, through {@link #append}. */
    static double[] of(org.apache.spark.sql.SparkSession spark, double[] p) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < p.length; i++) rows.add(RowFactory.create((long) i, p[i]));
        StructType s = new StructType().add("i", DataTypes.LongType).add("p", DataTypes.DoubleType);
        double[] q = new double[p.length];
        for (Row r : append(spark.createDataFrame(rows, s), "p", "i").collectAsList())
            q[(int) r.getLong(0)] = r.getDouble(2);
        return q;
    }
}
