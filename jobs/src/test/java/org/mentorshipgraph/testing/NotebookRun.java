package org.mentorshipgraph.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mentorshipgraph.files.Json;

/**
 * A Jupyter notebook executed headless, as an analyst's Jupyter would run it: Debian's {@code /usr/bin/python3}
 * (the interpreter with python3-pandas, python3-matplotlib, python3-ipykernel and jupyter-nbconvert; the
 * {@code python3} first on PATH may be another one without them) runs {@code nbconvert --to notebook --execute},
 * and the executed copy is read back: its error outputs, its printed text and its figures.
 *
 * <p>The child gets the test's environment without any {@code NEO4J_*} or {@code MG_*} variable (so a developer's own
 * settings never leak in), plus the given ones; Jupyter's, IPython's and Matplotlib's own folders are under the
 * work folder, never the user's home.
 */
public final class NotebookRun {
    public static final Path PYTHON = Path.of("/usr/bin/python3");

    private final JsonNode executed;

    private NotebookRun(JsonNode executed) {
        this.executed = executed;
    }

    /** Whether Debian's python3 has what the notebook needs (.ci/run installs it). */
    public static boolean available() {
        if (!Files.isExecutable(PYTHON)) return false;
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import nbconvert, ipykernel, pandas, matplotlib")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Executes {@code notebook} (errors recorded in its outputs, not thrown) into {@code work/executed.ipynb}.
     *
     * @throws IllegalStateException when nbconvert itself fails or takes longer than {@code timeout}
     */
    public static NotebookRun execute(Path notebook, Map<String, String> environment, Path work, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path log = work.resolve("nbconvert.log");
        ProcessBuilder pb = new ProcessBuilder(
                        PYTHON.toString(),
                        "-Xfrozen_modules=off",
                        "-m",
                        "nbconvert",
                        "--to",
                        "notebook",
                        "--execute",
                        "--allow-errors",
                        "--ExecutePreprocessor.kernel_name=python3",
                        "--ExecutePreprocessor.timeout=" + timeout.toSeconds(),
                        "--output-dir",
                        work.toString(),
                        "--output",
                        "executed.ipynb",
                        notebook.toString())
                .directory(notebook.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("NEO4J_") || k.startsWith("MG_"));
        env.put("PATH", "/usr/bin:/bin:" + env.getOrDefault("PATH", ""));
        for (String dir : List.of("JUPYTER_DATA_DIR", "JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"))
            env.put(
                    dir,
                    Files.createDirectories(work.resolve(dir.toLowerCase())).toString());
        env.put(
                "MPLCONFIGDIR",
                Files.createDirectories(work.resolve("matplotlib")).toString());
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        env.putAll(environment);
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(timeout.toSeconds() + 60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("nbconvert took longer than " + timeout + ": " + tail(log));
        }
        Path out = work.resolve("executed.ipynb");
        if (p.exitValue() != 0 || !Files.exists(out))
            throw new IllegalStateException("nbconvert exited " + p.exitValue() + ": " + tail(log));
        return new NotebookRun(Json.MAPPER.readTree(out.toFile()));
    }

    /** The executed notebook, as JSON. */
    public JsonNode executed() {
        return executed;
    }

    /** Every error output, as "Name: value". */
    public List<String> errors() {
        List<String> out = new ArrayList<>();
        for (JsonNode o : outputs())
            if ("error".equals(o.path("output_type").asText()))
                out.add(o.path("ename").asText() + ": " + o.path("evalue").asText());
        return out;
    }

    /** Everything the cells printed (stdout and stderr streams), in order. */
    public String printed() {
        StringBuilder s = new StringBuilder();
        for (JsonNode o : outputs())
            if ("stream".equals(o.path("output_type").asText())) s.append(text(o.path("text")));
        return s.toString();
    }

    /** The number of figures shown (PNG outputs). */
    public int figures() {
        int n = 0;
        for (JsonNode o : outputs()) if (o.path("data").has("image/png")) n++;
        return n;
    }

    private List<JsonNode> outputs() {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode cell : executed.path("cells")) cell.path("outputs").forEach(out::add);
        return out;
    }

    private static String text(JsonNode t) {
        if (t.isArray()) {
            StringBuilder s = new StringBuilder();
            t.forEach(x -> s.append(x.asText()));
            return s.toString();
        }
        return t.asText();
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) return "(no output)";
        String s = Files.readString(log, StandardCharsets.UTF_8);
        return s.length() <= 3000 ? s : "…" + s.substring(s.length() - 3000);
    }
}
