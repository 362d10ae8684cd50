package org.mentorshipgraph.algorithms.ties;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Calibrated tie statuses: {@code weakening} and {@code dormant} as tests of one null hypothesis, "this tie kept its
 * share of the activity around it", under false-discovery control over all the ties of a run; {@code paused} when one
 * side was away. The successor of the silence rule of earlier versions (dormant after 3 usual gaps), which called one
 * steady sparse tie in six dormant.
 *
 * <h2>Time frame</h2>
 *
 * Days of the look-back are indexed 0..L−1 ({@link ActivityProfile}); R = [L − r, L), B = [L − r − b, L − r). The
 * exposure of a day is {@code e(d) = a(d)} (the activity profile), or 0 when either person is away that day ({@link
 * Absence}); contacts on days of exposure 0 are set aside. E(W) = Σ_{d∈W} e(d). A tie is tested conditionally on its
 * first contact day f in the look-back (a Poisson process restarted at an event is again a Poisson process on what
 * follows): its windows start at f + 1 when f falls inside them, and the first day's own contacts are not counted.
 *
 * <h2>The two tests (one p-value per tie)</h2>
 *
 * <ol>
 *   <li><b>Drop</b> (the tie had a contact in R): c_R of the n = c_R + c_B contacts in R ∪ B fall in R. Under the null
 *       {@code c_R ~ Binomial(n, p)} with the activity-adjusted share {@code p = E(R) / (E(R) + E(B))} (Kossinets &amp;
 *       Watts, Science 311, 2006, with the window lengths replaced by expected activity), widened to a beta-binomial
 *       for the tie's own over-dispersion φ ({@link BetaBinomialTest}): {@code pDrop = P(X ≤ c_R)}, or the mid-p
 *       {@code P(X < c_R) + ½·P(X = c_R)} when {@code midP}. φ is the Pearson dispersion of the tie's contacts in
 *       blocks of {@code blockDays} days before R, {@code φ = max(1, X²/(k − 1))}, {@code X² = Σ_k (c_k − n'E_k/E')² /
 *       (n'E_k/E')} over the k blocks (a partial oldest block joins its neighbour), n' and E' their totals (McCullagh &amp;
 *       Nelder 1989, §4.5); the blocks lie before R, so a drop in R does not hide itself.</li>
 *   <li><b>Silence</b> (no contact at all in R, the dormant test): the tie's N contact <i>days</i> after f (days, not
 *       contacts: a burst of ten messages in one afternoon is one day of contact) fall on days d &gt; f with
 *       probability ∝ e(d). A silence S of the last s days, from the day after the last contact day to T, then has
 *       <pre>  pSilence = (1 − E(S) / E(f + 1, L))^(N / φ_days)  ≈ exp(−λ̂ · E(S)),  λ̂ = N / E(f + 1, L)</pre>
 *       the conditional (exact for Poisson contact days) form of P = e^{−λ·s_adj}: λ the tie's contact days per
 *       ordinary day, s_adj = E(S) the silence in ordinary days of activity (a company holiday counts for about 0.1 a
 *       day). φ_days, the dispersion of the tie's weekly contact-day counts before R, turns N into N/φ_days
 *       independent contacts for a tie whose contacts cluster in busy weeks. The Poisson form is conservative where
 *       contact days are nearly every day (sampling days without replacement makes a silence rarer still).</li>
 * </ol>
 *
 * The tie's p-value in the run's family is {@code pFade = silent ? pSilence : pDrop}; every tie that is not new is in
 * the family. {@link FalseDiscovery#qValues} over the family (in Spark: two windows over one sort) gives each tie its
 * q.
 *
 * <h2>Verdict ({@link #verdict}), first match wins</h2>
 *
 * <ol>
 *   <li><b>new</b>: no contact before R, or one contact day before R and the rest in R (not tested);</li>
 *   <li><b>dormant</b>: silent through R and {@code q ≤ fdr};</li>
 *   <li><b>weakening</b>: {@code q ≤ fdr} and the ratio rule {@code (c_R/E_R)/(c_B/E_B) < weakeningRatio};</li>
 *   <li><b>paused</b>: one side was away during R and, leaving the absence aside, the tie looks faded (silent through
 *       R, or its activity-adjusted ratio below weakeningRatio) — the tests with the absence set aside found nothing;
 *   </li>
 *   <li><b>strengthening</b>: ratio above {@code 1/weakeningRatio} and the exact upper tail {@code P(X ≥ c_R) <
 *       significance} (not under FDR: it asks nobody to act);</li>
 *   <li><b>stable</b>: everything else, with a reason; a silent tie whose silence is ordinary says "quiet for 40 days,
 *       usual for a tie this sparse (p = 0.31)".</li>
 * </ol>
 *
 * The expected number of false alarms in the fading list is {@link #expectedFalseAlarms}.
 *
 * <h2>Calling it from the job (Spark)</h2>
 *
 * <ol>
 *   <li>Per day, for the profile: {@code groupBy(pmod(hash(a, b), G), day).count()} over the ties whose first contact
 *       is before B, G = {@link ActivityProfile#groupsFor}, collected as a G × L array; {@link
 *       ActivityProfile#estimate} on the driver; broadcast (L doubles).</li>
 *   <li>Per person: the sorted distinct contact days ({@code collect_set(day)} over both ends of every interaction),
 *       {@link Absence#detect} in a map; the people with stretches (few) broadcast as person index → stretches.</li>
 *   <li>Per tie, in the partition (today's {@code TieJudge}): {@link TieHistory} from {@code groupBy(a, b, day).count()}
 *       collected per tie (days and counts) plus the R and B weights it has now; {@link #test}(history, profile,
 *       stretches of a, stretches of b) → {@link TieEvidence}, kept as columns (at least pFade, tested, silent,
 *       rateRatio, ratioIgnoringAbsence, awayParty, awaySince and what the reasons print).</li>
 *   <li>Over the run: q-values over the rows with {@code tested}, by the window formula of {@link FalseDiscovery}.</li>
 *   <li>Per tie again: {@link #verdict}(evidence, q, a, b, look-back start) → status and reason; {@link
 *       TieVerdict#toTrend} gives today's columns. The list's expected false alarms: {@code min(listed, m · max p of
 *       the listed)} ({@link FalseDiscovery#expectedFalseAlarms}).</li>
 * </ol>
 *
 * <h2>Cost</h2>
 *
 * {@link #test}: O(k + L/blockDays + s + n) time for k contact days, s away stretches of the two people and the tail
 * sums (O(n) for n contacts in R ∪ B); O(L/blockDays) memory. The verdicts of a run: O(m log m) for the q-values.
 *
 * @param recentDays     r = |R| in days
 * @param baselineDays   b = |B| in days
 * @param weakeningRatio ratio rule threshold in (0, 1), default 0.5
 * @param significance   α of the (uncorrected) strengthening test and of the per-tie level the tests are calibrated to,
 *                       default 0.05
 * @param fdr            false discovery rate of the fading list, default 0.1
 * @param midP           mid-p for the drop test (more power; see TieTestsCalibrationTest for its level)
 * @param blockDays      block length of the dispersion estimate, default 7 (a week)
 */
public record TieTests(
        int recentDays,
        int baselineDays,
        double weakeningRatio,
        double significance,
        double fdr,
        boolean midP,
        int blockDays)
        implements java.io.Serializable {

    /** The status of a tie that fell quiet while one side was away. */
    static final TieStatus PAUSED = TieStatus.PAUSED;

    public TieTests {
        if (recentDays < 1) throw new IllegalArgumentException("recent window must be >= 1 day");
        if (baselineDays < 1) throw new IllegalArgumentException("baseline window must be >= 1 day");
        if (!(weakeningRatio > 0 && weakeningRatio < 1))
            throw new IllegalArgumentException("weakening ratio must be in (0,1)");
        if (!(significance > 0 && significance < 1))
            throw new IllegalArgumentException("significance must be in (0,1)");
        if (!(fdr > 0 && fdr < 1)) throw new IllegalArgumentException("fdr must be in (0,1)");
        if (blockDays < 1) throw new IllegalArgumentException("block must be >= 1 day");
    }

    /**
     * R = 28 days, B = 84, ratio 0.5, α = 0.05, fdr = 0.1, the exact drop test (mid-p is slightly above the nominal
     * level on over-dispersed ties: see TieTestsCalibrationTest), weekly blocks.
     */
    public static TieTests defaults() {
        return new TieTests(28, 84, 0.5, 0.05, 0.1, false, 7);
    }

    /** {@link #test(TieHistory, ActivityProfile, List, List)} with nobody away. */
    public TieEvidence test(TieHistory tie, ActivityProfile profile) {
        return test(tie, profile, List.of(), List.of());
    }

    /**
     * The per-tie tests (see the class comment).
     *
     * @param tie     the tie's contact days and counts
     * @param profile the activity profile the tie is judged against (the organisation's, or its team's)
     * @param awayA   the away stretches of the first person (a), from {@link Absence#detect}
     * @param awayB   those of the second person (b)
     */
    public TieEvidence test(TieHistory tie, ActivityProfile profile, List<AwayStretch> awayA, List<AwayStretch> awayB) {
        int L = profile.days(), rs = L - recentDays, bs = rs - baselineDays;
        if (bs < 0)
            throw new IllegalArgumentException(
                    "the look-back (" + L + " days) is shorter than R + B (" + (recentDays + baselineDays) + ")");
        int[] days = tie.days(), counts = tie.contacts();
        int k = days.length, first = days[0], last = days[k - 1];
        if (last >= L) throw new IllegalArgumentException("contact day " + last + " outside the look-back of " + L);
        double recentRate = tie.recentWeight() / recentDays, baselineRate = tie.baselineWeight() / baselineDays;
        double aR = profile.sum(rs, L), aB = profile.sum(bs, rs);
        double recentAdj = aR > 0 ? tie.recentWeight() / aR : Double.NaN;
        double baselineAdj = aB > 0 ? tie.baselineWeight() / aB : Double.NaN;
        Exposure ex = new Exposure(profile, awayA, awayB);
        int awayParty = (Absence.awayDuring(awayA, rs, L) ? 1 : 0) | (Absence.awayDuring(awayB, rs, L) ? 2 : 0);
        int awaySince = awaySince(awayA, awayB, rs, L);
        int silenceDays = L - 1 - last;

        // new: nothing before R, or a single contact day before it (one group meeting in August does not make a tie
        // whose fading could be judged) and contacts in R since
        if (first >= rs || k >= 2 && days[1] >= rs) {
            return new TieEvidence(
                    true,
                    false,
                    Double.NaN,
                    1.0,
                    1.0,
                    Double.NaN,
                    recentRate,
                    baselineRate,
                    recentAdj,
                    baselineAdj,
                    Double.NaN,
                    Double.NaN,
                    0,
                    0,
                    Double.NaN,
                    silenceDays,
                    Double.NaN,
                    1.0,
                    1.0,
                    k - 1,
                    awayParty,
                    awaySince,
                    first,
                    last,
                    L,
                    Double.NaN);
        }
        boolean silent = last < rs;
        int baseFrom = Math.max(bs, first + 1);

        // counts in R and B on days both were there (the first day is the conditioning event: never counted)
        int cR = 0, cB = 0, cRraw = 0, cBraw = 0, nDays = 0;
        for (int i = 1; i < k; i++) {
            int d = days[i];
            boolean present = ex.at(d) > 0;
            if (present) nDays++;
            if (d >= rs) {
                cRraw += counts[i];
                if (present) cR += counts[i];
            } else if (d >= baseFrom) {
                cBraw += counts[i];
                if (present) cB += counts[i];
            }
        }
        double eR = ex.sum(rs, L), eB = ex.sum(baseFrom, rs);
        double rR = profile.sum(rs, L), rB = profile.sum(baseFrom, rs);
        double ratio = ratio(cR, eR, cB, eB), ratioRaw = ratio(cRraw, rR, cBraw, rB);
        double[] phi = dispersion(days, counts, first, rs, ex);

        int n = cR + cB;
        double share = eR + eB > 0 ? eR / (eR + eB) : Double.NaN;
        double pDrop = 1.0, pRise = 1.0;
        if (n > 0 && eR > 0 && eB > 0) {
            double rho = BetaBinomialTest.rhoForDispersion(phi[0], n);
            pDrop = midP
                    ? BetaBinomialTest.lowerTailMidP(cR, n, share, rho)
                    : BetaBinomialTest.lowerTail(cR, n, share, rho);
            pRise = BetaBinomialTest.upperTail(cR, n, share, rho);
        }
        double pSilence = Double.NaN, silenceActivity = ex.sum(last + 1, L);
        if (silent) {
            double span = ex.sum(first + 1, L);
            pSilence = nDays == 0 || !(span > 0)
                    ? 1.0
                    : Math.exp(nDays / phi[1] * Math.log1p(-Math.min(1.0, silenceActivity / span)));
        }
        double pFade = silent ? pSilence : pDrop;
        double pMin =
                smallestP(n, rR + rB > 0 ? rR / (rR + rB) : Double.NaN, phi, nDays, rR, profile.sum(first + 1, L));
        return new TieEvidence(
                false,
                silent,
                pFade,
                pDrop,
                pRise,
                pSilence,
                recentRate,
                baselineRate,
                recentAdj,
                baselineAdj,
                ratio,
                ratioRaw,
                cR,
                cB,
                share,
                silenceDays,
                silenceActivity,
                phi[0],
                phi[1],
                nDays,
                awayParty,
                awaySince,
                first,
                last,
                L,
                pMin);
    }

    /**
     * The smallest p-value a tie with these totals could have as nobody away: its n contacts of R ∪ B all in B (the
     * drop test at c_R = 0), or its contact days all before R (the silence test with the silence covering R), whichever
     * is smaller, with the shares of the activity profile alone. It depends on the totals and the profile only, never
     * on how the contacts split between R and B nor on anyone's absence, so choosing the family by it keeps the
     * p-values of the ties kept valid (Tarone 1990; Bourgon, Gentleman &amp; Huber, PNAS 107, 2010). A tie whose
     * silence is much longer than R can have a p-value below it: a sparse tie that stopped months ago is left out of
     * the family (too few contacts to judge in R), the price of the family's power.
     */
    private double smallestP(int n, double share, double[] phi, int nDays, double exposureR, double span) {
        double drop = 1.0, silence = 1.0;
        if (n > 0 && share > 0 && share < 1) {
            double rho = BetaBinomialTest.rhoForDispersion(phi[0], n);
            drop = midP
                    ? BetaBinomialTest.lowerTailMidP(0, n, share, rho)
                    : BetaBinomialTest.lowerTail(0, n, share, rho);
        }
        if (nDays > 0 && span > 0) silence = Math.exp(nDays / phi[1] * Math.log1p(-Math.min(1.0, exposureR / span)));
        return Math.min(drop, silence);
    }

    private static double ratio(double cR, double eR, double cB, double eB) {
        return eR > 0 && eB > 0 && cB > 0 ? (cR / eR) / (cB / eB) : Double.NaN;
    }

    private static int awaySince(List<AwayStretch> a, List<AwayStretch> b, int from, int to) {
        int since = -1;
        for (List<AwayStretch> l : List.of(a, b))
            for (AwayStretch s : l) if (s.overlaps(from, to) && (since < 0 || s.fromDay() < since)) since = s.fromDay();
        return since;
    }

    /**
     * Pearson dispersion of contacts ([0]) and of contact days ([1]) in blocks of {@code blockDays} ending at R's start,
     * from the day after the first contact; 1 with fewer than two blocks or no contact.
     */
    double[] dispersion(int[] days, int[] counts, int first, int rs, Exposure ex) {
        int from = first + 1;
        if (from >= rs) return new double[] {1.0, 1.0};
        int blocks = (rs - from + blockDays - 1) / blockDays;
        // block j covers [rs − (j+1)·blockDays, rs − j·blockDays) ∩ [from, rs); a partial oldest block joins block j−1
        if (blocks >= 2 && (rs - from) % blockDays != 0) blocks--;
        if (blocks < 2) return new double[] {1.0, 1.0};
        double[] e = new double[blocks], c = new double[blocks], cd = new double[blocks];
        for (int j = 0; j < blocks; j++) {
            int hi = rs - j * blockDays, lo = j == blocks - 1 ? from : rs - (j + 1) * blockDays;
            e[j] = ex.sum(lo, hi);
        }
        for (int i = 1; i < days.length && days[i] < rs; i++) {
            int d = days[i];
            if (d < from || !(ex.at(d) > 0)) continue;
            int j = Math.min(blocks - 1, (rs - 1 - d) / blockDays);
            c[j] += counts[i];
            cd[j] += 1;
        }
        return new double[] {pearson(c, e), pearson(cd, e)};
    }

    private static double pearson(double[] c, double[] e) {
        double n = 0, exposure = 0;
        int used = 0;
        for (int j = 0; j < c.length; j++) {
            if (e[j] > 0) {
                n += c[j];
                exposure += e[j];
                used++;
            }
        }
        if (used < 2 || n == 0) return 1.0;
        double x2 = 0;
        for (int j = 0; j < c.length; j++) {
            if (!(e[j] > 0)) continue;
            double expected = n * e[j] / exposure;
            x2 += (c[j] - expected) * (c[j] - expected) / expected;
        }
        return Math.max(1.0, x2 / (used - 1));
    }

    /** {@link #verdict(TieEvidence, double, String, String, LocalDate)} naming the people "a" and "b" and days by index. */
    public TieVerdict verdict(TieEvidence e, double q) {
        return verdict(e, q, "a", "b", null);
    }

    /**
     * The tie's status from its evidence and its q-value in the run (see the class comment).
     *
     * @param personA       name or id of the first person, for the reason of a paused tie
     * @param personB       name or id of the second person
     * @param lookbackStart the date of day 0, for dates in reasons (null: days by index)
     */
    public TieVerdict verdict(TieEvidence e, double q, String personA, String personB, LocalDate lookbackStart) {
        if (e.isNew()) {
            boolean before = e.firstDay() < e.lookbackDays() - recentDays;
            return new TieVerdict(
                    TieStatus.NEW,
                    e,
                    Double.NaN,
                    before
                            ? String.format(
                                    Locale.ROOT,
                                    "a single contact day before the recent window (%d days ago), %d contact day(s) in it",
                                    e.lookbackDays() - e.firstDay(),
                                    e.contactDays())
                            : String.format(
                                    Locale.ROOT,
                                    "first contact %d days ago, %d contact day(s) since",
                                    e.lookbackDays() - e.firstDay(),
                                    e.contactDays() + 1));
        }
        boolean called = q <= fdr;
        if (e.silent() && called) {
            return new TieVerdict(
                    TieStatus.DORMANT,
                    e,
                    q,
                    String.format(
                            Locale.ROOT,
                            "silent for %d days (%.1f ordinary days of activity) after %d contact days: p=%.2g, q=%.2g",
                            e.silenceDays(),
                            e.silenceActivity(),
                            e.contactDays() + 1,
                            e.pSilence(),
                            q));
        }
        if (!e.silent() && called && e.rateRatio() < weakeningRatio) {
            return new TieVerdict(
                    TieStatus.WEAKENING,
                    e,
                    q,
                    String.format(
                            Locale.ROOT,
                            "%s (%.0f%% of its share of the activity), p=%.2g, q=%.2g",
                            rates(e),
                            e.rateRatio() * 100,
                            e.pDrop(),
                            q));
        }
        if (e.away() && (e.silent() || e.ratioIgnoringAbsence() < weakeningRatio)) {
            String who = switch (e.awayParty()) {
                case 1 -> personA;
                case 2 -> personB;
                default -> personA + " and " + personB;
            };
            String since = lookbackStart == null
                    ? "day " + e.awaySince()
                    : lookbackStart.plusDays(e.awaySince()).toString();
            return new TieVerdict(PAUSED, e, q, String.format(Locale.ROOT, "paused: %s away since %s", who, since));
        }
        double ratio = e.rateRatio();
        if (!e.silent()
                && (Double.isNaN(ratio) || ratio > 1 / weakeningRatio)
                && e.pRise() < significance
                && e.recentContacts() > 0) {
            return new TieVerdict(
                    TieStatus.STRENGTHENING, e, q, String.format(Locale.ROOT, "%s, p=%.2g", rates(e), e.pRise()));
        }
        String why;
        boolean outside = Double.isNaN(q);
        if (e.contactDays() == 0) why = "a single contact day: too little to judge a trend";
        else if (outside && e.silent() && e.pSilence() < significance)
            why = String.format(
                    Locale.ROOT,
                    "quiet for %d days; too few contacts to tell a fade from chance among this run's ties (p = %.2g)",
                    e.silenceDays(),
                    e.pSilence());
        else if (outside && e.pDrop() < significance)
            why = String.format(
                    Locale.ROOT,
                    "%s; too few contacts to tell a fade from chance among this run's ties (p = %.2g)",
                    rates(e),
                    e.pDrop());
        else if (e.silent() && e.pSilence() < significance)
            why = String.format(
                    Locale.ROOT,
                    "quiet for %d days, unusual for this tie (p = %.2g) but not enough to list among this run's ties "
                            + "(q = %.2g)",
                    e.silenceDays(),
                    e.pSilence(),
                    q);
        else if (e.silent())
            why = String.format(
                    Locale.ROOT,
                    "quiet for %d days, usual for a tie this sparse (p = %.2f)",
                    e.silenceDays(),
                    e.pSilence());
        else why = String.format(Locale.ROOT, "%s (p = %.2f)", rates(e), e.pDrop());
        return new TieVerdict(TieStatus.STABLE, e, q, why);
    }

    /** The tie's raw rates as the reasons print them: "1.50/week recently vs 4.71/week before". */
    private static String rates(TieEvidence e) {
        return String.format(
                Locale.ROOT, "%.2f/week recently vs %.2f/week before", e.recentRate() * 7, e.baselineRate() * 7);
    }

    /**
     * The pure-Java reference of a run: q-values over every tested tie ({@link FalseDiscovery#qValues}), then the
     * verdicts, in the order given.
     */
    public List<TieVerdict> judgeAll(List<TieEvidence> evidence) {
        double[] q = qValues(evidence);
        List<TieVerdict> out = new ArrayList<>(evidence.size());
        for (int i = 0; i < evidence.size(); i++) out.add(verdict(evidence.get(i), q[i]));
        return out;
    }

    /**
     * Each tie's q-value in the run's family: the tested ties whose smallest attainable p-value passes Tarone's rule
     * ({@link FalseDiscovery#taroneThreshold}); NaN for new ties and for ties outside the family.
     */
    public double[] qValues(List<TieEvidence> evidence) {
        double[] pMin = new double[evidence.size()];
        for (int i = 0; i < pMin.length; i++)
            pMin[i] = evidence.get(i).tested() ? evidence.get(i).pMin() : Double.NaN;
        double t = FalseDiscovery.taroneThreshold(pMin, fdr);
        int m = 0;
        for (TieEvidence e : evidence) if (inFamily(e, t)) m++;
        double[] p = new double[m];
        int j = 0;
        for (TieEvidence e : evidence) if (inFamily(e, t)) p[j++] = e.pFade();
        double[] qFamily = FalseDiscovery.qValues(p);
        double[] q = new double[evidence.size()];
        j = 0;
        for (int i = 0; i < q.length; i++) q[i] = inFamily(evidence.get(i), t) ? qFamily[j++] : Double.NaN;
        return q;
    }

    /** Whether a tie is in the false-discovery family at Tarone threshold t. */
    public static boolean inFamily(TieEvidence e, double t) {
        return e.tested() && e.pMin() <= t;
    }

    /**
     * Upper estimate of the false alarms in the fading list of a run ({@link FalseDiscovery#expectedFalseAlarms}): m
     * ties in the family (those with a q-value), the list's size and its largest p-value.
     */
    public static double expectedFalseAlarms(List<TieVerdict> verdicts) {
        int m = 0, listed = 0;
        double largest = Double.NaN;
        for (TieVerdict v : verdicts) {
            if (!Double.isNaN(v.qValue())) m++;
            if (v.fading()) {
                listed++;
                double p = v.evidence().pFade();
                if (Double.isNaN(largest) || p > largest) largest = p;
            }
        }
        return FalseDiscovery.expectedFalseAlarms(m, listed, largest);
    }

    /** Ties sorted by p, for reading a run's list: the fading ones first. */
    public static Comparator<TieVerdict> byEvidence() {
        return Comparator.comparingDouble(
                v -> v.evidence().isNew() ? 2.0 : v.evidence().pFade());
    }

    /** The profile with the away days of two people set to 0. */
    static final class Exposure {
        private final ActivityProfile profile;
        private final int[] from, to; // merged, sorted, disjoint

        Exposure(ActivityProfile profile, List<AwayStretch> a, List<AwayStretch> b) {
            this.profile = profile;
            List<int[]> all = new ArrayList<>();
            for (AwayStretch s : a) all.add(new int[] {s.fromDay(), s.toDay()});
            for (AwayStretch s : b) all.add(new int[] {s.fromDay(), s.toDay()});
            all.sort(Comparator.comparingInt(x -> x[0]));
            List<int[]> merged = new ArrayList<>();
            for (int[] s : all) {
                if (!merged.isEmpty() && s[0] <= merged.get(merged.size() - 1)[1])
                    merged.get(merged.size() - 1)[1] = Math.max(merged.get(merged.size() - 1)[1], s[1]);
                else merged.add(s.clone());
            }
            from = new int[merged.size()];
            to = new int[merged.size()];
            for (int i = 0; i < from.length; i++) {
                from[i] = merged.get(i)[0];
                to[i] = merged.get(i)[1];
            }
        }

        double at(int d) {
            for (int i = 0; i < from.length; i++) if (d >= from[i] && d < to[i]) return 0.0;
            return profile.at(d);
        }

        double sum(int f, int t) {
            double s = profile.sum(f, t);
            for (int i = 0; i < from.length; i++) s -= profile.sum(Math.max(f, from[i]), Math.min(t, to[i]));
            return Math.max(0.0, s);
        }
    }
}
