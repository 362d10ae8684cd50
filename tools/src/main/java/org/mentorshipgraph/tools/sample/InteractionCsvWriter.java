package org.mentorshipgraph.tools.sample;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mentorshipgraph.tools.sample.SampleOrganisationGenerator.Spec;

/**
 * Collects one day of interaction rows, sorts them by time and streams them to disk: to
 * {@code interactions/date=YYYY-MM-DD/part-00000.csv}, or appended to one {@code interactions.csv}. Only one day is
 * held in memory, in primitive arrays.
 *
 * <p>Timestamp formats follow the source system of the row, as real exports do: e-mail from London, Berlin and New
 * York carries the sender's local offset ({@code 2026-09-14T11:02:07+02:00}); calls from New York come from a
 * telephony export in epoch milliseconds; everything else is a UTC instant ({@code 2026-09-14T09:02:07Z}).
 */
final class InteractionCsvWriter implements Closeable {

    static final int MEETING = 0;
    static final int ONE_ON_ONE = 1;
    static final int CHAT = 2;
    static final int EMAIL = 3;
    static final int CALL = 4;
    static final int CODE_REVIEW = 5;
    static final int PAIRING = 6;
    static final int MENTORING = 7;
    static final String[] CHANNELS = {
        "meeting", "one_on_one", "chat", "email", "call", "code_review", "pairing", "mentoring"
    };
    private static final char[][] CHANNEL_CHARS = new char[CHANNELS.length][];

    static {
        for (int c = 0; c < CHANNELS.length; c++) {
            CHANNEL_CHARS[c] = CHANNELS[c].toCharArray();
        }
    }

    static final String HEADER = "timestamp,source_id,target_id,channel,duration_minutes,event_id\n";
    /** Duration value meaning "empty". */
    static final int NO_DURATION = -1;

    /** A row written verbatim because it breaks the data contract on purpose. */
    record MalformedRow(String reason, String file, long line, String content) {}

    private final Spec spec;
    private final Organisation org;
    private final WorkingHours hours;
    private final Path outDir;
    private Writer writer;
    private String fileName;
    private long lineInFile;

    private int day = -1;
    private int n;
    private int[] src = new int[1024];
    private int[] tgt = new int[1024];
    private int[] ms = new int[1024];
    private int[] dur = new int[1024];
    private byte[] ch = new byte[1024];
    private long[] ev = new long[1024];
    private long[] keys = new long[1024];
    private final List<String> rawLines = new ArrayList<>();
    private final List<String> rawReasons = new ArrayList<>();

    private final char[] line = new char[256];
    private final char[] datePrefix = new char[11];
    private long dayEpochMillis;
    private long nextEventId = 1;
    private long rows;
    private int files;
    private final List<MalformedRow> malformed = new ArrayList<>();
    /** Valid rows written per day. */
    private final int[] validRowsPerDay;

    /** Person → slot of the people whose rows are tracked, -1 for others; null when nobody is tracked. */
    private int[] trackedSlot;

    private int[][] trackedRowsPerDay;
    /** Per slot: partner → rows with them before B, in B, in R. */
    private List<Map<Integer, int[]>> trackedPartners;

    InteractionCsvWriter(Spec spec, Organisation org, WorkingHours hours, Path outDir) throws IOException {
        this.spec = spec;
        this.org = org;
        this.hours = hours;
        this.outDir = outDir;
        this.validRowsPerDay = new int[spec.days()];
        if (spec.singleFile()) {
            open(outDir.resolve("interactions.csv"), "interactions.csv");
        }
    }

    private void open(Path file, String name) throws IOException {
        writer = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
        writer.write(HEADER);
        fileName = name;
        lineInFile = 1;
        files++;
    }

    void beginDay(int day) {
        this.day = day;
        n = 0;
        rawLines.clear();
        rawReasons.clear();
        String date = hours.dates[day].toString();
        date.getChars(0, 10, datePrefix, 0);
        datePrefix[10] = 'T';
        dayEpochMillis = hours.dates[day].toEpochDay() * 86_400_000L;
    }

