package org.mentorshipgraph.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on a free loopback port in front of a real server, which "takes the server down" once the clients
 * have sent it a given number of bytes: it closes every connection and refuses new ones. Lets a test lose Neo4j in
 * the middle of a write without stopping the Neo4j that other tests share.
 */
public final class CuttableProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final long cutAfterBytes;
    private final AtomicLong sent = new AtomicLong();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    public CuttableProxy(int targetPort, long cutAfterBytes) throws IOException {
        this.targetPort = targetPort;
        this.cutAfterBytes = cutAfterBytes;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Whether the proxy has cut the connections. */
    public boolean isCut() {
        return cut;
    }

    /** Bytes the clients sent to the server. */
    public long bytesSent() {
        return sent.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream, true);
                pump(upstream, client, false);
            } catch (IOException e) {
                if (server.isClosed()) return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean toServer) {
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[16384];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buf)) > 0) {
                            if (toServer && sent.addAndGet(n) > cutAfterBytes) {
                                cutNow();
                                return;
                            }
                            out.write(buf, 0, n);
                            out.flush();
                        }
                    } catch (IOException ignored) {
                        // the other side or the cut closed the socket
                    }
                },
                "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Closes every connection; new ones are refused from now on. */
    public void cutNow() {
        cut = true;
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                /* closing anyway */
            }
        }
    }

    @Override
    public void close() throws IOException {
        cutNow();
        server.close();
    }
}
