package org.mentorshipgraph.tools.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plain reference implementation, for checking the sample only, of the tie graph and two metrics the job computes
 * (see docs/domain.md): tie strength {@code s = Σ w · 2^(−age/h)} with group events weighted 1/(N−1); unweighted
 * betweenness (Brandes 2001, normalized as NetworkX: divided by (n−1)(n−2)/2); Burt's constraint on strengths as
 * NetworkX's {@code constraint} defines it. Quadratic-ish and boxed: fine for 400 people, not for the job.
 */
final class ReferenceTieGraph {

    final List<String> ids;
    final Map<String, Integer> index = new HashMap<>();
    final List<Map<Integer, Double>> adjacency = new ArrayList<>();

    ReferenceTieGraph(GeneratedSample sample, Instant asOf, double halfLifeDays, double floor) {
        ids = sample.people.stream().map(p -> p.get("person_id")).toList();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
            adjacency.add(new TreeMap<>());
        }
        Map<String, Integer> eventSizes = sample.eventSizes();
        Map<Long, Double> strength = new HashMap<>();
        for (GeneratedSample.Interaction row : sample.valid) {
            int a = index.get(row.source());
            int b = index.get(row.target());
            double weight = row.eventId().isEmpty() ? 1.0 : 1.0 / eventSizes.get(row.eventId());
            double ageDays = Duration.between(row.time(), asOf).toMillis() / 86_400_000.0;
            long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
            strength.merge(key, weight * Math.pow(2, -ageDays / halfLifeDays), Double::sum);
        }
        strength.forEach((key, s) -> {
            if (s >= floor) {
                int a = (int) (key >>> 32);
                int b = (int) (long) key;
                adjacency.get(a).put(b, s);
                adjacency.get(b).put(a, s);
            }
        });
    }

    int size() {
        return ids.size();
    }

    /** Unweighted betweenness, normalized like NetworkX's {@code betweenness_centrality(normalized=True)}. */
    double[] betweenness() {
        int n = size();
        double[] bc = new double[n];
        int[] dist = new int[n];
        double[] sigma = new double[n];
        double[] delta = new double[n];
        int[] stack = new int[n];
        List<List<Integer>> preds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            preds.add(new ArrayList<>());
        }
        for (int s = 0; s < n; s++) {
            Arrays.fill(dist, -1);
            Arrays.fill(sigma, 0);
            Arrays.fill(delta, 0);
            for (List<Integer> p : preds) {
                p.clear();
            }
            int top = 0;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            dist[s] = 0;
            sigma[s] = 1;
            queue.add(s);
            while (!queue.isEmpty()) {
                int v = queue.poll();
                stack[top++] = v;
                for (int w : adjacency.get(v).keySet()) {
                    if (dist[w] < 0) {
                        dist[w] = dist[v] + 1;
                        queue.add(w);
                    }
                    if (dist[w] == dist[v] + 1) {
                        sigma[w] += sigma[v];
                        preds.get(w).add(v);
                    }
                }
            }
            while (top > 0) {
                int w = stack[--top];
                for (int v : preds.get(w)) {
                    delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
                }
                if (w != s) {
                    bc[w] += delta[w];
                }
            }
        }
        // Each pair was counted from both ends: halve, then divide by the (n-1)(n-2)/2 pairs not involving v.
        double scale = 1.0 / ((n - 1.0) * (n - 2.0));
        for (int v = 0; v < n; v++) {
            bc[v] *= scale;
        }
        return bc;
    }

    /** Burt's constraint on strengths; NaN for isolated people (as NetworkX). */
    double[] constraint() {
        int n = size();
        double[] total = new double[n];
        for (int v = 0; v < n; v++) {
            total[v] = adjacency.get(v).values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
        }
        double[] c = new double[n];
        for (int u = 0; u < n; u++) {
            Map<Integer, Double> nu = adjacency.get(u);
            if (nu.isEmpty()) {
                c[u] = Double.NaN;
                continue;
            }
            double sum = 0;
            for (Map.Entry<Integer, Double> e : nu.entrySet()) {
                int v = e.getKey();
                double direct = e.getValue() / total[u];
                double indirect = 0;
                for (Map.Entry<Integer, Double> q : nu.entrySet()) {
                    Double qv = adjacency.get(q.getKey()).get(v);
                    if (qv != null) {
                        indirect += q.getValue() / total[u] * qv / total[q.getKey()];
                    }
                }
                sum += (direct + indirect) * (direct + indirect);
            }
            c[u] = sum;
        }
        return c;
    }

    /** The {@code k} people with the highest ({@code highest}) or lowest finite values. */
    List<String> extreme(double[] values, int k, boolean highest) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                order.add(i);
            }
        }
        order.sort((a, b) -> highest ? Double.compare(values[b], values[a]) : Double.compare(values[a], values[b]));
        return order.subList(0, k).stream().map(ids::get).toList();
    }
}
