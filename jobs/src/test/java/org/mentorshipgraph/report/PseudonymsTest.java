package org.mentorshipgraph.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymsTest {
    @TempDir
    Path dir;

    @Test
    void theSaltFileIsCreatedOnceOwnerOnlyAndGivesStablePseudonyms() throws Exception {
        Pseudonyms first = Pseudonyms.forInstallation(dir, Map.of());
        Path salt = dir.resolve(Pseudonyms.SALT_FILE);
        assertThat(salt).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(salt)))
                .isEqualTo("rw-------");
        String saltText = Files.readString(salt);
        Pseudonyms second = Pseudonyms.forInstallation(dir, Map.of());
        assertThat(Files.readString(salt)).isEqualTo(saltText);
        assertThat(second.of("p0001"))
                .isEqualTo(first.of("p0001"))
                .matches("person-[0-9a-f]{12}")
                .doesNotContain("p0001");
        assertThat(first.of("p0002")).isNotEqualTo(first.of("p0001"));
    }

    @Test
    void anotherInstallationOrTheEnvironmentsSaltGivesOtherPseudonyms() throws Exception {
        Path other = Files.createDirectories(dir.resolve("other"));
        String here = Pseudonyms.forInstallation(dir, Map.of()).of("p0001");
        assertThat(Pseudonyms.forInstallation(other, Map.of()).of("p0001")).isNotEqualTo(here);
        Map<String, String> env = Map.of(Pseudonyms.SALT_ENV, "a-long-enough-installation-secret");
        String fromEnv = Pseudonyms.forInstallation(dir, env).of("p0001");
        assertThat(fromEnv)
                .isNotEqualTo(here)
                .isEqualTo(Pseudonyms.forInstallation(other, env).of("p0001"));
        assertThatThrownBy(() -> Pseudonyms.forInstallation(dir, Map.of(Pseudonyms.SALT_ENV, "short")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noCollisionsAmongManyIds() {
        Pseudonyms p = new Pseudonyms(new byte[32]);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50_000; i++) assertThat(seen.add(p.of("p" + i))).isTrue();
    }
}
