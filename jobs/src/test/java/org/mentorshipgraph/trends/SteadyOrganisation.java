package org.mentorshipgraph.trends;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.mentorshipgraph.ingest.DirectoryReader;
import org.mentorshipgraph.ties.TieAggregation;

/**
 * A generated organisation for the tie-status step, made in Spark (so it scales to 100,000 people): people in teams of
 * 20, each with about {@code tiesPerPerson} ties (70% inside the team), each tie a Poisson process with its own rate
 * (log-normal, from about one contact a month to a few a week), modulated by the calendar: weekends at 0.15, and
 * optionally a company-wide holiday inside R at {@code holidayShare}. On top, as asked:
 *
 * <ul>
 *   <li>{@code fadingShare} of the ties (chosen by hash) fade: established ties (5 contacts a week) whose rate in R is
 *       {@code fadeTo} × the rate before;
 *   <li>{@code leaveShare} of the people are on leave from 7 days before R to the run date (no contact at all), and as
 *       many were on leave for 28 days in the middle of B and are back.
 * </ul>
 *
 * Everything is a pure function of the seed, the tie index and the day, so any row can be recomputed in a test.
 * Interactions come out as {@link TieAggregation#INTERACTIONS} (direct, one row per contact).
 */
record SteadyOrganisation(
        int people,
        int tiesPerPerson,
        long seed,
        boolean holiday,
        double holidayShare,
        double fadingShare,
        double fadeTo,
        double leaveShare)
        implements Serializable {

    static final LocalDate AS_OF = LocalDate.parse("2026-11-15");
    static final int LOOKBACK = 182, RECENT = 28, BASELINE = 84;
    static final long DAY = 86_400_000L;
    static final long AS_OF_END =
            AS_OF.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    static final long LOOKBACK_START = AS_OF_END - LOOKBACK * DAY;
    /** The holiday: ten days inside R, not touching its first or last days (days 164..173 of 0..181). */
    static final int HOLIDAY_FROM = LOOKBACK - RECENT + 10, HOLIDAY_TO = HOLIDAY_FROM + 10;
    /** Leave through R: from 7 days before R to the end; back from leave: 28 days in the middle of B. */
    static final int LEAVE_FROM = LOOKBACK - RECENT - 7, BACK_FROM = LOOKBACK - RECENT - 70, BACK_TO = BACK_FROM + 28;

    static SteadyOrganisation steady(int people, long seed) {
        return new SteadyOrganisation(people, 9, seed, false, 0.1, 0, 1, 0);
    }

    SteadyOrganisation withHoliday(boolean on) {
        return new SteadyOrganisation(people, tiesPerPerson, seed, on, holidayShare, fadingShare, fadeTo, leaveShare);
    }

    SteadyOrganisation withFading(double share, double to) {
        return new SteadyOrganisation(people, tiesPerPerson, seed, holiday, holidayShare, share, to, leaveShare);
    }

    SteadyOrganisation withLeave(double share) {
        return new SteadyOrganisation(people, tiesPerPerson, seed, holiday, holidayShare, fadingShare, fadeTo, share);
    }

    static String id(int p) {
        return String.format("p%06d", p);
    }

    int teamOf(int p) {
        return p / 20;
    }

    long ties() {
        return (long) people * tiesPerPerson / 2;
    }

    /** Tie k's two people (may coincide or repeat another tie: such ties merge, which is harmless). */
    int[] pair(long k) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + k);
        int a = r.nextInt(people);
        int b;
        if (r.nextDouble() < 0.7) {
            int t = teamOf(a), size = Math.min(20, people - t * 20);
            b = t * 20 + r.nextInt(size);
        } else b = r.nextInt(people);
        return new int[] {a, b};
    }

    /** Contacts per ordinary day of tie k: log-normal, median about one a fortnight; a fading tie 1 (5 a week). */
    double rate(long k) {
        if (fades(k)) return 1.0;
        SplittableRandom r = new SplittableRandom(seed * 7_919L + k);
        return Math.exp(Math.log(1 / 14.0) + 1.0 * r.nextGaussian());
    }

    boolean fades(long k) {
        return fadingShare > 0 && new SplittableRandom(seed * 104_729L + k).nextDouble() < fadingShare;
    }

    /** 0 ordinary, 1 on leave through R, 2 on leave in B and back. */
    int leave(int p) {
        if (leaveShare <= 0) return 0;
        double u = new SplittableRandom(seed * 15_485_863L + p).nextDouble();
        return u < leaveShare ? 1 : u < 2 * leaveShare ? 2 : 0;
    }

    boolean absent(int p, int day) {
        int l = leave(p);
        return l == 1 && day >= LEAVE_FROM || l == 2 && day >= BACK_FROM && day < BACK_TO;
    }

    /** The calendar's activity on a day of the look-back. */
    double calendar(int day) {
        int dow = AS_OF.minusDays(LOOKBACK - 1 - day).getDayOfWeek().getValue();
        double a = dow >= 6 ? 0.15 : 1.0;
        if (holiday && day >= HOLIDAY_FROM && day < HOLIDAY_TO) a *= holidayShare;
        return a;
    }

    /** The interactions of the organisation. */
    Dataset<Row> interactions(SparkSession spark) {
        SteadyOrganisation o = this;
        FlatMapFunction<Long, Row> contacts = k -> {
            int[] ab = o.pair(k);
            if (ab[0] == ab[1]) return java.util.Collections.emptyIterator();
            double lambda = o.rate(k);
            boolean fades = o.fades(k);
            // the holiday draws its own numbers, so the same seed gives the same contacts on every other day
            SplittableRandom r = new SplittableRandom(o.seed() * 31L + k);
            SplittableRandom h = new SplittableRandom(o.seed() * 37L + k);
            List<Row> out = new ArrayList<>();
            for (int d = 0; d < LOOKBACK; d++) {
                double mean = lambda * baseCalendar(d) * (fades && d >= LOOKBACK - RECENT ? o.fadeTo() : 1);
                int n = poisson(r, mean);
                if (o.holiday() && d >= HOLIDAY_FROM && d < HOLIDAY_TO) {
                    int kept = 0;
                    for (int i = 0; i < n; i++) if (h.nextDouble() < o.holidayShare()) kept++;
                    n = kept;
                }
                if (o.absent(ab[0], d) || o.absent(ab[1], d)) n = 0;
                for (int i = 0; i < n; i++) {
                    long ts = LOOKBACK_START + d * DAY + 9 * 3_600_000L + i * 60_000L;
                    boolean forward = r.nextBoolean();
                    out.add(RowFactory.create(
                            ts, id(forward ? ab[0] : ab[1]), id(forward ? ab[1] : ab[0]), "chat", null));
                }
            }
            return out.iterator();
        };
        return spark.range(ties()).as(Encoders.LONG()).flatMap(contacts, Encoders.row(TieAggregation.INTERACTIONS));
    }

    /** Weekday 1.0, weekend 0.15: the calendar without the holiday (the holiday thins the draws above). */
    static double baseCalendar(int day) {
        int dow = AS_OF.minusDays(LOOKBACK - 1 - day).getDayOfWeek().getValue();
        return dow >= 6 ? 0.15 : 1.0;
    }

    static int poisson(SplittableRandom r, double mean) {
        double l = Math.exp(-mean), p = 1;
        int k = 0;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /** The directory: everyone in a team of 20, hired long ago. */
    Dataset<Row> directory(SparkSession spark) {
        SteadyOrganisation o = this;
        return spark.range(people)
                .as(Encoders.LONG())
                .map(
                        (org.apache.spark.api.java.function.MapFunction<Long, Row>) l -> {
                            int p = (int) (long) l;
                            return RowFactory.create(
                                    id(p),
                                    "Person " + p,
                                    "team-" + o.teamOf(p),
                                    "dept-" + o.teamOf(p) / 10,
                                    null,
                                    "Engineer",
                                    "3",
                                    null,
                                    "2020-01-01",
                                    null,
                                    null,
                                    null,
                                    null,
                                    null);
                        },
                        Encoders.row(DirectoryReader.PEOPLE));
    }

    static TieAggregation.Windows windows() {
        return new TieAggregation.Windows(
                AS_OF_END, AS_OF_END - RECENT * DAY, AS_OF_END - (RECENT + BASELINE) * DAY, LOOKBACK_START, 30);
    }
}
