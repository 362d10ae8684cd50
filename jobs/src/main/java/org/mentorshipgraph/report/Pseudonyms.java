package org.mentorshipgraph.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mentorshipgraph.storage.Location;
import org.mentorshipgraph.storage.Storage;

/**
 * Stable pseudonyms for people in the report and its exports: {@code person-} followed by the first 12 hex digits
 * (48 bits) of HMAC-SHA256(salt, person id). The same id gets the same pseudonym in every run of one installation,
 * so a reader can follow a person across reports without learning who it is; without the salt, ids (which are
 * usually easy to enumerate) cannot be matched to pseudonyms by hashing guesses.
 *
 * <p>The salt is the installation's: the environment variable {@value #SALT_ENV} when set, else the file
 * {@value #SALT_FILE} in the output directory, created on first use with 32 random bytes (owner-only permissions).
 * The salt never appears in any output. 48 bits keep collisions negligible (about n²/2⁴⁹: 2·10⁻⁵ for 100,000 people).
 */
public final class Pseudonyms {
    public static final String SALT_ENV = "MG_REPORT_PSEUDONYM_SALT";
    public static final String SALT_FILE = ".pseudonym-salt";
    static final String PREFIX = "person-";

    private final byte[] salt;

    public Pseudonyms(byte[] salt) {
        if (salt == null || salt.length < 16)
            throw new IllegalArgumentException("a pseudonym salt needs at least 16 bytes");
        this.salt = salt.clone();
    }

    /** The installation's pseudonyms: the salt from {@value #SALT_ENV}, else from (or newly into) {@code outputDir/.pseudonym-salt}. */
    public static Pseudonyms forInstallation(Path outputDir, Map<String, String> environment) {
        return forInstallation(Storage.local().at(outputDir.toString()), environment);
    }

    /** As {@link #forInstallation(Path, Map)}, on any store (created once, exclusively, so concurrent runs agree). */
    public static Pseudonyms forInstallation(Location outputDir, Map<String, String> environment) {
        String fromEnv = environment.get(SALT_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            byte[] s = fromEnv.trim().getBytes(StandardCharsets.UTF_8);
            if (s.length < 16) throw new IllegalArgumentException(SALT_ENV + " must be at least 16 characters");
            return new Pseudonyms(s);
        }
        if (outputDir.localFile().isPresent())
            return new Pseudonyms(saltFile(outputDir.localFile().get().resolve(SALT_FILE)));
        Location file = outputDir.child(SALT_FILE);
        if (!file.exists()) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            file.createExclusively(HexFormat.of().formatHex(fresh) + "\n");
        }
        try {
            byte[] s = HexFormat.of().parseHex(file.readString().trim());
            if (s.length < 16) throw new IllegalStateException(file + " holds fewer than 16 bytes of salt");
            return new Pseudonyms(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not a hex-encoded salt", e);
        }
    }

    public String of(String personId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            byte[] h = mac.doFinal(personId.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(h, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] saltFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path tmp = Files.createTempFile(file.getParent(), ".pseudonym-salt", ".tmp");
                try {
                    restrict(tmp);
                    Files.writeString(tmp, HexFormat.of().formatHex(fresh) + "\n");
                    try {
                        Files.createLink(file, tmp);
                    } catch (FileAlreadyExistsException raced) {
                        // another process made it first: use theirs
                    } catch (UnsupportedOperationException | IOException noHardLinks) {
                        if (!Files.exists(file)) Files.move(tmp, file);
                    }
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            byte[] s = HexFormat.of().parseHex(Files.readString(file).trim());
            if (s.length < 16) throw new IllegalStateException(file + " holds fewer than 16 bytes of salt");
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pseudonym salt " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not a hex-encoded salt", e);
        }
    }

    private static void restrict(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException notPosix) {
            // best effort on file systems without POSIX permissions
        }
    }
}
