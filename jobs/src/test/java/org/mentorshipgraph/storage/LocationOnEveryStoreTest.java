package org.mentorshipgraph.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mentorshipgraph.testing.HdfsTestCluster;
import org.mentorshipgraph.testing.S3TestServer;

/**
 * The driver's store operations on a local disk, a real HDFS (in-process NameNode and DataNode) and a real S3 API
 * (S3Proxy on loopback, through the S3A connector): the same calls, the same results, and the guarantees the run
 * lock and the publishing of runs rest on — an exclusive create that only one caller wins, a compare-and-swap on
 * S3's entity tags, an atomic rename where the store has one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocationOnEveryStoreTest {
    HdfsTestCluster hdfs;
    S3TestServer s3;
    Path local;
    Storage storage;

    @BeforeAll
    void start() throws Exception {
        hdfs = HdfsTestCluster.start();
        s3 = S3TestServer.start("bucket");
        local = Files.createTempDirectory("store-local-");
        Map<String, String> settings = new HashMap<>(s3.sparkSettings());
        settings.put("spark.hadoop.fs.s3a.access.key", S3TestServer.ACCESS_KEY);
        settings.put("spark.hadoop.fs.s3a.secret.key", S3TestServer.SECRET_KEY);
        storage = Storage.of(settings);
    }

    @AfterAll
    void stop() {
        storage.close();
        hdfs.close();
        s3.close();
    }

    Stream<String> roots() {
        return Stream.of(local.toString(), hdfs.uri() + "/t", "s3a://bucket/t");
    }

    Location fresh(String root) {
        return storage.at(root).child(UUID.randomUUID().toString().substring(0, 8));
    }

    @ParameterizedTest
    @MethodSource("roots")
    void writesReadsListsAndDeletes(String root) {
        Location dir = fresh(root);
        assertThat(dir.exists()).isFalse();
        assertThat(dir.children()).isEmpty();
        dir.child("a.csv").replaceAtomically("x,y\n1,2\n");
        dir.child("sub").child("b.csv").replaceAtomically("x,y\n");
        dir.child("_SUCCESS").replaceAtomically("");
        dir.child(".hidden").replaceAtomically("");
        assertThat(dir.isDirectory()).isTrue();
        assertThat(dir.child("a.csv").isFile()).isTrue();
        assertThat(dir.child("a.csv").readString()).isEqualTo("x,y\n1,2\n");
        assertThat(dir.child("a.csv").length()).isEqualTo(8);
        assertThat(dir.children().stream().map(Location::name)).containsExactly(".hidden", "_SUCCESS", "a.csv", "sub");
        assertThat(dir.childFolders().stream().map(Location::name)).containsExactly("sub");
        assertThat(dir.filesBelow(n -> true).stream().map(Location::name)).containsExactly("a.csv", "b.csv");
        assertThat(dir.child("sub").child("b.csv").toString()).startsWith(root).endsWith("/sub/b.csv");
        dir.child("a.csv").replaceAtomically("new\n");
        assertThat(dir.child("a.csv").readString()).isEqualTo("new\n");
        assertThat(dir.totalBytes()).isEqualTo(4 + 4);
        dir.delete();
        assertThat(dir.exists()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("roots")
    void anExclusiveCreateHasOneWinner(String root) {
        Location f = fresh(root).child("lock");
        f.parent().mkdirs();
        assertThat(f.createExclusively("first\n")).isTrue();
        assertThat(f.createExclusively("second\n")).isFalse();
        assertThat(f.readString()).isEqualTo("first\n");
    }

    @Test
    void s3ReplacesOnlyWhatItLastSaw() {
        Location f = fresh("s3a://bucket/t").child("lease");
        assertThat(f.createExclusively("v1\n")).isTrue();
        String tag = f.etag().orElseThrow();
        assertThat(f.replaceIfUnchanged(tag, "v2\n")).isTrue();
        assertThat(f.readString()).isEqualTo("v2\n");
        assertThat(f.replaceIfUnchanged(tag, "v3\n")).as("a stale entity tag").isFalse();
        assertThat(f.readString()).isEqualTo("v2\n");
        assertThat(f.kind()).isEqualTo(StoreKind.OBJECT_STORE);
    }

    @Test
    void hdfsAndLocalRenameAtomicallyAndOnlyOnce() {
        for (String root : List.of(local.toString(), hdfs.uri() + "/t")) {
            Location a = fresh(root), b = fresh(root);
            a.child("f").replaceAtomically("x");
            assertThat(a.renameTo(b)).isTrue();
            assertThat(a.renameTo(fresh(root))).as("the source is gone").isFalse();
            assertThat(b.child("f").readString()).isEqualTo("x");
        }
        assertThat(storage.at(hdfs.uri() + "/t").kind()).isEqualTo(StoreKind.ATOMIC_RENAME);
        assertThat(storage.at(local.toString()).kind()).isEqualTo(StoreKind.LOCAL);
    }

    @Test
    void aMissingBucketAndWrongKeysAreOneLineErrors() {
        assertThatThrownBy(() -> storage.at("s3a://no-such-bucket/x").exists())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("s3a://no-such-bucket/x: ")
                .hasMessageContaining("bucket does not exist");
        Map<String, String> wrong = new HashMap<>(s3.sparkSettings());
        wrong.put("spark.hadoop.fs.s3a.access.key", S3TestServer.ACCESS_KEY);
        wrong.put("spark.hadoop.fs.s3a.secret.key", "wrong-secret");
        try (Storage bad = Storage.of(wrong)) {
            assertThatThrownBy(() -> bad.at("s3a://bucket/x").child("y").replaceAtomically("z"))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("access denied")
                    .hasMessageNotContaining("wrong-secret");
        }
    }

    @Test
    void aPlainPathIsOnTheDefaultFileSystem() {
        Location l = storage.at("relative/dir");
        assertThat(l.uri()).isEqualTo("file:" + Path.of("relative/dir").toAbsolutePath());
        assertThat(l.toString()).isEqualTo("relative/dir");
        Map<String, String> onHdfs = Map.of("spark.hadoop.fs.defaultFS", hdfs.uri());
        try (Storage s = Storage.of(onHdfs)) {
            assertThat(s.at("/data/logs").uri()).isEqualTo(hdfs.uri() + "/data/logs");
        }
    }
}
