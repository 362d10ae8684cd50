package org.mentorshipgraph.job;

import java.nio.file.Path;

/** A separate JVM that takes the run lock and holds it until killed: stands in for a running or crashed run. */
public final class LockHolderMain {
    public static void main(String[] args) throws Exception {
        RunLock.acquire(Path.of(args[0]), "test holder");
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
