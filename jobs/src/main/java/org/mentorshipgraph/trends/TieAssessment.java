package org.mentorshipgraph.trends;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mentorshipgraph.algorithms.ties.BinomialTest;
import org.mentorshipgraph.algorithms.ties.BridgeRisk;
import org.mentorshipgraph.algorithms.ties.TieActivity;
import org.mentorshipgraph.algorithms.ties.TieStatus;
import org.mentorshipgraph.algorithms.ties.TieTrend;
import org.mentorshipgraph.algorithms.ties.TieTrendRules;
import org.mentorshipgraph.config.JobConfig;
import org.mentorshipgraph.ingest.Mentorship;
import org.mentorshipgraph.ingest.Person;
import org.mentorshipgraph.ties.OrgGraph;
import org.mentorshipgraph.ties.Tie;

/**
 * "Which relationships are fading?": judges every tie with {@link TieTrendRules} and flags what matters most —
 * declared mentorships that weaken, ties across teams or communities that weaken, people whose whole network
 * shrinks, newcomers with few ties and no mentor. Pure driver-side code over collected ties.
 */
public final class TieAssessment {
    private TieAssessment() {}

    static final double DAY_MS = 86_400_000.0;

    /** A fading tie is flagged when it was established: at least this many contacts in the baseline window (mentorships always). */
    public static final int MIN_BASELINE_TO_FLAG = 3;

    public record Result(List<AssessedTie> ties, PersonFlags people) {}

    public static Result assess(
            List<Tie> ties,
            OrgGraph org,
            int[] community,
            List<Mentorship> mentorships,
            LocalDate asOf,
            long asOfEndMs,
            JobConfig config) {
        TieTrendRules rules = config.trendRules();
        Set<String> mentorPairs = new HashSet<>();
        int n = org.size();
        boolean[] hasMentor = new boolean[n];
        for (Mentorship m : mentorships) {
            if (!m.activeOn(asOf)) continue;
            mentorPairs.add(pairKey(m.mentorId(), m.menteeId()));
            Integer mentee = org.indexOf(m.menteeId());
            if (mentee != null) hasMentor[mentee] = true;
        }
        double[] recentW = new double[n], baselineW = new double[n];
        int[] recentC = new int[n], baselineC = new int[n];
        int[] activeTies = new int[n];
        boolean[] onlyTieIsMentorship = new boolean[n];
        List<AssessedTie> out = new ArrayList<>(ties.size());
        BridgeRisk risk = new BridgeRisk(org.graph());
        for (Tie t : ties) {
            double daysSinceLast = (asOfEndMs - t.lastMs()) / DAY_MS;
            double daysSinceFirst = (asOfEndMs - t.firstMs()) / DAY_MS;
            TieTrend trend = rules.judge(new TieActivity(
                    t.recentCount(),
                    t.baselineCount(),
                    t.recentWeight(),
                    t.baselineWeight(),
                    t.beforeRecent(),
                    daysSinceFirst,
                    daysSinceLast,
                    t.usualGapDays()));
            int a = org.indexOf(t.personA()), b = org.indexOf(t.personB());
            boolean active = t.strength() >= config.minStrength();
            boolean mentorship = mentorPairs.contains(pairKey(t.personA(), t.personB()));
            boolean crossTeam = org.teamOf()[a] != org.teamOf()[b];
            boolean crossCommunity = community[a] != community[b];
            boolean fading = trend.status() == TieStatus.WEAKENING || trend.status() == TieStatus.DORMANT;
            double bridgeRisk = fading && active ? risk.of(a, b) : Double.NaN;
            int priority = !fading
                    ? 9
                    : mentorship
                            ? 1
                            : t.baselineCount() < MIN_BASELINE_TO_FLAG ? 9 : (crossTeam || crossCommunity) ? 2 : 3;
            out.add(new AssessedTie(t, trend, active, mentorship, crossTeam, crossCommunity, bridgeRisk, priority));
            for (int p : new int[] {a, b}) {
                recentW[p] += t.recentWeight();
                baselineW[p] += t.baselineWeight();
                recentC[p] += t.recentCount();
                baselineC[p] += t.baselineCount();
                if (active) activeTies[p]++;
            }
            if (active && mentorship) {
                onlyTieIsMentorship[a] = true;
                onlyTieIsMentorship[b] = true;
            }
        }
        boolean[] shrinking = new boolean[n];
        boolean[] newcomer = new boolean[n];
        boolean[] mentorshipOnly = new boolean[n];
        double[] recentRate = new double[n], baselineRate = new double[n];
        double pShare = rules.recentDays() / (rules.recentDays() + rules.baselineDays());
        for (int i = 0; i < n; i++) {
            recentRate[i] = recentW[i] / rules.recentDays();
            baselineRate[i] = baselineW[i] / rules.baselineDays();
            int total = recentC[i] + baselineC[i];
            shrinking[i] = baselineRate[i] > 0
                    && recentRate[i] <= (1 - config.shrinkShare()) * baselineRate[i]
                    && total > 0
                    && BinomialTest.lowerTail(recentC[i], total, pShare) < rules.significance();
            Person p = org.person(i);
            boolean isNew = p.hireDate() != null
                    && !p.hireDate().isAfter(asOf)
                    && ChronoUnit.DAYS.between(p.hireDate(), asOf) <= config.newcomerDays();
            newcomer[i] = isNew && !hasMentor[i] && activeTies[i] < config.newcomerMinTies();
            mentorshipOnly[i] = hasMentor[i] && activeTies[i] == 1 && onlyTieIsMentorship[i];
        }
        return new Result(
                out, new PersonFlags(shrinking, recentRate, baselineRate, newcomer, mentorshipOnly, hasMentor));
    }

    static String pairKey(String x, String y) {
        return x.compareTo(y) < 0 ? x + "\u0000" + y : y + "\u0000" + x;
    }
}