    /** Keeps, for each of {@code people}, their rows per day and per partner (see {@link #trackedRows}). */
    void track(int[] people) {
        if (people.length == 0) {
            return;
        }
        trackedSlot = new int[org.n];
        Arrays.fill(trackedSlot, -1);
        trackedRowsPerDay = new int[people.length][spec.days()];
        trackedPartners = new ArrayList<>();
        for (int i = 0; i < people.length; i++) {
            trackedSlot[people[i]] = i;
            trackedPartners.add(new TreeMap<>());
        }
    }

    private void trackRow(int a, int b) {
        int window =
                day < spec.days() - SampleOrganisationGenerator.RECENT_DAYS - SampleOrganisationGenerator.BASELINE_DAYS
                        ? 0
                        : day < spec.days() - SampleOrganisationGenerator.RECENT_DAYS ? 1 : 2;
        for (int k = 0; k < 2; k++) {
            int slot = trackedSlot[k == 0 ? a : b];
            if (slot >= 0) {
                trackedRowsPerDay[slot][day]++;
                trackedPartners.get(slot).computeIfAbsent(k == 0 ? b : a, x -> new int[3])[window]++;
            }
        }
    }

    /** Rows written with tracked person {@code p} on days {@code fromDay..toDay} (inclusive). */
    int trackedRows(int p, int fromDay, int toDay) {
        int[] perDay = trackedRowsPerDay[trackedSlot[p]];
        int sum = 0;
        for (int d = Math.max(0, fromDay); d <= Math.min(toDay, perDay.length - 1); d++) {
            sum += perDay[d];
        }
        return sum;
    }

    /** Partner → rows with tracked person {@code p} {before B, in B, in R}, in partner order. */
    Map<Integer, int[]> trackedPartners(int p) {
        return trackedPartners.get(trackedSlot[p]);
    }

    /** Valid rows written on {@code day}. */
    int validRows(int day) {
        return validRowsPerDay[day];
    }

    /** A fresh id for a group event. */
    long newEventId() {
        return nextEventId++;
    }

    /** One interaction of the current day; {@code duration} may be {@link #NO_DURATION}, {@code eventId} 0. */
    void add(int source, int target, int msOfDay, int channel, int duration, long eventId) {
        if (n == src.length) {
            grow();
        }
        if (trackedSlot != null && source >= 0) {
            trackRow(source, target);
        }
        src[n] = source;
        tgt[n] = target;
        ms[n] = msOfDay;
        ch[n] = (byte) channel;
        dur[n] = duration;
        ev[n] = eventId;
        n++;
    }

    /** A verbatim line (without newline) that breaks the contract for {@code reason}, sorted in at {@code msOfDay}. */
    void addMalformed(int msOfDay, String content, String reason) {
        add(-1, rawLines.size(), msOfDay, 0, 0, 0);
        rawLines.add(content);
        rawReasons.add(reason);
    }

    private void grow() {
        int cap = src.length * 2;
        src = Arrays.copyOf(src, cap);
        tgt = Arrays.copyOf(tgt, cap);
        ms = Arrays.copyOf(ms, cap);
        dur = Arrays.copyOf(dur, cap);
        ch = Arrays.copyOf(ch, cap);
        ev = Arrays.copyOf(ev, cap);
    }

