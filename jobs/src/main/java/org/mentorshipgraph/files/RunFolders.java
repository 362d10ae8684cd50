package org.mentorshipgraph.files;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mentorshipgraph.storage.Location;
import org.mentorshipgraph.storage.StoreKind;

/**
 * How every reader finds a published run ({@link RunFiles} writes them): {@code OUT/runs/<as-of>/} itself on a local
 * disk or HDFS; on an object store the attempt folder that {@code OUT/runs/<as-of>/}{@value #MANIFEST} names. A date
 * folder without a manifest on an object store holds no published run (only an attempt still being written, or a
 * failed one).
 */
public final class RunFolders {
    private RunFolders() {}

    /** The object naming a date's committed attempt, on object stores. */
    public static final String MANIFEST = "committed.json";
    /** The file naming the newest published date. */
    public static final String LATEST = "latest.txt";
    /** How attempt folders begin. */
    static final String ATTEMPT_PREFIX = "attempt-";

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public static boolean isDate(String name) {
        return DATE.matcher(name).matches();
    }

    /** The attempt a date folder's manifest names, if it has one. */
    static Optional<String> committedAttempt(Location dateFolder) {
        Location m = dateFolder.child(MANIFEST);
        if (!m.isFile()) return Optional.empty();
        try {
            JsonNode n = Json.MAPPER.readTree(m.readString());
            String a = n.path("attempt").asText("");
            return a.startsWith(ATTEMPT_PREFIX) && !a.contains("/") ? Optional.of(a) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** The published run of {@code asOf} in {@code runsDir}, or empty when there is none. */
    public static Optional<Location> published(Location runsDir, String asOf) {
        Location d = runsDir.child(asOf);
        Optional<String> attempt = committedAttempt(d);
        if (attempt.isPresent()) return Optional.of(d.child(attempt.get()));
        if (runsDir.kind() == StoreKind.OBJECT_STORE) return Optional.empty();
        return d.isDirectory() ? Optional.of(d) : Optional.empty();
    }

    /** The dates with a published run, oldest first. */
    public static List<String> dates(Location runsDir) {
        List<String> out = new ArrayList<>();
        for (Location d : runsDir.childFolders()) {
            if (!isDate(d.name())) continue;
            if (runsDir.kind() == StoreKind.OBJECT_STORE && committedAttempt(d).isEmpty()) continue;
            out.add(d.name());
        }
        return out;
    }

    /** The date {@code latest.txt} names, if any. */
    public static Optional<String> latest(Location runsDir) {
        Location l = runsDir.child(LATEST);
        if (!l.isFile()) return Optional.empty();
        String d = l.readString().strip();
        return isDate(d) ? Optional.of(d) : Optional.empty();
    }
}
