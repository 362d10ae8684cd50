package org.mentorshipgraph.schema;

import static org.mentorshipgraph.schema.Table.Type.BOOLEAN;
import static org.mentorshipgraph.schema.Table.Type.DOUBLE;
import static org.mentorshipgraph.schema.Table.Type.LONG;
import static org.mentorshipgraph.schema.Table.Type.STRING;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

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
                .column("mentorship_only_tie", BOOLEAN)
                .column("away", BOOLEAN)
                .column("away_from", STRING)
                .column("away_to", STRING)
                .column("away_source", STRING);
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
                .column("recent_rate_adjusted", DOUBLE)
                .column("baseline_rate_adjusted", DOUBLE)
                .column("rate_ratio", DOUBLE)
                .column("p_drop", DOUBLE)
                .column("p_rise", DOUBLE)
                .column("q_value", DOUBLE)
                .column("status", STRING)
                .column("status_reason", STRING)
                .column("mentorship", BOOLEAN)
                .column("cross_team", BOOLEAN)
                .column("cross_community", BOOLEAN)
                .column("bridge_risk", DOUBLE)
                .column("priority", LONG);
    }

    /** The people table's schema, as written to CSV, Parquet and Neo4j: {@link #peopleColumns()} as a Spark schema. */
    public static final StructType PEOPLE = schema(peopleColumns());

    /** The ties table's schema: {@link #tieColumns()} as a Spark schema. */
    public static final StructType TIES = schema(tieColumns());

    /** A table's columns as a Spark schema, every column nullable. */
    public static StructType schema(Table t) {
        StructType s = new StructType();
        for (Table.Column c : t.columns()) s = s.add(c.name(), sparkType(c.type()), true);
        return s;
    }

    static DataType sparkType(Table.Type t) {
        return switch (t) {
            case STRING -> DataTypes.StringType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }
}
