package org.mentorshipgraph.storage;

import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.util.Locale;

/**
 * A store's exception as one line an operator can act on: what failed, at which location, and the likely fix. The
 * Hadoop connectors' own messages are long (an S3 error carries the request id, the endpoint and a link); the first
 * line of the deepest cause is kept after the explanation.
 */
public final class StoreErrors {
    private StoreErrors() {}

    public static String describe(Throwable e, String location) {
        String all = chain(e).toLowerCase(Locale.ROOT);
        String root = firstLine(rootCause(e));
        String why;
        if (all.contains("no filesystem for scheme")) {
            String scheme = location.contains(":") ? location.substring(0, location.indexOf(':')) : location;
            why = "no connector for '" + scheme + ":' on the classpath (for s3a: add org.apache.hadoop:hadoop-aws of "
                    + "the cluster's Hadoop version, e.g. spark-submit --packages)";
        } else if (all.contains("nosuchbucket")
                || all.contains("unknownstoreexception")
                || all.contains("bucket does not exist")) {
            why = "the bucket does not exist (or is not visible with these credentials)";
        } else if (all.contains("invalidaccesskeyid")
                || all.contains("signaturedoesnotmatch")
                || all.contains("no aws credentials")
                || all.contains("nocredentials")
                || (e instanceof AccessDeniedException)
                || all.contains("accessdenied")
                || all.contains("403 forbidden")
                || all.contains("status code: 403")) {
            why = "access denied: check the credentials (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, instance or pod "
                    + "identity, or a Hadoop credential file) and the permissions";
        } else if (all.contains("connection refused")
                || e instanceof ConnectException
                || hasCause(e, ConnectException.class)
                || hasCause(e, java.io.EOFException.class)
                || all.contains("connection reset")) {
            why = "the store does not answer (connection refused or closed): is the NameNode / endpoint up and the "
                    + "address right?";
        } else if (e instanceof UnknownHostException || hasCause(e, UnknownHostException.class)) {
            why = "unknown host: check the address";
        } else if (e instanceof FileNotFoundException) {
            why = "not found";
        } else if (all.contains("permission denied")) {
            why = "permission denied";
        } else {
            why = root;
            root = "";
        }
        return location + ": " + why + (root.isEmpty() || why.contains(root) ? "" : " (" + abbreviate(root) + ")");
    }

    private static String chain(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 20_000; t = t.getCause())
            b.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        return b.toString();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> c) {
        for (Throwable t = e; t != null; t = t.getCause()) if (c.isInstance(t)) return true;
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
