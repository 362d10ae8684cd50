package org.mentorshipgraph.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS for tests: a NameNode and a DataNode in this JVM ({@code hadoop-client-minicluster}, Spark 4.1's Hadoop
 * line), on free loopback ports, over a temporary folder. Start one per test class; {@link #close()} stops it.
 */
public final class HdfsTestCluster implements AutoCloseable {
    private final MiniDFSCluster cluster;
    private final Path base;

    private HdfsTestCluster(MiniDFSCluster cluster, Path base) {
        this.cluster = cluster;
        this.base = base;
    }

    public static HdfsTestCluster start() {
        try {
            Path base = Files.createTempDirectory("hdfs-test-");
            Configuration conf = new Configuration();
            conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
            conf.set("dfs.namenode.rpc-address", "127.0.0.1:0");
            conf.set("dfs.namenode.http-address", "127.0.0.1:0");
            conf.set("dfs.datanode.address", "127.0.0.1:0");
            conf.set("dfs.datanode.http.address", "127.0.0.1:0");
            conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
            conf.setBoolean("dfs.permissions.enabled", false);
            conf.setInt("dfs.replication", 1);
            MiniDFSCluster c = new MiniDFSCluster.Builder(conf)
                    .numDataNodes(1)
                    .format(true)
                    .build();
            c.waitActive();
            return new HdfsTestCluster(c, base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a test HDFS until its standard input closes, printing {@code READY hdfs://127.0.0.1:PORT}: for measuring
     * {@code scripts/nightly} against a real HDFS by hand (run with the jobs module's test classpath).
     */
    public static void main(String[] args) throws Exception {
        try (HdfsTestCluster c = start()) {
            System.out.println("READY " + c.uri());
            System.out.flush();
            while (System.in.read() != -1) {
                // serve until stdin closes
            }
        }
    }

    /** {@code hdfs://127.0.0.1:PORT} */
    public String uri() {
        return "hdfs://127.0.0.1:" + cluster.getNameNodePort();
    }

    /** Stops the NameNode (the DataNode stays), to test a store that does not answer. */
    public void stopNameNode() {
        cluster.shutdownNameNode(0);
    }

    public void restartNameNode() {
        try {
            cluster.restartNameNode(0, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        cluster.shutdown(true);
        S3TestServer.deleteTree(base);
    }
}
