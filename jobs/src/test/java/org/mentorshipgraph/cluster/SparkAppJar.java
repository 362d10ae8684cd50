package org.mentorshipgraph.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The application jar spark-submit gets: {@code jobs/target/mentorship-graph-jobs-<version>-spark-app.jar}, built
 * by the shade plugin in {@code package}, when it is at least as new as the compiled classes.
 *
 * <p>Maven runs tests before {@code package}, so in a clean build ({@code scripts/test} = {@code mvn verify}) that jar
 * does not exist yet, or is older than the classes under test. Then an equivalent jar is assembled here from the
 * same inputs with the same rules as the shade plugin's configuration in {@code jobs/pom.xml}: our classes, the
 * algorithms module, the (already shaded) Neo4j driver with reactive-streams, and picocli; signatures, module-info
 * and the driver's Netty version file left out; service files merged; {@code Main-Class} NightlyCommand. Spark,
 * Scala and everything else Spark brings stay out: they are provided by the cluster.
 */
final class SparkAppJar {
    static final String MAIN_CLASS = "org.mentorshipgraph.cli.NightlyCommand";
    /** Classpath entries the application jar bundles (the rest of job-classpath.txt is Spark, provided). */
    static final Pattern BUNDLED =
            Pattern.compile("(mentorship-graph-.*|neo4j-java-driver-all-.*|picocli-.*|reactive-streams-.*)\\.jar");

    private static final Pattern LEFT_OUT = Pattern.compile(
            "META-INF/MANIFEST\\.MF|META-INF/[^/]*\\.(SF|DSA|RSA)|module-info\\.class|META-INF/versions/\\d+/module-info\\.class|META-INF/io\\.netty\\.versions\\.properties");

    /** The jar and whether it is the shade plugin's artifact (true) or assembled by the test (false). */
    record Located(Path jar, boolean shaded) {}

    private SparkAppJar() {}

    static boolean bundled(Path classpathEntry) {
        return Files.isDirectory(classpathEntry)
                || BUNDLED.matcher(classpathEntry.getFileName().toString()).matches();
    }

    /** The shaded jar when fresh, else one assembled into {@code workDir}. */
    static Located forTest(Path jobsTarget, List<Path> jobClasspath, Path workDir) throws IOException {
        Path shaded;
        try (Stream<Path> s = Files.list(jobsTarget)) {
            shaded = s.filter(p -> p.getFileName().toString().matches("mentorship-graph-jobs-.*-spark-app\\.jar"))
                    .findFirst()
                    .orElse(null);
        }
        List<Path> inputs = new ArrayList<>();
        inputs.add(jobsTarget.resolve("classes"));
        jobClasspath.stream().filter(SparkAppJar::bundled).forEach(inputs::add);
        if (shaded != null) {
            FileTime newest = FileTime.fromMillis(0);
            for (Path in : inputs) {
                FileTime t = newest(in);
                if (t.compareTo(newest) > 0) newest = t;
            }
            if (Files.getLastModifiedTime(shaded).compareTo(newest) >= 0) return new Located(shaded, true);
        }
        Path jar = workDir.resolve("mentorship-graph-jobs-test-spark-app.jar");
        assemble(jar, inputs);
        return new Located(jar, false);
    }

    private static FileTime newest(Path p) throws IOException {
        if (!Files.isDirectory(p)) return Files.getLastModifiedTime(p);
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile)
                    .map(f -> {
                        try {
                            return Files.getLastModifiedTime(f);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .max(FileTime::compareTo)
                    .orElse(FileTime.fromMillis(0));
        }
    }

    /** Merges classes directories and jars into one jar: first entry of a name wins, services are concatenated. */
    static void assemble(Path jar, List<Path> inputs) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Map<String, StringBuilder> services = new LinkedHashMap<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.walk(in)) {
                    for (Path f :
                            (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                        add(in.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f), entries, services);
                    }
                }
            } else {
                try (ZipFile z = new ZipFile(in.toFile())) {
                    for (ZipEntry e : java.util.Collections.list(z.entries())) {
                        if (e.isDirectory()) continue;
                        try (InputStream is = z.getInputStream(e)) {
                            add(e.getName(), is.readAllBytes(), entries, services);
                        }
                    }
                }
            }
        }
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, MAIN_CLASS);
        try (OutputStream os = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(os, mf)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
            for (Map.Entry<String, StringBuilder> e : services.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().toString().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }

    private static void add(
            String name, byte[] bytes, Map<String, byte[]> entries, Map<String, StringBuilder> services) {
        if (LEFT_OUT.matcher(name).matches()) return;
        if (name.startsWith("META-INF/services/") && !name.endsWith("/")) {
            StringBuilder sb = services.computeIfAbsent(name, k -> new StringBuilder());
            String text = new String(bytes, StandardCharsets.UTF_8);
            sb.append(text);
            if (!text.endsWith("\n")) sb.append('\n');
            return;
        }
        entries.putIfAbsent(name, bytes);
    }

    /** The names of the jar's entries. */
    static Set<String> entries(Path jar) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        try (ZipFile z = new ZipFile(jar.toFile())) {
            z.stream().forEach(e -> names.add(e.getName()));
        }
        return names;
    }

    /** The jar's {@code Main-Class}, or null. */
    static String mainClass(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest m = j.getManifest();
            return m == null ? null : m.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
        }
    }
}
