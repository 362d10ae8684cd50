package org.mentorshipgraph.tools.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A generated sample read back the way a consumer of the data contract would: every interaction row is parsed
 * independently of the generator and either kept or classified with the reason it breaks the contract.
 */
final class GeneratedSample {

    record Interaction(
            String file, Instant time, String source, String target, String channel, String duration, String eventId) {}

    final Path dir;
    final Map<String, Object> planted;
    final LocalDate end;
    final List<Map<String, String>> people = new ArrayList<>();
    final List<Map<String, String>> mentorships = new ArrayList<>();
    final List<Map<String, String>> positions = new ArrayList<>();
    final List<Interaction> valid = new ArrayList<>();
    final Map<String, Integer> malformed = new TreeMap<>();
    final Map<String, Integer> timestampFormats = new TreeMap<>();
    long rows;

    GeneratedSample(Path dir) {
        this.dir = dir;
        try {
            planted = MiniJson.object(MiniJson.parse(Files.readString(dir.resolve("planted.json"))));
            end = LocalDate.parse(
                    (String) MiniJson.object(planted.get("windows")).get("data_end"));
            people.addAll(readCsv(dir.resolve("people.csv")));
            mentorships.addAll(readCsv(dir.resolve("mentorships.csv")));
            positions.addAll(readCsv(dir.resolve("positions.csv")));
            for (Path file : interactionFiles(dir)) {
                readInteractions(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> interactionFiles(Path dir) throws IOException {
        if (Files.exists(dir.resolve("interactions.csv"))) {
            return List.of(dir.resolve("interactions.csv"));
        }
        try (Stream<Path> s = Files.walk(dir.resolve("interactions"))) {
            return s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
    }

    private void readInteractions(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (!lines.get(0).equals("timestamp,source_id,target_id,channel,duration_minutes,event_id")) {
            throw new AssertionError("bad header in " + file + ": " + lines.get(0));
        }
        Instant future = end.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        String name = dir.relativize(file).toString();
        for (String line : lines.subList(1, lines.size())) {
            rows++;
            String[] f = line.split(",", -1);
            if (f.length != 6) {
                throw new AssertionError("not 6 fields: " + line);
            }
            Instant t = parseTime(f[0]);
            String reason = null;
            if (f[1].isEmpty()) {
                reason = "missing_source_id";
            } else if (f[2].isEmpty()) {
                reason = "missing_target_id";
            } else if (t == null) {
                reason = "unparseable_timestamp";
            } else if (f[1].equals(f[2])) {
                reason = "self_interaction";
            } else if (!t.isBefore(future)) {
                reason = "future_timestamp";
            } else if (!f[4].isEmpty() && !f[4].matches("\\d+")) {
                reason = "non_numeric_duration";
            }
            if (reason != null) {
                malformed.merge(reason, 1, Integer::sum);
            } else {
                valid.add(new Interaction(name, t, f[1], f[2], f[3], f[4], f[5]));
                timestampFormats.merge(
                        f[0].matches("\\d+") ? "epoch_millis" : f[0].endsWith("Z") ? "utc" : "offset", 1, Integer::sum);
            }
        }
    }

    static Instant parseTime(String s) {
        try {
            if (s.matches("\\d{10,}")) {
                return Instant.ofEpochMilli(Long.parseLong(s));
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    static List<Map<String, String>> readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length != header.length) {
                throw new AssertionError("expected " + header.length + " fields (no quoting in the sample): " + line);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], f[i]);
            }
            out.add(row);
        }
        return out;
    }

    LocalDate recentStart() {
        return LocalDate.parse((String) MiniJson.object(planted.get("windows")).get("recent_start"));
    }

    LocalDate baselineStart() {
        return LocalDate.parse((String) MiniJson.object(planted.get("windows")).get("baseline_start"));
    }

    /** Dates (UTC) of all valid rows between {@code a} and {@code b}, either direction. */
    List<LocalDate> datesBetween(String a, String b) {
        List<LocalDate> out = new ArrayList<>();
        for (Interaction i : valid) {
            if ((i.source().equals(a) && i.target().equals(b))
                    || (i.source().equals(b) && i.target().equals(a))) {
                out.add(LocalDate.ofInstant(i.time(), ZoneOffset.UTC));
            }
        }
        return out;
    }

    int countIn(List<LocalDate> dates, LocalDate from, LocalDate toInclusive) {
        return (int) dates.stream()
                .filter(d -> !d.isBefore(from) && !d.isAfter(toInclusive))
                .count();
    }

    /** Rows per event id, for the 1/(N-1) weighting of group events. */
    Map<String, Integer> eventSizes() {
        Map<String, Integer> sizes = new HashMap<>();
        for (Interaction i : valid) {
            if (!i.eventId().isEmpty()) {
                sizes.merge(i.eventId(), 1, Integer::sum);
            }
        }
        return sizes;
    }
}
