package org.mentorshipgraph.mentoring;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mentorshipgraph.schema.Schemas;

/** The mentoring step's output tables, as written to CSV, Parquet and Neo4j (columns in docs/domain.md). */
public final class MentoringTables {
    private MentoringTables() {}

    /**
     * {@code mentor-suggestions}: one row per suggestion (rank 1 = best), or one row with an empty mentor and the
     * reason for a mentee nobody qualifies for.
     */
    public static final StructType SUGGESTIONS = Schemas.of(
            "mentee_id", DataTypes.StringType,
            "mentor_id", DataTypes.StringType,
            "rank", DataTypes.IntegerType,
            "score", DataTypes.DoubleType,
            "skill_fit", DataTypes.DoubleType,
            "trajectory_fit", DataTypes.DoubleType,
            "reachability", DataTypes.DoubleType,
            "teaching", DataTypes.DoubleType,
            "load", DataTypes.DoubleType,
            "skills_covered", DataTypes.StringType,
            "hops", DataTypes.IntegerType,
            "introducer_id", DataTypes.StringType,
            "path", DataTypes.StringType,
            "places", DataTypes.StringType,
            "reason", DataTypes.StringType);

    /** {@code introductions}: people someone has no tie with yet, ranked by Adamic–Adar over strong ties. */
    public static final StructType INTRODUCTIONS = Schemas.of(
            "person_id", DataTypes.StringType,
            "suggested_id", DataTypes.StringType,
            "rank", DataTypes.IntegerType,
            "score", DataTypes.DoubleType,
            "common_contacts", DataTypes.IntegerType,
            "introducer_id", DataTypes.StringType,
            "path", DataTypes.StringType);

    /** {@code mentor-assignment}: the programme's optimal assignment, one row per assigned mentee. */
    public static final StructType ASSIGNMENT = Schemas.of(
            "mentee_id", DataTypes.StringType,
            "mentor_id", DataTypes.StringType,
            "score", DataTypes.DoubleType,
            "suggestion_rank", DataTypes.IntegerType);
}
