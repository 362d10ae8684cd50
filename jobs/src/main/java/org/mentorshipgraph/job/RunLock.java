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
import org.mentorshipgraph.failures.ExitCodes;
import org.mentorshipgraph.failures.JobFailure;
import org.mentorshipgraph.progress.StepLog;

/**
 * One run at a time per output directory: an operating-system lock on {@code OUT/.nightly.lock}. The OS releases it
 * when the holder dies, however it dies, so a lock left by a crashed run can never block the next one; the file
 * keeps who held it last (pid, host, start, as-of) so that the next run can say it cleared it, and a refused run can
 * say who holds it.
 */
public final class RunLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or fails with exit code {@link ExitCodes#LOCKED} naming the holder. */
    public static RunLock acquire(Path outputDir, String what) {
        Path file = outputDir.resolve(".nightly.lock");
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
            String me = "pid " + ProcessHandle.current().pid() + " on " + host() + ", started " + Instant.now() + ", "
                    + what;
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            return new RunLock(file, ch, lock);
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

    /** Releases the lock and leaves an empty lock file: a clean release leaves nothing to clear. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            StepLog.warn("could not release the run lock %s cleanly: %s", file, e.getMessage());
        }
    }
}
