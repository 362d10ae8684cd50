package org.mentorshipgraph.s3local;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 API on 127.0.0.1: S3Proxy over a local folder (jclouds' filesystem store; each bucket is a sub-folder).
 * Arguments: {@code PORT FOLDER [BUCKET...]} (the buckets are created); the access key and secret come from the
 * environment ({@code S3_LOCAL_ACCESS_KEY}, {@code S3_LOCAL_SECRET_KEY}), never from the command line. Prints
 * {@code READY http://127.0.0.1:PORT} once it answers, then serves until its standard input closes (so it dies with
 * the process that started it, however that one dies) or it is stopped; with {@code S3_LOCAL_DETACHED=1} (as
 * {@code scripts/s3-local} starts it) until it is stopped.
 */
public final class LocalS3 {
    private LocalS3() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println(
                    "usage: LocalS3 PORT FOLDER [BUCKET...] (keys in S3_LOCAL_ACCESS_KEY/S3_LOCAL_SECRET_KEY)");
            System.exit(2);
        }
        // logback's default is DEBUG for everything: Jetty's and jclouds' request traces would cost more than serving
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int port = Integer.parseInt(args[0]);
        Path folder = Path.of(args[1]).toAbsolutePath();
        String access = System.getenv().getOrDefault("S3_LOCAL_ACCESS_KEY", "local-access-key");
        String secret = System.getenv().getOrDefault("S3_LOCAL_SECRET_KEY", "local-secret-key");
        Files.createDirectories(folder);
        for (int i = 2; i < args.length; i++) Files.createDirectories(folder.resolve(args[i]));
        boolean inMemory = "transient".equals(System.getenv("S3_LOCAL_STORE"));
        Properties p = new Properties();
        p.setProperty("jclouds.filesystem.basedir", folder.toString());
        // S3_LOCAL_STORE=transient keeps the objects in memory instead (jclouds' in-memory store)
        String store = System.getenv().getOrDefault("S3_LOCAL_STORE", "filesystem");
        BlobStoreContext context = ContextBuilder.newBuilder(store)
                .credentials(access, secret)
                .overrides(p)
                .build(BlobStoreContext.class);
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, access, secret)
                .build();
        if (inMemory)
            for (int i = 2; i < args.length; i++) context.getBlobStore().createContainerInLocation(null, args[i]);
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) Thread.sleep(20);
        System.out.println("READY " + endpoint);
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                proxy.stop();
            } catch (Exception ignored) {
                // exiting anyway
            }
        }));
        if ("1".equals(System.getenv("S3_LOCAL_DETACHED"))) {
            Thread.currentThread().join(); // scripts/s3-local: serve until stopped (SIGTERM)
        }
        while (System.in.read() != -1) {
            // serve until the parent closes our stdin
        }
        System.exit(0);
    }
}