    void endDay() throws IOException {
        if (n >= (1 << 24)) {
            throw new IllegalStateException("more than 16M rows in one day; use more days");
        }
        if (keys.length < n) {
            keys = new long[src.length];
        }
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) ms[i] << 24) | i;
        }
        Arrays.sort(keys, 0, n);
        if (!spec.singleFile()) {
            String partition = "date=" + hours.dates[day];
            Path dir = outDir.resolve("interactions").resolve(partition);
            Files.createDirectories(dir);
            open(dir.resolve("part-00000.csv"), "interactions/" + partition + "/part-00000.csv");
        }
        for (int k = 0; k < n; k++) {
            writeRow((int) (keys[k] & 0xFFFFFF));
        }
        rows += n;
        validRowsPerDay[day] = n - rawLines.size();
        if (!spec.singleFile()) {
            writer.close();
            writer = null;
        }
    }

    private void writeRow(int i) throws IOException {
        lineInFile++;
        if (src[i] < 0) {
            String content = rawLines.get(tgt[i]);
            malformed.add(new MalformedRow(rawReasons.get(tgt[i]), fileName, lineInFile, content));
            writer.write(content);
            writer.write('\n');
            return;
        }
        char[] b = line;
        int pos;
        int s = src[i];
        int channel = ch[i];
        int location = org.location[s];
        int msOfDay = ms[i];
        if (channel == CALL && location == Organisation.NEW_YORK) {
            pos = writeLong(b, 0, dayEpochMillis + msOfDay);
        } else if (channel == EMAIL && location != Organisation.REMOTE) {
            int offset = hours.offsetSeconds[location][day];
            int localSeconds = msOfDay / 1000 + offset;
            if (localSeconds >= 0 && localSeconds < 86_400) {
                pos = writeTime(b, localSeconds);
                String text = hours.offsetText[location][day];
                text.getChars(0, text.length(), b, pos);
                pos += text.length();
            } else {
                pos = writeTime(b, msOfDay / 1000);
                b[pos++] = 'Z';
            }
        } else {
            pos = writeTime(b, msOfDay / 1000);
            b[pos++] = 'Z';
        }
        b[pos++] = ',';
        pos = put(b, pos, org.idChars[s]);
        b[pos++] = ',';
        pos = put(b, pos, org.idChars[tgt[i]]);
        b[pos++] = ',';
        pos = put(b, pos, CHANNEL_CHARS[channel]);
        b[pos++] = ',';
        if (dur[i] >= 0) {
            pos = writeLong(b, pos, dur[i]);
        }
        b[pos++] = ',';
        if (ev[i] > 0) {
            pos = writeEventId(b, pos, ev[i]);
        }
        b[pos++] = '\n';
        writer.write(b, 0, pos);
    }

    private int writeTime(char[] b, int secondOfDay) {
        System.arraycopy(datePrefix, 0, b, 0, 11);
        int h = secondOfDay / 3600;
        int m = secondOfDay / 60 % 60;
        int s = secondOfDay % 60;
        b[11] = (char) ('0' + h / 10);
        b[12] = (char) ('0' + h % 10);
        b[13] = ':';
        b[14] = (char) ('0' + m / 10);
        b[15] = (char) ('0' + m % 10);
        b[16] = ':';
        b[17] = (char) ('0' + s / 10);
        b[18] = (char) ('0' + s % 10);
        return 19;
    }

    private static int put(char[] b, int pos, char[] text) {
        System.arraycopy(text, 0, b, pos, text.length);
        return pos + text.length;
    }

    private static int writeLong(char[] b, int pos, long v) {
        int digits = digits(v);
        for (int k = pos + digits - 1; k >= pos; k--) {
            b[k] = (char) ('0' + v % 10);
            v /= 10;
        }
        return pos + digits;
    }

    /** Decimal digits of a non-negative number (1 for 0). */
    private static int digits(long v) {
        if (v < 10) {
            return 1;
        }
        if (v < 100) {
            return 2;
        }
        if (v < 1000) {
            return 3;
        }
        int digits = 4;
        for (long x = v / 10000; x > 0; x /= 10) {
            digits++;
        }
        return digits;
    }

    /** {@code e} and at least six digits: {@code e000042}. */
    private static int writeEventId(char[] b, int pos, long id) {
        b[pos++] = 'e';
        for (int k = digits(id); k < 6; k++) {
            b[pos++] = '0';
        }
        return writeLong(b, pos, id);
    }

    long rowsWritten() {
        return rows;
    }

    int filesWritten() {
        return files;
    }

    List<MalformedRow> malformedRows() {
        return malformed;
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
