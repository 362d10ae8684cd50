package org.mentorshipgraph.tools.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.mentorshipgraph.algorithms.mentoring.ProgrammeInstances;
import org.mentorshipgraph.algorithms.mentoring.ProgrammeMatching;

/**
 * scripts/bench-matching: times {@link ProgrammeMatching} on a programme shaped like a 100,000-person organisation
 * ({@link ProgrammeInstances#organisation}: Zipf-popular mentors, capacities 1..3, so popular mentors are asked many
 * times over their places). Prints a RESULT line per run with wall and process CPU seconds, the total and the
 * number assigned, then the peak heap (sum of the heap pools' peaks).
 *
 * <p>Arguments: {@code --mentees 60000 --mentors 20000 --pairs 20 --zipf 1.0 --seed 1 --runs 3 --write FILE}
 * ({@code --zipf 0}: uniform popularity); {@code --write} also writes the instance as "mentee mentor score" lines
 * after a "mentees mentors" line and a capacity line, for scripts/reference/programme-matching-large.py.
 */
public final class ProgrammeMatchingSpeed {
    private ProgrammeMatchingSpeed() {}

    public static void main(String[] args) throws IOException {
        int mentees = 60_000;
        int mentors = 20_000;
        int pairs = 20;
        long seed = 1;
        int runs = 3;
        double zipf = 1.0;
        Path write = null;
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--mentees" -> mentees = Integer.parseInt(v);
                case "--mentors" -> mentors = Integer.parseInt(v);
                case "--pairs" -> pairs = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--runs" -> runs = Integer.parseInt(v);
                case "--zipf" -> zipf = Double.parseDouble(v);
                case "--write" -> write = Path.of(v);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        long t0 = System.nanoTime();
        ProgrammeInstances.Instance in = ProgrammeInstances.organisation(mentees, mentors, pairs, zipf, seed);
        long places = 0;
        for (int c : in.capacity()) places += c;
        System.out.printf(
                Locale.ROOT,
                "instance: %,d mentees, %,d mentors, %,d places, %,d pairs (Zipf exponent %.2f, seed %d, %.2f s)%n",
                in.mentees(),
                in.mentors(),
                places,
                in.mentee().length,
                zipf,
                seed,
                (System.nanoTime() - t0) / 1e9);
        if (write != null) write(in, write);
        for (int r = 1; r <= runs; r++) {
            long start = System.nanoTime();
            long cpuStart = BetweennessSpeed.processCpuNanos();
            ProgrammeMatching.Assignment a = in.solve();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (BetweennessSpeed.processCpuNanos() - cpuStart) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "RESULT run=%d seconds=%.3f cpu_seconds=%.3f assigned=%d total=%.17g%n",
                    r,
                    seconds,
                    cpu,
                    a.assigned(),
                    a.total());
        }
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
            if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
        System.out.printf(
                Locale.ROOT,
                "peak heap (sum of pool peaks): %,d MB of max %,d MB%n",
                peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void write(ProgrammeInstances.Instance in, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(in.mentees() + " " + in.mentors() + "\n");
            StringBuilder caps = new StringBuilder();
            for (int j = 0; j < in.mentors(); j++)
                caps.append(j == 0 ? "" : " ").append(in.capacity()[j]);
            out.write(caps.append('\n').toString());
            for (int p = 0; p < in.mentee().length; p++) {
                out.write(in.mentee()[p] + " " + in.mentor()[p] + " " + Double.toString(in.score()[p]) + "\n");
            }
        }
    }
}
