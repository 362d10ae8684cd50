package org.mentorshipgraph.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** JSON in and out (Jackson, which Spark already brings), with atomic file replacement. */
public final class Json {
    private Json() {}

    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes beside the target, then moves into place, so a reader never sees half a file. */
    public static void writeAtomically(Path file, Object value) {
        writeAtomically(file, write(value) + "\n");
    }

    /** Replaces {@code file} on any store so that a reader sees the old content or the new one. */
    public static void writeAtomically(org.mentorshipgraph.storage.Location file, Object value) {
        file.replaceAtomically(write(value) + "\n");
    }

    public static void writeAtomically(Path file, String text) {
        try {
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
