package org.mentorshipgraph.job;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mentorshipgraph.failures.ExitCodes;
import org.mentorshipgraph.failures.JobFailure;
import org.mentorshipgraph.progress.StepLog;
import org.mentorshipgraph.storage.Location;

/**
 * One run at a time per output location, on every store; a refused run exits 5 naming the holder.
 *
 * <ul>
 *   <li><b>A local disk</b>: an operating-system lock on {@code OUT/.nightly.lock}. The OS releases it when the holder
 *       dies, however it dies, so a lock left by a crashed run never blocks the next one; the file keeps who held it
 *       last (pid, host, start, as-of) so the next run can say it cleared it.
 *   <li><b>HDFS and object stores</b>, which have no such lock: a <em>lease</em>. The lock file is created only if
 *       absent (HDFS {@code create(overwrite=false)}, S3 {@code If-None-Match: *}); it names its holder, a random token
 *       and the time its lease ends, and the holder renews it every third of the lease
 *       ({@code output.lock-lease-seconds}). A crashed holder stops renewing: once its lease has run out (plus a
 *       minute for clocks that disagree), a successor breaks it with an operation only one contender can win — S3
 *       replaces it conditionally on its entity tag ({@code If-Match}), HDFS renames it aside (a rename of a file that
 *       is gone fails) — and creates its own. A holder that finds its lock taken over stops renewing and says so.
 *       The holder deletes the file when it is done.
 * </ul>
 */
public final class RunLock implements AutoCloseable {
    static final String FILE = ".nightly.lock";
    /** How far two machines' clocks may disagree before a live lease looks expired. */
    static final long CLOCK_SKEW_SECONDS = 60;
    /** How long a contender on an object store waits before it checks that its lock write was the one that stuck. */
    static final long SETTLE_MILLIS = 2000;

    private final Runnable release;

    private RunLock(Runnable release) {
        this.release = release;
    }

    /** Takes the lock on a local output directory (tests, and the local disk). */
    public static RunLock acquire(Path outputDir, String what) {
        return acquireLocal(outputDir, what);
    }

    /** Takes the lock with the default lease, or fails with exit code {@link ExitCodes#LOCKED} naming the holder. */
    public static RunLock acquire(Location outputDir, String what) {
        return acquire(outputDir, what, 300);
    }

    /**
     * Takes the lock, or fails with exit code {@link ExitCodes#LOCKED} naming the holder; exit 7 when the output
     * location cannot be written at all.
     */
    public static RunLock acquire(Location outputDir, String what, int leaseSeconds) {
        Optional<Path> local = outputDir.localFile();
        if (local.isPresent()) return acquireLocal(local.get(), what);
        try {
            return Lease.acquire(outputDir, what, leaseSeconds);
        } catch (java.io.UncheckedIOException e) {
            throw JobFailure.output("output: cannot take the run lock " + e.getMessage(), e);
        }
    }

    private static String me(String what) {
        return "pid " + ProcessHandle.current().pid() + " on " + host() + ", started " + Instant.now() + ", " + what;
    }

