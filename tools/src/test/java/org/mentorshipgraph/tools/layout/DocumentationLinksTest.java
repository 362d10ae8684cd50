package org.mentorshipgraph.tools.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link in the repository's Markdown files leads to a tracked file or folder (and, with an anchor into
 * a Markdown file, to one of its headings), so that README.md, docs/ and the modules' READMEs never point into
 * nothing, as {@code ../shared/docs/domain.md} once did. Tracked means what {@code git ls-files} lists: a link to a
 * build output or an ignored file would work here and break in a fresh clone.
 */
class DocumentationLinksTest {
    static final Path ROOT =
            Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();

    @Test
    void everyRelativeLinkInATrackedMarkdownFileLeadsToATrackedFile() throws Exception {
        List<String> tracked = gitLsFiles(ROOT);
        List<String> markdown =
                tracked.stream().filter(f -> f.endsWith(".md")).sorted().toList();
        assertThat(markdown).contains("README.md", "docs/domain.md", "docs/graph-model.md", "tools/README.md");

        Set<String> files = new HashSet<>(tracked);
        Set<String> folders = new HashSet<>();
        for (String f : tracked)
            for (int i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) folders.add(f.substring(0, i));
        folders.add(".");

        List<MarkdownLinks.Broken> broken = MarkdownLinks.check(
                ROOT, markdown, p -> (files.contains(p) && Files.exists(ROOT.resolve(p))) || folders.contains(p));
        assertThat(broken)
                .as("links that lead nowhere (fix the link, or git add its target)")
                .isEmpty();
    }

    @Test
    void theContractIsLinkedFromTheReadmes() throws IOException {
        assertThat(MarkdownLinks.targets(String.join("\n", Files.readAllLines(ROOT.resolve("README.md")))))
                .anyMatch(t -> t.startsWith("docs/domain.md"));
        assertThat(MarkdownLinks.targets(
                        String.join("\n", Files.readAllLines(ROOT.resolve("notebooks-data/README.md")))))
                .anyMatch(t -> t.startsWith("../docs/domain.md"));
    }

    @Test
    void findsBrokenFilesAnchorsAndReferencesButNotCodeOrWebLinks(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/guide.md"), """
                # The guide
                ## Inputs: `people.csv` (optional)
                ## Inputs: `people.csv` (optional)
                """);
        Files.writeString(dir.resolve("README.md"), """
                # Top
                See [the guide](docs/guide.md), [its inputs](docs/guide.md#inputs-peoplecsv-optional) and
                [the repeat](docs/guide.md#inputs-peoplecsv-optional-1), [up](#top), [docs](docs) and
                [the web](https://example.com/x.md). ![a picture](docs/missing.png "title")
                [gone](docs/gone.md) and [bad anchor](docs/guide.md#outputs) and [no heading](#nowhere).
                `[in code](nowhere.md)`

                ```
                [in a block](nowhere.md)
                ```
                [ref]: ../outside.md
                """);
        Set<String> files = Set.of("README.md", "docs/guide.md");
        List<MarkdownLinks.Broken> broken = MarkdownLinks.check(
                dir, List.of("README.md"), p -> files.contains(p) || p.equals("docs") || p.equals("."));

        assertThat(broken.stream().map(b -> b.line() + " " + b.target()).collect(Collectors.toList()))
                .containsExactly(
                        "4 docs/missing.png",
                        "5 docs/gone.md",
                        "5 docs/guide.md#outputs",
                        "5 #nowhere",
                        "11 ../outside.md");
        assertThat(broken.get(4).why()).isEqualTo("leads out of the repository");
    }

    @Test
    void anchorsAreGitHubs() {
        assertThat(MarkdownLinks.anchors(List.of(
                        "# mentorship-graph",
                        "### Outputs: `OUT/runs/<as-of>/`",
                        "## History and retention",
                        "### How fast (measured on this 2-core machine, 2026-11-24)",
                        "## History and retention")))
                .containsExactly(
                        "mentorship-graph",
                        "outputs-outrunsas-of",
                        "history-and-retention",
                        "how-fast-measured-on-this-2-core-machine-2026-11-24",
                        "history-and-retention-1");
    }

    static List<String> gitLsFiles(Path root) throws Exception {
        Process git = new ProcessBuilder("git", "-C", root.toString(), "ls-files", "-z")
                .redirectErrorStream(false)
                .start();
        byte[] out = git.getInputStream().readAllBytes();
        assertThat(git.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(git.exitValue())
                .as("git ls-files in " + root + ": "
                        + new String(git.getErrorStream().readAllBytes()))
                .isZero();
        return Arrays.stream(new String(out, StandardCharsets.UTF_8).split("\0"))
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
