package org.mentorshipgraph.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where the job's files live: every input and output location is a Hadoop {@link FileSystem} location, so a plain
 * path, {@code file:}, {@code hdfs://}, {@code s3a://} and any scheme whose connector is on the classpath
 * ({@code abfss://}, {@code gs://}) are read and written by the same code. The driver's own reads and writes (headers,
 * partition listings, CSV/JSON/HTML files, run folders, the lock) go through here; Spark's go through the same
 * Hadoop configuration.
 *
 * <p>The Hadoop configuration is built the way Spark builds its own: Hadoop's defaults and {@code *-site.xml} files
 * on the classpath, then every {@code spark.hadoop.K=V} setting as {@code K=V} — from the job's configuration file or
 * {@code --set}, and from the JVM's system properties, which is where {@code spark-submit --conf} puts them. So
 * {@code spark.hadoop.fs.s3a.endpoint} or {@code spark.hadoop.fs.defaultFS} reach both Spark and the driver.
 * Credentials are not settings: S3A takes them from its provider chain ({@code AWS_ACCESS_KEY_ID} /
 * {@code AWS_SECRET_ACCESS_KEY} in the environment, instance or pod identity, a Hadoop credential file).
 *
 * <p>A plain path means what it means to Spark: a path on the default file system ({@code fs.defaultFS}, the local
 * disk unless configured), relative to its working directory (the current directory on a local disk). File systems
 * are opened once per store and closed with this object; a local disk is used without Hadoop's checksum files.
 */
public final class Storage implements AutoCloseable {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    private final Configuration hadoop;
    private final Map<String, FileSystem> open = new HashMap<>();

    private Storage(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    /**
     * A storage whose Hadoop configuration takes {@code spark.hadoop.*} from {@code sparkSettings} and from the system
     * properties (the settings win over the properties, as a job's own configuration wins over cluster defaults).
     */
    public static Storage of(Map<String, String> sparkSettings) {
        Configuration conf = new Configuration();
        Map<String, String> all = new TreeMap<>();
        System.getProperties().forEach((k, v) -> all.put(String.valueOf(k), String.valueOf(v)));
        all.putAll(sparkSettings);
        all.forEach((k, v) -> {
            if (k.startsWith("spark.hadoop.") && k.length() > "spark.hadoop.".length())
                conf.set(k.substring("spark.hadoop.".length()), v);
        });
        // a single-machine run asks no cluster for anything: the local disk stays the default unless configured
        return new Storage(conf);
    }

    private static final Map<Configuration, Storage> OF_SPARK =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * The storage of a Spark session: its own Hadoop configuration ({@code spark.hadoop.*} and the cluster's
     * {@code *-site.xml}), so the driver reads and writes exactly what Spark's tasks see. One per session, kept for
     * the session's life.
     */
    public static Storage of(org.apache.spark.sql.SparkSession spark) {
        return OF_SPARK.computeIfAbsent(spark.sparkContext().hadoopConfiguration(), Storage::new);
    }

    /** A storage with Hadoop's defaults and the system properties only (tests, tools). */
    public static Storage local() {
        return of(Map.of());
    }

    /** The Hadoop configuration the driver uses (the same {@code spark.hadoop.*} keys Spark's has). */
    public Configuration hadoopConfiguration() {
        return hadoop;
    }

    /**
     * The location {@code text} names: a URI with a scheme, or a plain path on the default file system.
     *
     * @throws IllegalArgumentException when it is empty or not a valid location
     */
    public Location at(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("an empty location");
        String t = text.strip();
        Path path;
        if (SCHEME.matcher(t).matches()) {
            path = new Path(t);
        } else {
            Path p = new Path(t);
            FileSystem dfs = defaultFileSystem();
            if (isLocal(dfs)) {
                // relative to the current directory, as java.io resolves it (the same as Spark on a local disk)
                path = new Path(new java.io.File(t).getAbsoluteFile().toURI());
            } else {
                path = dfs.makeQualified(p);
            }
        }
        FileSystem fs = fileSystem(path.toUri());
        return new Location(this, fs, fs.makeQualified(path), t);
    }

    private FileSystem defaultFileSystem() {
        return fileSystem(FileSystem.getDefaultUri(hadoop));
    }

    static boolean isLocal(FileSystem fs) {
        return "file".equalsIgnoreCase(fs.getUri().getScheme());
    }

    /** The file system of {@code uri}'s store, opened once (a local disk without checksum files). */
    synchronized FileSystem fileSystem(URI uri) {
        String scheme = uri.getScheme() == null
                ? FileSystem.getDefaultUri(hadoop).getScheme()
                : uri.getScheme().toLowerCase(Locale.ROOT);
        String key = scheme + "://" + (uri.getAuthority() == null ? "" : uri.getAuthority());
        FileSystem fs = open.get(key);
        if (fs != null) return fs;
        try {
            if ("file".equals(scheme)) {
                fs = FileSystem.newInstanceLocal(hadoop).getRawFileSystem();
            } else {
                fs = FileSystem.newInstance(uri, hadoop);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(StoreErrors.describe(e, uri.toString()), e);
        } catch (RuntimeException e) {
            // e.g. "No FileSystem for scheme" (connector missing) or a malformed authority
            throw new UncheckedIOException(
                    StoreErrors.describe(new IOException(e.getMessage(), e), uri.toString()), new IOException(e));
        }
        open.put(key, fs);
        return fs;
    }

    @Override
    public synchronized void close() {
        for (FileSystem fs : open.values()) {
            try {
                fs.close();
            } catch (IOException | RuntimeException ignored) {
                // closing is best effort: the run's outcome is already decided
            }
        }
        open.clear();
    }
}
