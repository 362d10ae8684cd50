package org.mentorshipgraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import org.mentorshipgraph.failures.JobFailure;
import org.mentorshipgraph.storage.Location;

/**
 * The interaction files are UTF-8 text (with or without a byte-order mark). A file in UTF-16 or UTF-32, which
 * spreadsheet programs write when asked for "Unicode text", is recognised by its byte-order mark or by the NUL bytes
 * of its first line, and refused with the command that converts it; reading it as UTF-8 would otherwise turn every
 * row into a malformed one. Single-byte encodings such as Latin-1 cannot be told from UTF-8 by their first bytes:
 * their rows are quarantined one by one by {@link InteractionContract} ("not valid UTF-8 text").
 */
public final class TextEncoding {
    private TextEncoding() {}

    /** How many leading bytes are inspected. */
    static final int HEAD = 4096;

    /**
     * Fails with exit code 3 when the file is evidently not UTF-8.
     *
     * @param what the input's name in the message ({@code interactions}, {@code people})
     */
    public static void requireUtf8(Location file, String what) {
        byte[] head;
        try (InputStream in = InputFormat.open(file)) {
            head = in.readNBytes(HEAD);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw JobFailure.input(what + ": cannot read " + file + ": " + e.getMessage());
        }
        String problem = problem(head);
        if (problem != null) {
            String from = problem.startsWith("UTF") ? problem.substring(0, problem.indexOf(' ')) : "UTF-16";
            throw JobFailure.input(what + ": " + file + " is " + problem
                    + "; the job reads UTF-8 text. Convert it, for example: iconv -f " + from + " -t UTF-8 " + file
                    + " > " + file + ".utf8");
        }
    }

    /** What is wrong with these leading bytes, or null when they can be UTF-8. */
    static String problem(byte[] b) {
        if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) return "UTF-32LE (byte-order mark FF FE 00 00)";
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) return "UTF-32BE (byte-order mark 00 00 FE FF)";
        if (startsWith(b, 0xFF, 0xFE)) return "UTF-16LE (byte-order mark FF FE)";
        if (startsWith(b, 0xFE, 0xFF)) return "UTF-16BE (byte-order mark FE FF)";
        int end = b.length;
        for (int i = 0; i < b.length; i++)
            if (b[i] == '\n') {
                end = i;
                break;
            }
        for (int i = 0; i < end; i++) {
            if (b[i] == 0)
                return "not UTF-8 text (its first line holds NUL bytes: UTF-16 without a byte-order mark, or a binary file)";
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
        return true;
    }
}