    private static RunLock acquireLocal(Path outputDir, String what) {
        Path file = outputDir.resolve(FILE);
        try {
            Files.createDirectories(outputDir);
            FileChannel ch = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            String previous = read(ch);
            if (lock == null) {
                ch.close();
                throw new JobFailure(
                        ExitCodes.LOCKED,
                        "another run is writing to " + outputDir + " ("
                                + (previous.isBlank() ? "holder unknown" : previous)
                                + "); wait for it to finish, or run with another --out");
            }
            if (!previous.isBlank()) {
                StepLog.warn("cleared a lock left by a run that ended without releasing it (%s)", previous);
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(me(what).getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            FileLock held = lock;
            return new RunLock(() -> {
                try {
                    ch.truncate(0);
                    held.release();
                    ch.close();
                } catch (IOException e) {
                    StepLog.warn("could not release the run lock %s cleanly: %s", file, e.getMessage());
                }
            });
        } catch (IOException e) {
            throw JobFailure.usage("cannot create the run lock " + file + ": " + e.getMessage());
        }
    }

    private static String read(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(4096, ch.size()));
        ch.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }

    /** Releases the lock: a clean release leaves nothing to clear. */
    @Override
    public void close() {
        release.run();
    }

    /** The lease lock of stores without OS locks. */
    static final class Lease {
        private final Location file;
        private final String holder;
        private final String token = UUID.randomUUID().toString();
        private final int leaseSeconds;
        private volatile String etag;
        private volatile boolean lost;
        private final ScheduledExecutorService renewer;

        private Lease(Location file, String holder, int leaseSeconds) {
            this.file = file;
            this.holder = holder;
            this.leaseSeconds = leaseSeconds;
            this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "run-lock-lease");
                t.setDaemon(true);
                return t;
            });
        }

        String content() {
            return holder + "\nlease-until=" + Instant.now().plusSeconds(leaseSeconds) + "\ntoken=" + token + "\n";
        }

        static String field(String content, String name) {
            for (String line : content.split("\n"))
                if (line.startsWith(name + "="))
                    return line.substring(name.length() + 1).strip();
            return "";
        }

        static RunLock acquire(Location outputDir, String what, int leaseSeconds) {
            outputDir.mkdirs();
            Location file = outputDir.child(FILE);
            Lease l = new Lease(file, me(what), leaseSeconds);
            for (int attempt = 0; attempt < 5; attempt++) {
                if (file.createExclusively(l.content()) && l.confirmed()) return l.held(null);
                String current;
                Optional<String> tag;
                try {
                    tag = file.etag();
                    current = file.readString();
                } catch (java.io.UncheckedIOException gone) {
                    continue; // released meanwhile: try again
                }
                Instant until;
                try {
                    until = Instant.parse(field(current, "lease-until"));
                } catch (RuntimeException unreadable) {
                    until = Instant.EPOCH; // not a lease this code wrote: treat as expired
                }
                String previousHolder = current.split("\n", 2)[0].strip();
                if (Instant.now().isBefore(until.plusSeconds(CLOCK_SKEW_SECONDS)))
                    throw new JobFailure(
                            ExitCodes.LOCKED,
                            "another run is writing to " + outputDir + " ("
                                    + (previousHolder.isBlank() ? "holder unknown" : previousHolder)
                                    + ", lease until " + until + "); wait for it to finish, or run with another --out");
                // expired: break it so that only one contender wins
                if (tag.isPresent()) {
                    if (file.replaceIfUnchanged(tag.get(), l.content()) && l.confirmed()) return l.held(previousHolder);
                } else {
                    Location aside = outputDir.child(FILE + ".broken-" + UUID.randomUUID());
                    if (file.renameTo(aside)) {
                        aside.delete();
                        if (file.createExclusively(l.content()) && l.confirmed()) return l.held(previousHolder);
                    }
                }
            }
            throw new JobFailure(
                    ExitCodes.LOCKED,
                    "another run is writing to " + outputDir + " (the lock changed hands while this run tried to take "
                            + "it); wait for it to finish, or run with another --out");
        }

        /**
         * On an object store, whether the lock is still ours after a pause long enough for a concurrent writer's PUT to
         * land: a store that ignores {@code If-None-Match}/{@code If-Match} lets two contenders both "win" their write,
         * and then the one whose write landed last holds it (S3 reads are strongly consistent, so both see the same
         * winner). Elsewhere the create or rename was atomic already.
         */
        boolean confirmed() {
            if (file.kind() != org.mentorshipgraph.storage.StoreKind.OBJECT_STORE) return true;
            try {
                Thread.sleep(SETTLE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return ours();
        }

        private RunLock held(String clearedHolder) {
            if (clearedHolder != null)
                StepLog.warn(
                        "cleared a lock left by a run that ended without releasing it (%s; its lease ran out)",
                        clearedHolder);
            etag = file.etag().orElse(null);
            long every = Math.max(1, leaseSeconds / 3);
            renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.SECONDS);
            return new RunLock(this::release);
        }

        private boolean ours() {
            try {
                return token.equals(field(file.readString(), "token"));
            } catch (java.io.UncheckedIOException e) {
                return false;
            }
        }

        private void renew() {
            if (lost) return;
            try {
                boolean ok;
                if (etag != null) {
                    ok = file.replaceIfUnchanged(etag, content());
                    if (ok) etag = file.etag().orElse(null);
                } else {
                    ok = ours();
                    if (ok) file.replaceAtomically(content());
                }
                if (!ok) {
                    lost = true;
                    StepLog.warn(
                            "the run lock %s was taken over by another run (this run's lease was not renewed in "
                                    + "time); this run goes on, but the two may overwrite each other's files",
                            file);
                }
            } catch (RuntimeException e) {
                StepLog.warn("could not renew the run lock %s: %s", file, e.getMessage());
            }
        }

        private void release() {
            renewer.shutdownNow();
            try {
                if (!lost && ours()) file.delete();
            } catch (RuntimeException e) {
                StepLog.warn("could not release the run lock %s cleanly: %s", file, e.getMessage());
            }
        }
    }
}
