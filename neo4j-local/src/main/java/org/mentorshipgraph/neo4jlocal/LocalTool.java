package org.mentorshipgraph.neo4jlocal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Small helpers for {@code scripts/neo4j-local}. Needs only the JDK, so it runs fast from
 * {@code neo4j-local/target/classes} alone (no Neo4j jars on the classpath).
 *
 * <pre>
 * LocalTool port-free PORT          exit 0 if 127.0.0.1:PORT can be bound, 1 if not
 * LocalTool free-port [AVOID...]    print a free loopback port (never one of AVOID)
 * LocalTool wait-ready --bolt-port=P --http-port=P [--pid=N] [--timeout-seconds=90]
 *                                   wait until Bolt answers a handshake and the HTTP API its
 *                                   discovery document; exit 0 ready, 1 timed out, 2 process gone
 * </pre>
 */
public final class LocalTool {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private LocalTool() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "port-free" -> {
                if (args.length != 2) {
                    usage();
                }
                System.exit(isFree(Integer.parseInt(args[1])) ? 0 : 1);
            }
            case "free-port" -> {
                List<Integer> avoid = new ArrayList<>();
                for (int i = 1; i < args.length; i++) {
                    avoid.add(Integer.parseInt(args[i]));
                }
                System.out.println(freePort(avoid));
            }
            case "wait-ready" -> System.exit(waitReady(args));
            default -> usage();
        }
    }

    /** True if nothing is bound to 127.0.0.1:port (we can bind it ourselves). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A loopback port the OS reports free, never one of {@code avoid}. */
    public static int freePort(List<Integer> avoid) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int attempt = 0; attempt < 20; attempt++) {
                ServerSocket socket = new ServerSocket(0, 1, LOOPBACK);
                held.add(socket); // hold it, so the next attempt cannot get the same port
                if (!avoid.contains(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
            throw new IOException("no free port found");
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }

    private static int waitReady(String[] args) throws InterruptedException {
        int boltPort = -1;
        int httpPort = -1;
        long pid = -1;
        long timeoutSeconds = 90;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.startsWith("--bolt-port=")) {
                boltPort = Integer.parseInt(value);
            } else if (arg.startsWith("--http-port=")) {
                httpPort = Integer.parseInt(value);
            } else if (arg.startsWith("--pid=")) {
                pid = Long.parseLong(value);
            } else if (arg.startsWith("--timeout-seconds=")) {
                timeoutSeconds = Long.parseLong(value);
            } else {
                usage();
            }
        }
        if (boltPort <= 0 || httpPort <= 0) {
            usage();
        }
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        boolean bolt = false;
        boolean http = false;
        while (System.nanoTime() < deadline) {
            if (pid > 0 && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                return 2;
            }
            bolt = bolt || boltAnswers(boltPort);
            http = http || httpAnswers(httpPort);
            if (bolt && http) {
                return 0;
            }
            Thread.sleep(250);
        }
        System.err.println("not ready: bolt " + (bolt ? "answered" : "did not answer") + ", http "
                + (http ? "answered" : "did not answer"));
        return 1;
    }

    /** Performs a Bolt handshake: true if the server picked a protocol version. */
    public static boolean boltAnswers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {
                (byte) 0x60,
                (byte) 0x60,
                (byte) 0xB0,
                (byte) 0x17, // magic preamble
                0,
                8,
                8,
                5, // 5.8 down to 5.0
                0,
                0,
                4,
                4, // 4.4
                0,
                0,
                0,
                4, // 4.0
                0,
                0,
                0,
                3
            }); // 3.0
            out.flush();
            byte[] version = socket.getInputStream().readNBytes(4);
            return version.length == 4 && (version[2] != 0 || version[3] != 0);
        } catch (IOException e) {
            return false;
        }
    }

    /** True if the HTTP API serves its discovery document. */
    public static boolean httpAnswers(int port) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/").openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            connection.setRequestProperty("Accept", "application/json");
            if (connection.getResponseCode() != 200) {
                return false;
            }
            try (InputStream in = connection.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("neo4j_version");
            }
        } catch (IOException e) {
            return false;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static void usage() {
        System.err.println("usage: LocalTool port-free PORT | free-port [AVOID...] | "
                + "wait-ready --bolt-port=P --http-port=P [--pid=N] [--timeout-seconds=S]");
        System.exit(64);
    }
}
