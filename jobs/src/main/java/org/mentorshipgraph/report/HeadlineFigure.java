package org.mentorshipgraph.report;

import java.util.Locale;

/**
 * The headline figures of the report, in the order the page shows them: their key in {@code headline} of
 * {@code network-health.json}, how a person reads them, and which way is good (for colouring a change; 0: neither).
 */
enum HeadlineFigure {
    PEOPLE("people", "People", Kind.COUNT, 0),
    ACTIVE_TIES("active_ties", "Active ties", Kind.COUNT, 1),
    DENSITY("density", "Density", Kind.RATIO, 0),
    LARGEST_GROUP_SHARE("largest_group_share", "In the largest connected group", Kind.PERCENT, 1),
    MODULARITY("modularity", "Modularity", Kind.RATIO, 0),
    MEDIAN_TIES("median_ties_per_person", "Median ties per person", Kind.DECIMAL, 1),
    WEAKENING_TIES("weakening_ties", "Weakening ties", Kind.COUNT, -1),
    DORMANT_TIES("dormant_ties", "Dormant ties", Kind.COUNT, -1),
    WEAKENING_MENTORSHIPS("weakening_mentorships", "Weakening or dormant mentorships", Kind.COUNT, -1),
    FADING_BRIDGES("fading_bridges", "Fading bridges between groups", Kind.COUNT, -1),
    SHRINKING("people_with_shrinking_network", "People whose network shrinks", Kind.COUNT, -1),
    NEWCOMERS("newcomers_without_mentor", "Newcomers without a mentor", Kind.COUNT, -1),
    BROKERAGE("brokerage_top1pct_share", "Betweenness held by the top 1%", Kind.PERCENT, 0);

    enum Kind {
        COUNT,
        DECIMAL,
        RATIO,
        PERCENT
    }

    final String key;
    final String label;
    final Kind kind;
    final int goodDirection;

    HeadlineFigure(String key, String label, Kind kind, int goodDirection) {
        this.key = key;
        this.label = label;
        this.kind = kind;
        this.goodDirection = goodDirection;
    }

    /** The value as the page shows it. */
    String format(Number v) {
        if (v == null) return "–";
        double d = v.doubleValue();
        return switch (kind) {
            case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(d));
            case DECIMAL -> String.format(Locale.ROOT, "%.1f", d);
            case RATIO -> String.format(Locale.ROOT, "%.3f", d);
            case PERCENT -> String.format(Locale.ROOT, "%.1f%%", 100 * d);
        };
    }

    /** A value on a chart's axis: like {@link #format}, with one more decimal for ratios (their runs differ in the fourth). */
    String formatAxis(double v) {
        return kind == Kind.RATIO ? String.format(Locale.ROOT, "%.4f", v) : format(v);
    }

    /** A change as the page shows it: signed, percentage points for shares. */
    String formatChange(Number change) {
        if (change == null) return "";
        double d = change.doubleValue();
        String s = switch (kind) {
            case COUNT -> String.format(Locale.ROOT, "%+,d", Math.round(d));
            case DECIMAL -> String.format(Locale.ROOT, "%+.1f", d);
            case RATIO -> String.format(Locale.ROOT, "%+.4f", d);
            case PERCENT -> String.format(Locale.ROOT, "%+.1f pts", 100 * d);
        };
        return s.replace('-', '−');
    }
}
