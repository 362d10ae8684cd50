package org.mentorshipgraph.storage;

import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;

/**
 * What a store guarantees, which decides how a run is published ({@code files.RunFiles}) and how the lock is taken
 * ({@code job.RunLock}).
 */
public enum StoreKind {
    /** The local disk: atomic rename, and an operating-system lock that dies with its holder. */
    LOCAL,
    /** A file system with atomic rename of files and folders and an atomic exclusive create: HDFS and its kin. */
    ATOMIC_RENAME,
    /**
     * An object store (S3, GCS, Azure Blob, ...): objects appear whole when written, but a "folder" rename is a copy
     * of every object, so a run is published by a single small manifest object instead.
     */
    OBJECT_STORE;

    /** File systems whose rename is atomic (the NameNode's namespace operation). */
    static final Set<String> RENAMING_SCHEMES = Set.of("hdfs", "viewfs", "webhdfs", "swebhdfs", "ofs", "o3fs");

    static StoreKind of(FileSystem fs) {
        String scheme =
                fs.getUri().getScheme() == null ? "" : fs.getUri().getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) return LOCAL;
        if (RENAMING_SCHEMES.contains(scheme)) return ATOMIC_RENAME;
        return OBJECT_STORE;
    }
}
