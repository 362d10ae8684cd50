package org.mentorshipgraph.files;

import static org.mentorshipgraph.files.Table.Type.BOOLEAN;
import static org.mentorshipgraph.files.Table.Type.DOUBLE;
import static org.mentorshipgraph.files.Table.Type.LONG;
import static org.mentorshipgraph.files.Table.Type.STRING;

import java.time.Instant;
import org.mentorshipgraph.algorithms.ties.TieTrend;
import org.mentorshipgraph.connectors.PersonMetrics;
import org.mentorshipgraph.ingest.Person;
import org.mentorshipgraph.ties.OrgGraph;
import org.mentorshipgraph.ties.Tie;
import org.mentorshipgraph.trends.AssessedTie;
import org.mentorshipgraph.trends.PersonFlags;
import org.mentorshipgraph.trends.TieAssessment;

/** The people and ties tables of a run, as written to CSV, Parquet and Neo4j. Columns are documented in the README. */
public final class ResultTables {
    private ResultTables() {}

    /** The people table's columns, empty (also what the Neo4j write benchmark fills with generated people). */
    public static Table peopleColumns() {
        return new Table("people")
                .column("person_id", STRING)
                .column("display_name", STRING)
                .column("team", STRING)
                .column("department", STRING)
                .column("title", STRING)
                .column("level", STRING)
                .column("manager_id", STRING)
                .column("hire_date", STRING)
                .column("degree", LONG)
                .column("strength", DOUBLE)
                .column("betweenness", DOUBLE)
                .column("constraint", DOUBLE)
                .column("effective_size", DOUBLE)
                .column("community", LONG)
                .column("team_participation", DOUBLE)
                .column("community_participation", DOUBLE)
                .column("cross_team_share", DOUBLE)
                .column("connector_score", DOUBLE)
                .column("connector_rank", LONG)
                .column("connector_reason", STRING)
                .column("recent_rate", DOUBLE)
                .column("baseline_rate", DOUBLE)
                .column("network_shrinking", BOOLEAN)
                .column("has_mentor", BOOLEAN)
                .column("newcomer_without_mentor", BOOLEAN)
                .column("mentorship_only_tie", BOOLEAN);
    }

    /** The ties table's columns, empty. */
    public static Table tieColumns() {
        return new Table("ties")
                .column("person_a", STRING)
                .column("person_b", STRING)
                .column("strength", DOUBLE)
                .column("active", BOOLEAN)
                .column("interactions", LONG)
                .column("channels", LONG)
                .column("channel_list", STRING)
                .column("reciprocity", DOUBLE)
                .column("first_interaction", STRING)
                .column("last_interaction", STRING)
                .column("days_since_last", DOUBLE)
                .column("usual_gap_days", DOUBLE)
                .column("recent_count", LONG)
                .column("baseline_count", LONG)
                .column("recent_rate", DOUBLE)
                .column("baseline_rate", DOUBLE)
                .column("rate_ratio", DOUBLE)
                .column("p_drop", DOUBLE)
                .column("p_rise", DOUBLE)
                .column("status", STRING)
                .column("status_reason", STRING)
                .column("mentorship", BOOLEAN)
                .column("cross_team", BOOLEAN)
                .column("cross_community", BOOLEAN)
                .column("bridge_risk", DOUBLE)
                .column("priority", LONG);
    }

    public static Table people(OrgGraph org, PersonMetrics m, PersonFlags f) {
        Table t = peopleColumns();
        for (int i = 0; i < org.size(); i++) {
            Person p = org.person(i);
            t.add(
                    p.id(),
                    p.displayName(),
                    p.team(),
                    p.department(),
                    p.title(),
                    p.level(),
                    p.managerId(),
                    p.hireDate() == null ? null : p.hireDate().toString(),
                    (long) m.degree()[i],
                    m.strength()[i],
                    m.betweenness()[i],
                    m.constraint()[i],
                    m.effectiveSize()[i],
                    (long) m.community()[i],
                    m.teamParticipation()[i],
                    m.communityParticipation()[i],
                    m.crossTeamShare()[i],
                    m.connectorScore()[i],
                    (long) m.rank()[i],
                    m.reason()[i],
                    f.recentRate()[i],
                    f.baselineRate()[i],
                    f.networkShrinking()[i],
                    f.hasMentor()[i],
                    f.newcomerWithoutMentor()[i],
                    f.mentorshipOnlyTie()[i]);
        }
        return t;
    }

    public static Table ties(TieAssessment.Result assessed, double asOfEndMs) {
        Table t = tieColumns();
        for (AssessedTie a : assessed.ties()) {
            Tie x = a.tie();
            TieTrend tr = a.trend();
            t.add(
                    x.personA(),
                    x.personB(),
                    x.strength(),
                    a.active(),
                    (long) x.interactions(),
                    (long) x.channels(),
                    x.channelList(),
                    x.reciprocity(),
                    Instant.ofEpochMilli(x.firstMs()).toString(),
                    Instant.ofEpochMilli(x.lastMs()).toString(),
                    (asOfEndMs - x.lastMs()) / 86_400_000.0,
                    x.usualGapDays(),
                    (long) x.recentCount(),
                    (long) x.baselineCount(),
                    tr.recentRate(),
                    tr.baselineRate(),
                    tr.rateRatio(),
                    tr.pDrop(),
                    tr.pRise(),
                    tr.status().label(),
                    tr.reason(),
                    a.mentorship(),
                    a.crossTeam(),
                    a.crossCommunity(),
                    a.bridgeRisk(),
                    (long) a.priority());
        }
        return t;
    }
}
