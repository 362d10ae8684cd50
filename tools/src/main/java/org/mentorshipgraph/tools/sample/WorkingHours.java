package org.mentorshipgraph.tools.sample;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.SplittableRandom;
import org.mentorshipgraph.tools.sample.SampleOrganisationGenerator.Spec;

/**
 * When in a UTC day people are at work: times are drawn in the person's local working hours (08:00–18:59, busiest
 * mid-morning and mid-afternoon, a lunch dip) and converted to milliseconds of the UTC day with the real offset of
 * their location on that day (daylight saving included). All locations keep 08:00–18:59 local inside the same UTC
 * date, so the local date of every row equals its partition date.
 */
final class WorkingHours {

    private static final int DAY_MS = 86_400_000;
    /** Relative weight of each local hour from 08 to 18. */
    private static final double[] HOUR_WEIGHTS = {0.5, 1.0, 1.2, 1.1, 0.6, 0.8, 1.1, 1.1, 1.0, 0.7, 0.3};

    private static final double[] HOUR_CUMULATIVE = new double[HOUR_WEIGHTS.length];

    static {
        double sum = 0;
        for (double w : HOUR_WEIGHTS) {
            sum += w;
        }
        double acc = 0;
        for (int i = 0; i < HOUR_WEIGHTS.length; i++) {
            acc += HOUR_WEIGHTS[i] / sum;
            HOUR_CUMULATIVE[i] = acc;
        }
    }

    private final Organisation org;
    /** UTC offset in seconds per location and day. */
    final int[][] offsetSeconds;
    /** The same as text, e.g. {@code +01:00}. */
    final String[][] offsetText;

    final LocalDate[] dates;
    final int[] dayOfWeek;
    /** Whether the day is a day of the company holiday ({@link Spec#isHoliday}). */
    final boolean[] holiday;

    WorkingHours(Spec spec, Organisation org) {
        this.org = org;
        int days = spec.days();
        dates = new LocalDate[days];
        dayOfWeek = new int[days];
        holiday = new boolean[days];
        offsetSeconds = new int[Organisation.ZONES.length][days];
        offsetText = new String[Organisation.ZONES.length][days];
        for (int d = 0; d < days; d++) {
            dates[d] = spec.startDate().plusDays(d);
            dayOfWeek[d] = dates[d].getDayOfWeek().getValue();
            holiday[d] = spec.isHoliday(dates[d]);
        }
        for (int z = 0; z < Organisation.ZONES.length; z++) {
            ZoneRules rules = ZoneId.of(Organisation.ZONES[z]).getRules();
            for (int d = 0; d < days; d++) {
                // Noon UTC: after every daylight-saving switch of that date in these zones.
                ZoneOffset off = rules.getOffset(dates[d].atTime(12, 0).toInstant(ZoneOffset.UTC));
                offsetSeconds[z][d] = off.getTotalSeconds();
                offsetText[z][d] = off.getTotalSeconds() == 0 ? "+00:00" : off.getId();
            }
        }
    }

    boolean weekend(int day) {
        return dayOfWeek[day] >= 6;
    }

    /** A random moment of person {@code p}'s working day, in milliseconds of the UTC day. */
    int anyTime(SplittableRandom r, int p, int day) {
        double u = r.nextDouble();
        int hour = 0;
        while (hour < HOUR_CUMULATIVE.length - 1 && u > HOUR_CUMULATIVE[hour]) {
            hour++;
        }
        int localMs = (8 + hour) * 3_600_000 + r.nextInt(3_600_000);
        return toUtc(localMs, p, day);
    }

    /** A meeting start in person {@code p}'s day: on the hour or half hour between 09:00 and 16:30 local. */
    int meetingTime(SplittableRandom r, int p, int day) {
        int localMs = (9 * 2 + r.nextInt(16)) * 1_800_000;
        return toUtc(localMs, p, day);
    }

    /** The moment of {@code toDay} at the local time (of {@code p}) that {@code msOfDay} is on {@code fromDay}. */
    int sameLocalTime(int msOfDay, int p, int fromDay, int toDay) {
        int shift = (offsetSeconds[org.location[p]][fromDay] - offsetSeconds[org.location[p]][toDay]) * 1000;
        return Math.max(0, Math.min(DAY_MS - 1, msOfDay + shift));
    }

    private int toUtc(int localMs, int p, int day) {
        int utc = localMs - offsetSeconds[org.location[p]][day] * 1000;
        return Math.max(0, Math.min(DAY_MS - 1, utc));
    }
}
