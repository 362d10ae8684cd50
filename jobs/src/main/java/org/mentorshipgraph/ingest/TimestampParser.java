package org.mentorshipgraph.ingest;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Parses the interaction contract's timestamps: an ISO-8601 instant with {@code Z} or an offset
 * ({@code 2026-11-02T09:30:00Z}, {@code 2026-11-02T10:30:00+01:00}, a space instead of {@code T} is accepted),
 * or epoch seconds or milliseconds, told apart by magnitude: a number below {@value #SECONDS_BELOW} is seconds
 * ({@code 1793611800}, 10 digits for any date from 2001 to 2286), anything larger milliseconds ({@code 1793611800000};
 * in milliseconds, a number below it would be a date before March 1973). A date-time without a zone is refused: it
 * is ambiguous.
 */
public final class TimestampParser {
    private TimestampParser() {}

    /** Epoch numbers below this are seconds, not milliseconds (10^11: 5138 in seconds, 1973-03-03 in milliseconds). */
    public static final long SECONDS_BELOW = 100_000_000_000L;

    /** Epoch milliseconds, or null when {@link #problem} is not null. */
    public static Long parseMillis(String text) {
        if (text == null) return null;
        String t = text.trim();
        if (t.isEmpty()) return null;
        if (isDigits(t)) {
            if (t.length() > 15) return null;
            long v = Long.parseLong(t);
            return v < SECONDS_BELOW ? v * 1000 : v;
        }
        try {
            return OffsetDateTime.parse(normalise(t), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant()
                    .toEpochMilli();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Why a timestamp is refused, or null when it parses. */
    public static String problem(String text) {
        if (text == null || text.trim().isEmpty()) return "missing timestamp";
        if (parseMillis(text) != null) return null;
        String t = text.trim();
        if (isDigits(t)) return "timestamp '" + abbreviate(t) + "' is too large for epoch milliseconds";
        try {
            LocalDateTime.parse(normalise(t));
            return "timestamp '" + abbreviate(t) + "' has no time zone (add Z or an offset such as +01:00)";
        } catch (DateTimeException e) {
            return "unparseable timestamp '" + abbreviate(t)
                    + "' (expected ISO-8601 with Z or offset, or epoch milliseconds)";
        }
    }

    private static String normalise(String t) {
        if (t.length() > 10 && t.charAt(10) == ' ') return t.substring(0, 10) + 'T' + t.substring(11);
        return t;
    }

    private static boolean isDigits(String t) {
        for (int i = 0; i < t.length(); i++) if (!Character.isDigit(t.charAt(i))) return false;
        return true;
    }

    static String abbreviate(String t) {
        return t.length() > 40 ? t.substring(0, 37) + "..." : t;
    }
}
