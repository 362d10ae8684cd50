package org.mentorshipgraph.algorithms.centrality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

/** A graph and its expected values written by scripts/reference/make_reference.py (NetworkX 2.8.8). */
public final class ReferenceGraph {
    final String name;
    final CompactGraph graph;
    final Map<String, double[]> columns = new HashMap<>();
    final int[] community;
    final Map<String, String> graphValues = new HashMap<>();

    private ReferenceGraph(String name, CompactGraph graph, int[] community) {
        this.name = name;
        this.graph = graph;
        this.community = community;
    }

    static ReferenceGraph load(String name) {
        List<String[]> graphRows = tsv(name + ".graph.tsv");
        Map<String, String> values = new HashMap<>();
        for (String[] r : graphRows) {
            values.put(r[0], r[1]);
        }
        int n = Integer.parseInt(values.get("n"));
        List<String[]> edges = tsv(name + ".edges.tsv");
        int[] a = new int[edges.size()];
        int[] b = new int[edges.size()];
        double[] w = new double[edges.size()];
        for (int i = 0; i < edges.size(); i++) {
            a[i] = Integer.parseInt(edges.get(i)[0]);
            b[i] = Integer.parseInt(edges.get(i)[1]);
            w[i] = Double.parseDouble(edges.get(i)[2]);
        }
        List<String[]> nodes = tsv(name + ".nodes.tsv");
        String[] header = readHeader(name + ".nodes.tsv");
        int[] community = new int[n];
        ReferenceGraph ref = new ReferenceGraph(name, CompactGraph.fromEdges(n, a, b, w), community);
        ref.graphValues.putAll(values);
        for (int c = 1; c < header.length; c++) {
            if (header[c].equals("name")) {
                continue;
            }
            double[] col = new double[n];
            for (String[] r : nodes) {
                col[Integer.parseInt(r[0])] = Double.parseDouble(r[c]);
            }
            ref.columns.put(header[c], col);
            if (header[c].equals("community")) {
                for (int v = 0; v < n; v++) {
                    community[v] = (int) col[v];
                }
            }
        }
        assertThat(ref.graph.edgeCount()).isEqualTo(Integer.parseInt(values.get("m")));
        return ref;
    }

    double[] column(String name) {
        double[] c = columns.get(name);
        assertThat(c).as("column " + name).isNotNull();
        return c;
    }

    double value(String key) {
        return Double.parseDouble(graphValues.get(key));
    }

    /** Every entry within 1e-9 relative (1e-14 absolute near zero); NaN must match NaN. */
    static void assertClose(String what, double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertThat(actual[i]).as(what + " node " + i).isNaN();
            } else {
                assertThat(actual[i])
                        .as(what + " node " + i)
                        .isCloseTo(expected[i], within(1e-9 * Math.abs(expected[i]) + 1e-14));
            }
        }
    }

    private static String[] readHeader(String file) {
        try (BufferedReader r = open(file)) {
            return r.readLine().split("\t");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a tab-separated test resource under {@code /reference/}, its header line skipped. */
    public static List<String[]> tsv(String file) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = open(file)) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    rows.add(line.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static BufferedReader open(String file) {
        InputStream in = ReferenceGraph.class.getResourceAsStream("/reference/" + file);
        if (in == null) {
            throw new IllegalStateException("missing test resource /reference/" + file);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
