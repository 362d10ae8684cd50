package org.mentorshipgraph.storage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FSDataOutputStreamBuilder;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * One file or folder on some store ({@link Storage}): a Hadoop path with the operations the driver needs, each
 * failing with an {@link UncheckedIOException} whose message names the location and says what went wrong in one
 * line ({@link StoreErrors}). {@link #toString()} is the location as the user wrote it (and below it, the names
 * added to it), so messages show what they typed; {@link #uri()} is the qualified form Spark is given.
 *
 * <p>What differs between stores is confined to {@link #kind()}: replacing a small file atomically (a rename on a
 * local disk or HDFS, a single PUT on an object store, whose objects appear whole), creating one only if absent (the
 * lock), and whether a folder can be renamed atomically (the publishing of a run, {@code files.RunFiles}).
 */
public final class Location {
    /** S3A's create option for a PUT with {@code If-None-Match: *} (Hadoop 3.4.2, HADOOP-19256). */
    static final String CONDITIONAL_CREATE = "fs.option.create.conditional.overwrite";
    /** S3A's create option for a PUT with {@code If-Match: <etag>}. */
    static final String CONDITIONAL_ETAG = "fs.option.create.conditional.overwrite.etag";

    private final Storage storage;
    private final FileSystem fs;
    private final Path path;
    private final String shown;

    Location(Storage storage, FileSystem fs, Path path, String shown) {
        this.storage = storage;
        this.fs = fs;
        this.path = path;
        this.shown = shown;
    }

    /** The qualified location, e.g. {@code file:/data/logs}, {@code hdfs://nn:8020/logs}, {@code s3a://b/logs}. */
    public String uri() {
        return path.toString();
    }

    /** The location as the user gave it (and the names below it). */
    @Override
    public String toString() {
        return shown;
    }

    public String name() {
        return path.getName();
    }

    /** What sort of store this is on. */
    public StoreKind kind() {
        return StoreKind.of(fs);
    }

    public Location child(String name) {
        String sep = shown.endsWith("/") ? "" : "/";
        return new Location(storage, fs, new Path(path, name), shown + sep + name);
    }

    /** The folder holding this location (or itself at a store's root). */
    public Location parent() {
        Path p = path.getParent();
        if (p == null) return this;
        int cut = shown.replaceAll("/+$", "").lastIndexOf('/');
        return new Location(storage, fs, p, cut > 0 ? shown.substring(0, cut) : p.toString());
    }

    /** The local file behind a location on the local disk, or empty elsewhere. */
    public Optional<java.nio.file.Path> localFile() {
        return kind() == StoreKind.LOCAL ? Optional.of(java.nio.file.Path.of(path.toUri())) : Optional.empty();
    }

    private Optional<FileStatus> status() {
        try {
            return Optional.of(fs.getFileStatus(path));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    public boolean exists() {
        return status().isPresent();
    }

    public boolean isDirectory() {
        return status().map(FileStatus::isDirectory).orElse(false);
    }

    public boolean isFile() {
        return status().map(FileStatus::isFile).orElse(false);
    }

    /** Size in bytes of a file (0 when absent). */
    public long length() {
        return status().map(FileStatus::getLen).orElse(0L);
    }

    /** The entries of a folder, sorted by name (empty when it does not exist). */
    public List<Location> children() {
        return listed(s -> true);
    }

    /** The folders among {@link #children()}. */
    public List<Location> childFolders() {
        return listed(FileStatus::isDirectory);
    }

    /** One listing of this folder's own entries, those {@code keep} accepts, sorted by name. */
    private List<Location> listed(Predicate<FileStatus> keep) {
        try {
            List<Location> out = new ArrayList<>();
            for (FileStatus s : fs.listStatus(path))
                if (keep.test(s)) out.add(child(s.getPath().getName()));
            out.sort(Comparator.comparing(Location::name));
            return out;
        } catch (FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Every file at or below this location whose name passes {@code keep}, sorted by location; a file is itself.
     * One listing request per folder on a file system, a flat paged listing on an object store.
     */
    public List<Location> filesBelow(Predicate<String> keep) {
        try {
            FileStatus self = fs.getFileStatus(path);
            if (self.isFile()) return keep.test(name()) ? List.of(this) : List.of();
            List<Location> out = new ArrayList<>();
            String base = path.toUri().getPath();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
            while (it.hasNext()) {
                LocatedFileStatus s = it.next();
                String p = s.getPath().toUri().getPath();
                String rel = p.startsWith(base)
                        ? p.substring(base.length()).replaceFirst("^/", "")
                        : s.getPath().getName();
                boolean hidden = false;
                for (String part : rel.split("/")) if (part.startsWith(".") || part.startsWith("_")) hidden = true;
                if (hidden || !keep.test(s.getPath().getName())) continue;
                Location l = this;
                for (String part : rel.split("/")) l = l.child(part);
                out.add(l);
            }
            out.sort(Comparator.comparing(Location::uri));
            return out;
        } catch (FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    public InputStream open() {
        try {
            return fs.open(path);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** A new file (replacing one that is there), visible whole when the stream is closed on an object store. */
    public OutputStream create() {
        try {
            return fs.create(path, true);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Opens for appending where the store can append (a local disk, HDFS); empty where it cannot (object stores). */
    public Optional<OutputStream> appendIfSupported() {
        try {
            if (kind() == StoreKind.OBJECT_STORE) return Optional.empty();
            if (!exists()) return Optional.of(fs.create(path, false));
            return Optional.of(fs.append(path));
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    public String readString() {
        try (InputStream in = fs.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    public byte[] readHead(int bytes) {
        try (InputStream in = fs.open(path)) {
            return in.readNBytes(bytes);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Writes {@code text} (UTF-8) so that a reader sees the old content or the new, never a part. */
    public void replaceAtomically(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            switch (kind()) {
                case LOCAL -> {
                    java.nio.file.Path file = localFile().orElseThrow();
                    java.nio.file.Files.createDirectories(file.getParent());
                    java.nio.file.Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
                    java.nio.file.Files.write(tmp, bytes);
                    java.nio.file.Files.move(
                            tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                case ATOMIC_RENAME -> {
                    Path tmp = new Path(path.getParent(), "." + path.getName() + "." + UUID.randomUUID() + ".tmp");
                    try (OutputStream out = fs.create(tmp, true)) {
                        out.write(bytes);
                    }
                    if (fs instanceof DistributedFileSystem dfs) {
                        dfs.rename(tmp, path, Options.Rename.OVERWRITE);
                    } else {
                        fs.delete(path, false);
                        if (!fs.rename(tmp, path)) throw new IOException("rename of " + tmp + " failed");
                    }
                }
                case OBJECT_STORE -> {
                    try (OutputStream out = fs.create(path, true)) {
                        out.write(bytes);
                    }
                }
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Creates the file with {@code text} only if nothing is there: atomically with {@code create(overwrite=false)} on
     * a local disk and HDFS; on an object store, after a check that nothing is there, with a conditional PUT
     * ({@code If-None-Match: *}), which Amazon S3 and most S3 stores honour atomically — some S3-compatible servers
     * ignore the header, so callers that need one winner among concurrent creators verify afterwards (the run lock
     * does).
     *
     * @return false when the file already existed (someone else created it first)
     */
    public boolean createExclusively(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            if (kind() == StoreKind.OBJECT_STORE && exists()) return false;
            if (kind() == StoreKind.LOCAL) {
                java.nio.file.Path f = localFile().orElseThrow();
                java.nio.file.Files.createDirectories(f.getParent());
            }
            FSDataOutputStreamBuilder<?, ?> b = fs.createFile(path).overwrite(false);
            if (kind() == StoreKind.OBJECT_STORE) b.opt(CONDITIONAL_CREATE, true);
            try (OutputStream out = b.build()) {
                out.write(bytes);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            if (preconditionFailed(e)) return false;
            throw failure(e);
        }
    }

    /**
     * The entity tag of the file's current content on stores that have one (S3), else empty. With
     * {@link #replaceIfUnchanged} it makes a compare-and-swap.
     */
    public Optional<String> etag() {
        return status().filter(s -> s instanceof EtagSource)
                .map(s -> ((EtagSource) s).getEtag())
                .filter(e -> e != null && !e.isEmpty());
    }

    /**
     * Replaces the file's content only if its entity tag is still {@code etag} (a PUT with {@code If-Match}).
     *
     * @return false when someone changed it meanwhile
     */
    public boolean replaceIfUnchanged(String etag, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            if (!etag().map(etag::equals).orElse(false)) return false;
            FSDataOutputStreamBuilder<?, ?> b = fs.createFile(path).overwrite(true);
            b.opt(CONDITIONAL_ETAG, etag);
            try (OutputStream out = b.build()) {
                out.write(bytes);
            }
            return true;
        } catch (IOException e) {
            if (preconditionFailed(e)) return false;
            throw failure(e);
        }
    }

    private static boolean preconditionFailed(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof FileAlreadyExistsException
                    || m.contains("412")
                    || m.contains("precondition")
                    || m.contains("conditionalrequestconflict")) return true;
        }
        return false;
    }

    public void mkdirs() {
        try {
            if (!fs.mkdirs(path) && !isDirectory()) throw new IOException("mkdirs returned false");
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Removes the file or folder and everything below it; nothing when absent. */
    public void delete() {
        try {
            fs.delete(path, true);
        } catch (FileNotFoundException e) {
            // already gone
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Renames to {@code target} (which must not exist), atomically on a local disk and HDFS.
     *
     * @return false when the source is gone (someone else renamed it first)
     */
    public boolean renameTo(Location target) {
        try {
            if (kind() == StoreKind.LOCAL) {
                try {
                    java.nio.file.Files.move(
                            localFile().orElseThrow(),
                            target.localFile().orElseThrow(),
                            StandardCopyOption.ATOMIC_MOVE);
                    return true;
                } catch (java.nio.file.NoSuchFileException e) {
                    return false;
                }
            }
            return fs.rename(path, target.path);
        } catch (FileNotFoundException e) {
            return false;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Bytes in the files at or below this location. */
    public long totalBytes() {
        try {
            return fs.getContentSummary(path).getLength();
        } catch (FileNotFoundException e) {
            return 0;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Writes a copy of {@code in} (the caller closes it) into this file. */
    public void copyFrom(InputStream in) {
        try (OutputStream out = create()) {
            in.transferTo(out);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** The store's error, in one line naming this location. */
    public UncheckedIOException failure(IOException e) {
        return new UncheckedIOException(StoreErrors.describe(e, toString()), e);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Location l && l.path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }
}
