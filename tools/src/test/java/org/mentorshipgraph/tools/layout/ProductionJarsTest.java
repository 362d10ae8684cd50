package org.mentorshipgraph.tools.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mentorshipgraph.algorithms.graph.CompactGraph;
import org.mentorshipgraph.failures.ExitCodes;

/**
 * The production artifacts hold production code only: the algorithms and jobs main classes (the jar, or the classes
 * folder when the build stopped before packaging) and the spark-submit application jar contain nothing of the tools
 * module, the benchmarks or the generators, and the application jar no Spark (the cluster provides it).
 */
class ProductionJarsTest {
    static final Path ROOT =
            Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();

    /** Path prefixes and class names that are test or tool code. */
    static final List<String> NOT_PRODUCTION_PREFIXES = List.of(
            "org/mentorshipgraph/tools/",
            "org/mentorshipgraph/sample/",
            "org/mentorshipgraph/bench/",
            "org/mentorshipgraph/benchmarks/",
            "org/mentorshipgraph/testing/",
            "org/openjdk/jmh/",
            "org/junit/",
            "org/assertj/",
            "org/apache/spark/graphx/");

    static final List<String> NOT_PRODUCTION_CLASSES =
            List.of("RandomGraphs", "SyntheticRunGraph", "WriteBenchmark", "ConnectorsAtScale", "BetweennessSpeed");

    @Test
    void algorithmsMainClassesAreProductionCodeOnly() throws Exception {
        List<String> entries = entriesWhere(CompactGraph.class);
        assertThat(entries).contains("org/mentorshipgraph/algorithms/graph/CompactGraph.class");
        assertThat(toolCode(entries)).isEmpty();
    }

    @Test
    void jobsMainClassesAreProductionCodeOnly() throws Exception {
        List<String> entries = entriesWhere(ExitCodes.class);
        assertThat(entries).contains("org/mentorshipgraph/failures/ExitCodes.class");
        assertThat(entries).noneMatch(e -> e.startsWith("org/mentorshipgraph/algorithms/"));
        assertThat(toolCode(entries)).isEmpty();
    }

    @Test
    void theSparkApplicationJarHoldsNoToolsAndNoSpark() throws IOException {
        Path jobsTarget = ROOT.resolve("jobs/target");
        List<Path> appJars;
        try (Stream<Path> s = Files.exists(jobsTarget) ? Files.list(jobsTarget) : Stream.empty()) {
            appJars = s.filter(p -> p.getFileName().toString().endsWith("-spark-app.jar"))
                    .toList();
        }
        assumeTrue(!appJars.isEmpty(), "no jobs/target/*-spark-app.jar: the build did not reach jobs' package phase");
        for (Path jar : appJars) {
            List<String> entries = jarEntries(jar);
            assertThat(entries)
                    .as(jar + " has the job and the algorithms")
                    .contains(
                            "org/mentorshipgraph/failures/ExitCodes.class",
                            "org/mentorshipgraph/algorithms/graph/CompactGraph.class");
            assertThat(toolCode(entries)).as(jar.toString()).isEmpty();
            assertThat(entries)
                    .as(jar + ": Spark and Scala are provided by the cluster")
                    .noneMatch(e -> e.startsWith("org/apache/spark/") || e.startsWith("scala/"));
        }
    }

    @Test
    void toolCodeIsRecognised() {
        assertThat(toolCode(List.of(
                        "org/mentorshipgraph/algorithms/graph/CompactGraph.class",
                        "org/mentorshipgraph/algorithms/graph/RandomGraphs.class",
                        "org/mentorshipgraph/neo4j/SyntheticRunGraph$1.class",
                        "org/mentorshipgraph/tools/sample/Organisation.class",
                        "org/mentorshipgraph/neo4j/GraphWriter.class")))
                .containsExactly(
                        "org/mentorshipgraph/algorithms/graph/RandomGraphs.class",
                        "org/mentorshipgraph/neo4j/SyntheticRunGraph$1.class",
                        "org/mentorshipgraph/tools/sample/Organisation.class");
    }

    static List<String> toolCode(List<String> entries) {
        return entries.stream()
                .filter(e -> NOT_PRODUCTION_PREFIXES.stream().anyMatch(e::startsWith)
                        || NOT_PRODUCTION_CLASSES.stream()
                                .anyMatch(c -> simpleName(e).equals(c)))
                .toList();
    }

    private static String simpleName(String entry) {
        if (!entry.endsWith(".class")) return "";
        String name = entry.substring(entry.lastIndexOf('/') + 1, entry.length() - ".class".length());
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    /** The entries of the jar or classes folder that {@code type} was loaded from. */
    private static List<String> entriesWhere(Class<?> type) throws IOException, URISyntaxException {
        Path location =
                Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(location)) return jarEntries(location);
        List<String> entries = new ArrayList<>();
        try (Stream<Path> s = Files.walk(location)) {
            s.filter(Files::isRegularFile)
                    .forEach(p -> entries.add(location.relativize(p).toString().replace('\\', '/')));
        }
        return entries;
    }

    private static List<String> jarEntries(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            return Collections.list(j.entries()).stream().map(e -> e.getName()).toList();
        }
    }
}
