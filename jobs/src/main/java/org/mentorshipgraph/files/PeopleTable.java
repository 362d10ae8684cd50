package org.mentorshipgraph.files;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.mentorshipgraph.connectors.PersonMetrics;
import org.mentorshipgraph.ingest.DirectoryReader;
import org.mentorshipgraph.schema.ResultTables;
import org.mentorshipgraph.schema.Schemas;
import org.mentorshipgraph.ties.OrgGraph;
import org.mentorshipgraph.trends.PersonFlags;

/**
 * The people table ({@link ResultTables#PEOPLE}), built in Spark: the per-person result arrays of the connectors and
 * tie-status steps are broadcast once, turned into rows on the executors (one per person index), and joined with the
 * directory for the columns only it has (department, title, level, manager, hire date). Sorted by person id.
 */
public final class PeopleTable {
    private PeopleTable() {}

    /** The columns computed on the driver, one array per column, aligned with the OrgGraph's indices. */
    record Columns(
            String[] id,
            String[] displayName,
            String[] team,
            int[] degree,
            double[] strength,
            double[] betweenness,
            double[] constraint,
            double[] effectiveSize,
            int[] community,
            double[] teamParticipation,
            double[] communityParticipation,
            double[] crossTeamShare,
            double[] connectorScore,
            int[] rank,
            String[] reason,
            double[] recentRate,
            double[] baselineRate,
            boolean[] shrinking,
            boolean[] hasMentor,
            boolean[] newcomer,
            boolean[] mentorshipOnly,
            boolean[] away,
            String[] awayFrom,
            String[] awayTo,
            String[] awaySource)
            implements Serializable {}

    private static final List<String> DIRECTORY_ONLY =
            List.of("department", "title", "level", "manager_id", "hire_date");

    private static final StructType COMPUTED = computedSchema();

    private static StructType computedSchema() {
        StructType s = new StructType();
        for (StructField f : ResultTables.PEOPLE.fields()) {
            if (!DIRECTORY_ONLY.contains(f.name())) s = s.add(f);
        }
        return s;
    }

    public static Dataset<Row> build(
            SparkSession spark, Dataset<Row> directory, OrgGraph org, PersonMetrics m, PersonFlags f) {
        Schemas.require(DirectoryReader.PEOPLE, directory, "files step (people directory)");
        int n = org.size();
        String[] names = new String[n], teams = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = org.displayName(i);
            teams[i] = org.team(i);
        }
        Columns c = new Columns(
                org.ids(),
                names,
                teams,
                m.degree(),
                m.strength(),
                m.betweenness(),
                m.constraint(),
                m.effectiveSize(),
                m.community(),
                m.teamParticipation(),
                m.communityParticipation(),
                m.crossTeamShare(),
                m.connectorScore(),
                m.rank(),
                m.reason(),
                f.recentRate(),
                f.baselineRate(),
                f.networkShrinking(),
                f.hasMentor(),
                f.newcomerWithoutMentor(),
                f.mentorshipOnlyTie(),
                f.away(),
                f.awayFrom(),
                f.awayTo(),
                f.awaySource());
        Broadcast<Columns> all =
                JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(c);
        Dataset<Row> computed = spark.range(n)
                .map((MapFunction<Long, Row>) l -> row(all.value(), (int) (long) l), Encoders.row(COMPUTED));
        Dataset<Row> dir = directory.select(
                col("person_id").as("dir_id"),
                col("department"),
                col("title"),
                col("level"),
                col("manager_id"),
                col("hire_date"));
        Dataset<Row> joined = computed.join(dir, computed.col("person_id").equalTo(dir.col("dir_id")), "left");
        List<Column> out = new ArrayList<>();
        for (String name : ResultTables.PEOPLE.fieldNames()) out.add(col(name));
        return joined.select(out.toArray(Column[]::new)).orderBy(col("person_id"));
    }

    private static Row row(Columns c, int i) {
        return RowFactory.create(
                c.id()[i],
                c.displayName()[i],
                c.team()[i],
                (long) c.degree()[i],
                c.strength()[i],
                c.betweenness()[i],
                c.constraint()[i],
                c.effectiveSize()[i],
                (long) c.community()[i],
                c.teamParticipation()[i],
                c.communityParticipation()[i],
                c.crossTeamShare()[i],
                c.connectorScore()[i],
                (long) c.rank()[i],
                c.reason()[i],
                c.recentRate()[i],
                c.baselineRate()[i],
                c.shrinking()[i],
                c.hasMentor()[i],
                c.newcomer()[i],
                c.mentorshipOnly()[i],
                c.away()[i],
                c.awayFrom()[i],
                c.awayTo()[i],
                c.awaySource()[i]);
    }
}
