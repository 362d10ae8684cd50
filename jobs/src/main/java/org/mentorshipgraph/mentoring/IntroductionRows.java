package org.mentorshipgraph.mentoring;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.mentorshipgraph.algorithms.mentoring.Reachability;

/**
 * Everyone's introductions in compact arrays (ints and floats, about 30 bytes an introduction), broadcast once and
 * turned into {@link MentoringTables#INTRODUCTIONS} rows by the tasks that write them: the driver never holds a million
 * Row objects, and nothing is cached.
 */
final class IntroductionRows implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int CHUNK = 2_000;

    private final String[] ids;
    private final int[] start, suggested, common, introducer;
    private final double[] score;
    private final float[] first, second;

    private IntroductionRows(
            String[] ids,
            int[] start,
            int[] suggested,
            double[] score,
            int[] common,
            int[] introducer,
            float[] first,
            float[] second) {
        this.ids = ids;
        this.start = start;
        this.suggested = suggested;
        this.score = score;
        this.common = common;
        this.introducer = introducer;
        this.first = first;
        this.second = second;
    }

    static IntroductionRows of(List<Reachability.Introduction>[] all, String[] ids) {
        int total = 0;
        for (List<Reachability.Introduction> l : all) total += l.size();
        int[] start = new int[all.length + 1],
                suggested = new int[total],
                common = new int[total],
                introducer = new int[total];
        double[] score = new double[total];
        float[] first = new float[total], second = new float[total];
        int x = 0;
        for (int u = 0; u < all.length; u++) {
            start[u] = x;
            for (Reachability.Introduction i : all[u]) {
                suggested[x] = i.person();
                score[x] = i.score();
                common[x] = i.commonContacts();
                Reachability.WarmPath w = i.path();
                boolean two = w != null && w.hops() == 2;
                introducer[x] = two ? w.nodes()[1] : -1;
                first[x] = two ? (float) w.strengths()[0] : 0f;
                second[x] = two ? (float) w.strengths()[1] : 0f;
                x++;
            }
            all[u] = null; // let the lists go as they are copied
        }
        start[all.length] = x;
        return new IntroductionRows(ids, start, suggested, score, common, introducer, first, second);
    }

    long size() {
        return suggested.length;
    }

    /** The table, made from a broadcast copy of these arrays in chunks of people. */
    Dataset<Row> table(SparkSession spark, JavaSparkContext jsc) {
        Broadcast<IntroductionRows> b = jsc.broadcast(this);
        List<Integer> chunks = new ArrayList<>();
        for (int u = 0; u < ids.length; u += CHUNK) chunks.add(u);
        int slices = Math.max(1, Math.min(64, suggested.length / 100_000 + 1));
        return spark.createDataFrame(
                jsc.parallelize(chunks, slices).flatMap(u0 -> b.value().rows(u0)), MentoringTables.INTRODUCTIONS);
    }

    private Iterator<Row> rows(int from) {
        List<Row> out = new ArrayList<>();
        for (int u = from; u < Math.min(ids.length, from + CHUNK); u++) {
            for (int x = start[u], rank = 1; x < start[u + 1]; x++, rank++) {
                int c = introducer[x];
                String path = c < 0
                        ? null
                        : String.format(
                                Locale.ROOT,
                                "%s -%.2f- %s -%.2f- %s",
                                ids[u],
                                first[x],
                                ids[c],
                                second[x],
                                ids[suggested[x]]);
                out.add(RowFactory.create(
                        ids[u],
                        ids[suggested[x]],
                        rank,
                        Mentoring.round(score[x], 6),
                        common[x],
                        c < 0 ? null : ids[c],
                        path));
            }
        }
        return out.iterator();
    }
}
