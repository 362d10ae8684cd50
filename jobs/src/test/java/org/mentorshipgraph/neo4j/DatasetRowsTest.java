package org.mentorshipgraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.mentorshipgraph.schema.ResultTables;
import org.mentorshipgraph.schema.Table;
import org.mentorshipgraph.testing.GraphSnapshot;
import org.mentorshipgraph.testing.Neo4jTestServer;
import org.mentorshipgraph.testing.SparkTestSession;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/** Spark Datasets as row sources (a real local SparkSession): values converted by column, and written like lists. */
class DatasetRowsTest {

    @Test
    void valuesAreConvertedByColumnToWhatTheCsvFilesHold() {
        SparkSession spark = SparkTestSession.get();
        StructType schema = new StructType()
                .add("at", DataTypes.TimestampType)
                .add("day", DataTypes.DateType)
                .add("name", DataTypes.StringType)
                .add("count", DataTypes.LongType)
                .add("small", DataTypes.IntegerType)
                .add("ratio", DataTypes.DoubleType)
                .add("undefined", DataTypes.DoubleType)
                .add("infinite", DataTypes.DoubleType)
                .add("single", DataTypes.FloatType)
                .add("flag", DataTypes.BooleanType)
                .add("missing", DataTypes.StringType);
        Dataset<Row> ds = spark.createDataFrame(
                List.of(
                        RowFactory.create(
                                Timestamp.from(Instant.parse("2026-03-01T09:30:00Z")),
                                Date.valueOf("2026-03-01"),
                                "p1",
                                5L,
                                7,
                                1.5,
                                Double.NaN,
                                Double.POSITIVE_INFINITY,
                                0.1f,
                                true,
                                null),
                        RowFactory.create(null, null, "p2", null, null, null, null, null, null, false, "x")),
                schema);
        List<Map<String, Object>> rows = StreamedOrg.all(new DatasetRows(ds));
        Map<String, Object> first = new HashMap<>();
        first.put("at", "2026-03-01T09:30:00Z");
        first.put("day", "2026-03-01");
        first.put("name", "p1");
        first.put("count", 5L);
        first.put("small", 7L);
        first.put("ratio", 1.5);
        first.put("undefined", null);
        first.put("infinite", null);
        first.put("single", 0.1);
        first.put("flag", true);
        first.put("missing", null);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isEqualTo(first);
        assertThat(rows.get(1))
                .containsEntry("name", "p2")
                .containsEntry("at", null)
                .containsEntry("flag", false)
                .containsEntry("missing", "x")
                .hasSize(11);

        Dataset<Row> twice = ds.select(ds.col("name"), ds.col("name"));
        assertThatThrownBy(() -> new DatasetRows(twice).open())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two columns are named name");
        Dataset<Row> odd = ds.selectExpr("array(count) AS counts");
        assertThatThrownBy(() -> StreamedOrg.all(new DatasetRows(odd)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column counts");
    }

    @Test
    void aRunWrittenFromDatasetsIsTheRunWrittenFromLists() {
        SparkSession spark = SparkTestSession.get();
        StreamedOrg org = new StreamedOrg(400, 20, 5, 21);
        String run = "2026-07-01";
        List<Map<String, Object>> people = StreamedOrg.all(org.people(run, 0));
        List<Map<String, Object>> ties = StreamedOrg.all(org.ties(run, 0));
        Dataset<Row> peopleDs = dataset(spark, ResultTables.peopleColumns(), people);
        Dataset<Row> tiesDs = dataset(spark, ResultTables.tieColumns(), ties);
        assertThat(peopleDs.rdd().getNumPartitions()).isGreaterThan(1);
        assertThat(StreamedOrg.all(new DatasetRows(tiesDs)))
                .as("in order, equal")
                .isEqualTo(ties);

        Neo4jTestServer neo4j = Neo4jTestServer.get();
        GraphWriter.Options options = new GraphWriter.Options("neo4j", 150, 2, 90, WriteObserver.NONE);
        try (Driver driver =
                GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(neo4j.username(), neo4j.password()))) {
            neo4j.clearData();
            GraphWriter.Written w = new GraphWriter(driver, options)
                    .write(org.graph(run, new DatasetRows(peopleDs), new DatasetRows(tiesDs)));
            assertThat(w.people()).isEqualTo(400);
            assertThat(w.ties()).isEqualTo(2_000);
            List<String> fromDatasets = GraphSnapshot.of(driver);
            neo4j.clearData();
            new GraphWriter(driver, options).write(org.graph(run, RowSource.of(people), RowSource.of(ties)));
            assertThat(GraphSnapshot.of(driver)).isEqualTo(fromDatasets);
        }
    }

    /** The rows as a Dataset with the table's column types, in 3 partitions, in order. */
    static Dataset<Row> dataset(SparkSession spark, Table columns, List<Map<String, Object>> rows) {
        StructType schema = new StructType();
        for (Table.Column c : columns.columns()) schema = schema.add(c.name(), sparkType(c.type()));
        List<Row> out = new ArrayList<>(rows.size());
        for (Map<String, Object> r : rows) {
            Object[] values = new Object[columns.columns().size()];
            for (int i = 0; i < values.length; i++)
                values[i] = r.get(columns.columns().get(i).name());
            out.add(RowFactory.create(values));
        }
        return spark.createDataFrame(
                JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(out, 3), schema);
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
