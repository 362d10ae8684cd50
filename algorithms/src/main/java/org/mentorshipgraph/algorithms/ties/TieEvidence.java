package org.mentorshipgraph.algorithms.ties;

/**
 * The evidence on one tie from {@link TieTests#test}: everything the verdict needs except the run-wide q-value, so that
 * the tests run per tie where the ties are (a Spark partition) and the verdict after one global sort.
 *
 * @param isNew                no contact before R: not tested, not in the false-discovery family
 * @param silent               no contact at all in R: the dormant test decides ({@code pFade = pSilence})
 * @param pFade                the tie's p-value in the run's false-discovery family: {@code pSilence} when silent,
 *                             else {@code pDrop}; NaN when new
 * @param pDrop                lower tail of the recent count (beta-binomial, exact or mid-p); 1 when untestable
 * @param pRise                upper tail of the recent count (exact); 1 when untestable
 * @param pSilence             probability of a silence this long under the tie's baseline; NaN when not silent
 * @param recentRate           weighted contacts per calendar day in R (as {@link TieTrend#recentRate})
 * @param baselineRate         weighted contacts per calendar day in B
 * @param recentRateAdjusted   weighted contacts in R per ordinary day of activity, {@code w_R / A(R)}
 * @param baselineRateAdjusted weighted contacts in B per ordinary day of activity, {@code w_B / A(B)}
 * @param rateRatio            the ratio rule's ratio: {@code (c_R / E_R) / (c_B / E_B)} on counts, with the activity
 *                             and absences set aside; NaN when a window has no exposure or no baseline contact
 * @param ratioIgnoringAbsence the same ratio with the activity profile only (absences not set aside)
 * @param recentContacts       c_R, contacts in R on days both people were there
 * @param baselineContacts     c_B, likewise in B (from the day after the first contact when the tie began in B)
 * @param expectedShare        {@code E_R / (E_R + E_B)}, the share of the activity in R
 * @param silenceDays          calendar days since the last contact day (0 when the last contact was on the last day)
 * @param silenceActivity      ordinary days of activity in that silence, both people there
 * @param dispersion           φ of the tie's weekly contact counts before R (≥ 1), used by the drop test
 * @param dispersionOfDays     φ of its weekly contact-day counts before R (≥ 1), used by the silence test
 * @param contactDays          contact days after the first, both people there (the silence test's trials)
 * @param awayParty            0 nobody, 1 the first person (a), 2 the second (b), 3 both away during R
 * @param awaySince            first day away in R's away stretch (the earliest if both), −1 when nobody
 * @param firstDay             first contact day in the look-back
 * @param lastDay              last contact day
 * @param lookbackDays         L
 * @param pMin                 the smallest p-value the tie's fading test could give with the contacts it has, had
 *                             they all fallen before R (a function of its totals, not of how they split between R and
 *                             B): what decides whether the tie is in the run's false-discovery family
 *                             ({@link FalseDiscovery#taroneThreshold}); NaN when new
 */
public record TieEvidence(
        boolean isNew,
        boolean silent,
        double pFade,
        double pDrop,
        double pRise,
        double pSilence,
        double recentRate,
        double baselineRate,
        double recentRateAdjusted,
        double baselineRateAdjusted,
        double rateRatio,
        double ratioIgnoringAbsence,
        int recentContacts,
        int baselineContacts,
        double expectedShare,
        int silenceDays,
        double silenceActivity,
        double dispersion,
        double dispersionOfDays,
        int contactDays,
        int awayParty,
        int awaySince,
        int firstDay,
        int lastDay,
        int lookbackDays,
        double pMin)
        implements java.io.Serializable {

    /** Whether the tie belongs to the run's false-discovery family (every tie that is not new). */
    public boolean tested() {
        return !isNew;
    }

    /** Whether one side (or both) was away during R. */
    public boolean away() {
        return awayParty != 0;
    }
}
