package org.mentorshipgraph.testing;

import org.apache.spark.sql.SparkSession;
import org.mentorshipgraph.config.JobConfig;
import org.mentorshipgraph.job.Sparks;

/** One real local Spark session for the whole test JVM (starting one costs seconds), built as the job builds it. */
public final class SparkTestSession {
    private static SparkSession session;

    private SparkTestSession() {}

    public static synchronized SparkSession get() {
        if (session == null || session.sparkContext().isStopped()) {
            // a test that ran the CLI stopped the shared context: forget it so that a fresh one is built
            SparkSession.clearActiveSession();
            SparkSession.clearDefaultSession();
            session = Sparks.session(JobConfig.defaults()
                    .with(java.util.Map.of(
                            org.mentorshipgraph.config.Setting.SPARK_MASTER, "local[2]",
                            org.mentorshipgraph.config.Setting.SPARK_PARTITIONS, "4")));
        }
        return session;
    }
}
