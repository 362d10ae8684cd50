package org.mentorshipgraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.mentorshipgraph.progress.StepLog;
import org.mentorshipgraph.storage.Location;

/**
 * {@code --log-json FILE} on any store: appended line by line on a local disk and HDFS (flushed after each line, so a
 * log collector tailing it sees every step as it ends); on an object store, which cannot append, the file is
 * rewritten whole after each line (one PUT: a reader sees the log up to some line, never half a line).
 */
final class JsonLog {
    private JsonLog() {}

    static void to(Location file) {
        Optional<java.nio.file.Path> local = file.localFile();
        if (local.isPresent()) {
            StepLog.jsonLinesTo(local.get());
            return;
        }
        Optional<OutputStream> append = file.appendIfSupported();
        if (append.isPresent()) {
            OutputStream out = append.get();
            StepLog.jsonLinesTo(
                    line -> {
                        try {
                            out.write(line.getBytes(StandardCharsets.UTF_8));
                            out.flush();
                            if (out instanceof org.apache.hadoop.fs.Syncable s) s.hflush();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    file.toString());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // the lines are flushed already
                }
            }));
            return;
        }
        StringBuilder all = new StringBuilder(file.exists() ? file.readString() : "");
        StepLog.jsonLinesTo(
                line -> {
                    all.append(line);
                    file.replaceAtomically(all.toString());
                },
                file.toString());
    }
}
