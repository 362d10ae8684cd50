package org.mentorshipgraph.progress;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.function.Consumer;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The driver's heap, watched: the peak of each step, and the moment the heap is exhausted.
 *
 * <p><b>Peak per step.</b> At a step's start every heap pool's peak is reset; at its end the pools' peaks are summed.
 * The pools peak at different moments, so the sum is an upper bound of the true peak (and what {@code -Xmx} must
 * allow).
 *
 * <p><b>Exhaustion.</b> A JVM whose heap is full does not always die: an {@link OutOfMemoryError} thrown in one of
 * Spark's dispatcher threads is logged and swallowed, and the JVM then spends its time in back-to-back full
 * collections that free nothing. So the heap is declared exhausted, and the {@link #install installed} handler called
 * with the current step's name, when any of these happens: an {@code OutOfMemoryError} reaches a thread's uncaught
 * exception handler; or {@value #FULL_AFTER_GCS} old-generation collections in a row leave the old generation above
 * {@value #FULL_SHARE} of its maximum; or the job itself catches one ({@link #exhausted}). The handler is meant to
 * print one line and halt the JVM: nothing that needs memory can be trusted to run any more.
 */
public final class HeapWatch {
    private HeapWatch() {}

    /** Old-generation collections in a row that must leave it this full before the heap counts as exhausted. */
    static final int FULL_AFTER_GCS = 4;
    /** Share of the old generation's maximum still in use after a collection that counts as full. */
    static final double FULL_SHARE = 0.97;

    private static volatile String currentStep = "start-up";
    private static volatile Consumer<String> onExhausted;
    private static int fullInARow;

    /** Installs the exhaustion watch; {@code handler} receives the name of the step that ran out of memory. */
    public static synchronized void install(Consumer<String> handler) {
        boolean first = onExhausted == null;
        onExhausted = handler;
        if (!first) return;
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (isOutOfMemory(e)) exhausted();
            if (previous != null) previous.uncaughtException(t, e);
            else e.printStackTrace();
        });
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(
                        (n, hb) -> {
                            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType()))
                                return;
                            afterCollection(GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()));
                        },
                        null,
                        null);
            }
        }
    }

    private static void afterCollection(GarbageCollectionNotificationInfo info) {
        String action = info.getGcAction();
        if (action == null || !action.contains("major")) return;
        for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            String pool = e.getKey();
            if (!(pool.contains("Old") || pool.contains("Tenured"))) continue;
            MemoryUsage u = e.getValue();
            if (u.getMax() <= 0) continue;
            boolean full = u.getUsed() > FULL_SHARE * u.getMax();
            int inARow;
            synchronized (HeapWatch.class) {
                fullInARow = full ? fullInARow + 1 : 0;
                inARow = fullInARow;
            }
            if (inARow >= FULL_AFTER_GCS) exhausted();
        }
    }

    /** Whether {@code e}, or one of its causes, is an {@link OutOfMemoryError} about the heap. */
    public static boolean isOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    /** The heap is exhausted: calls the installed handler (which normally halts the JVM). */
    public static void exhausted() {
        Consumer<String> h = onExhausted;
        if (h != null) h.accept(currentStep);
    }

    /** The step that is running (for the exhaustion message). */
    public static String currentStep() {
        return currentStep;
    }

    static void stepStarted(String name) {
        currentStep = name;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peaks since the step started, in bytes. */
    static long stepFinished() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null)
                sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }

    /** The most heap this JVM may use ({@code -Xmx}), in bytes. */
    public static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    /** Bytes as "512 MB" or "3.5 GB"; "?" when negative. */
    public static String megabytes(long bytes) {
        if (bytes < 0) return "?";
        double mb = bytes / (1024.0 * 1024.0);
        return mb >= 1024
                ? String.format(Locale.ROOT, "%.1f GB", mb / 1024)
                : String.format(Locale.ROOT, "%.0f MB", mb);
    }
}
