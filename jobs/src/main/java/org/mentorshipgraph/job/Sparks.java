package org.mentorshipgraph.job;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.mentorshipgraph.config.JobConfig;

/**
 * The Spark session: {@code local[*]} with modest settings on one machine; whatever {@code spark-submit} configured
 * on a cluster (the job never overrides a master or resources it was given).
 */
public final class Sparks {
    /** StepLog's logger. */
    private static final String JOB_LOGGER = "mentorship-graph";

    private Sparks() {}

    static final String COMMIT_ALGORITHM = "spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version";

    /** A location on a store without atomic rename (s3a://, gs://, abfs://...), by its scheme. */
    static boolean objectStore(String location) {
        int colon = location.indexOf("://");
        if (colon <= 1) return false;
        String scheme = location.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        return !scheme.equals("file")
                && !java.util.Set.of("hdfs", "viewfs", "webhdfs", "swebhdfs", "ofs", "o3fs")
                        .contains(scheme);
    }

    public static SparkSession session(JobConfig config) {
        SparkConf given = new SparkConf();
        SparkSession.Builder b = SparkSession.builder()
                .appName("mentorship-graph nightly")
                .config("spark.sql.session.timeZone", "UTC")
                // lower() through the JVM, not ICU: ICU's case tables take seconds to build in every fresh executor
                // JVM (measured: a third of the sample's ingest), and the job only lower-cases channel names
                .config("spark.sql.icu.caseMappings.enabled", "false");
        // spark.* keys of the configuration file and --set (spark.hadoop.* reach every Hadoop FileSystem); a
        // spark-submit --conf is already in the SparkConf
        config.sparkSettings().forEach(b::config);
        // On an object store, where a rename copies every object, Hadoop's second file-commit algorithm moves each
        // task's files once instead of twice. Its job commit is not atomic, which is harmless here: a run's files go
        // into an attempt folder that no reader sees until its manifest is written (files.RunFiles).
        if (objectStore(config.outputDir())
                && !config.sparkSettings().containsKey(COMMIT_ALGORITHM)
                && !given.contains(COMMIT_ALGORITHM)) b.config(COMMIT_ALGORITHM, "2");
        boolean local;
        if (!config.sparkMaster().isEmpty()) {
            b.master(config.sparkMaster());
            local = config.sparkMaster().startsWith("local");
        } else if (given.contains("spark.master")) {
            local = given.get("spark.master").startsWith("local");
        } else {
            b.master("local[*]");
            local = true;
        }
        if (local) {
            b.config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", String.valueOf(config.sparkPartitions()))
                    .config(
                            "spark.default.parallelism",
                            String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors())))
                    .config("spark.sql.adaptive.enabled", "true")
                    // list a few hundred day folders on the driver instead of launching a Spark job for it
                    .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "100000")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1");
        }
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        if (local) {
            // a failed task is reported again by the job itself (one line for bad input, the stack trace for a bug);
            // Spark's own copy would print the offending record, which can be megabytes of one broken line
            Configurator.setLevel("org.apache.spark.executor.Executor", Level.OFF);
            Configurator.setLevel("org.apache.spark.scheduler.TaskSetManager", Level.OFF);
        }
        // setLogLevel sets the root logger: under a cluster's own log4j2 configuration (spark-submit; Spark's default
        // profile has no entry for this logger) that would silence the job's progress lines. Keep them at INFO
        // unless the configuration names the logger itself.
        if (LogManager.getContext(false) instanceof LoggerContext ctx
                && !ctx.getConfiguration().getLoggers().containsKey(JOB_LOGGER)) {
            Configurator.setLevel(JOB_LOGGER, Level.INFO);
        }
        return spark;
    }
}
