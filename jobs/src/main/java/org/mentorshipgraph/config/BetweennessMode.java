package org.mentorshipgraph.config;

import java.util.Locale;

/**
 * How betweenness is computed: {@code exact} (every source), {@code auto} (exact while the work fits, else
 * adaptive with the configured error bound), {@code sample:K} (K random sources, Brandes &amp; Pich 2007),
 * {@code epsilon:E} (as many sources as Riondato &amp; Kornaropoulos 2016 need for error E) or {@code adaptive:E}
 * (KADABRA, Borassi &amp; Natale 2016: sampled shortest paths until every score is certified within E).
 */
public record BetweennessMode(Kind kind, int sampleSize, double epsilon) {
    public enum Kind {
        EXACT,
        AUTO,
        SAMPLE,
        EPSILON,
        ADAPTIVE
    }

    public static BetweennessMode parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("exact")) return new BetweennessMode(Kind.EXACT, 0, 0);
        if (t.equals("auto")) return new BetweennessMode(Kind.AUTO, 0, 0);
        try {
            if (t.startsWith("sample:")) {
                int k = Integer.parseInt(t.substring(7));
                if (k < 1) throw new IllegalArgumentException("sample size must be >= 1");
                return new BetweennessMode(Kind.SAMPLE, k, 0);
            }
            if (t.startsWith("epsilon:")) {
                double e = Double.parseDouble(t.substring(8));
                if (!(e > 0 && e < 1)) throw new IllegalArgumentException("epsilon must be in (0,1)");
                return new BetweennessMode(Kind.EPSILON, 0, e);
            }
            if (t.startsWith("adaptive:")) {
                double e = Double.parseDouble(t.substring(9));
                if (!(e > 0 && e < 1)) throw new IllegalArgumentException("epsilon must be in (0,1)");
                return new BetweennessMode(Kind.ADAPTIVE, 0, e);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has a bad number");
        }
        throw new IllegalArgumentException(
                "expected exact, auto, sample:K or epsilon:E (sampled sources) or adaptive:E (sampled paths), got '"
                        + text + "'");
    }
}
