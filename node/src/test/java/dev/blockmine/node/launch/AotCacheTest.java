package dev.blockmine.node.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher starts from the cache only when the extracted jar holds the code the class path would run. */
class AotCacheTest {

    private static final Instant TRAINED = Instant.parse("2026-01-01T12:00:00Z");

    @TempDir
    Path target;

    @Test
    void foundOnlyWhenTheTrainingRunMadeBothTheCacheAndTheExtractedJar() throws IOException {
        assertThat(AotCache.in(target)).isEmpty();
        AotCache cache = trainedCache();
        assertThat(AotCache.in(target)).contains(cache);
        Files.delete(cache.app());
        assertThat(AotCache.in(target)).isEmpty();
    }

    @Test
    void theNodeRunsSpringAotsContextOnlyWhenTheExtractedJarHoldsIt() throws IOException {
        AotCache cache = AotCache.at(target);
        Files.createDirectories(cache.app().getParent());
        jarOf(cache.app(), "dev/blockmine/node/NodeApplication.class");
        assertThat(cache.nodeOptions()).as("a jar built without process-aot").isEmpty();
        jarOf(cache.app(), "dev/blockmine/node/NodeApplication.class",
                "dev/blockmine/node/NodeApplication__ApplicationContextInitializer.class");
        assertThat(cache.nodeOptions()).containsExactly("-Dspring.aot.enabled=true");
    }

    private static void jarOf(Path jar, String... entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (String entry : entries) {
                out.putNextEntry(new ZipEntry(entry));
                out.closeEntry();
            }
        }
    }

    @Test
    void usedForAJarBuiltBeforeTheTrainingRunNotForOneBuiltAfterIt() throws IOException {
        AotCache cache = trainedCache();
        Path jar = file(target.resolve("node.jar"), TRAINED.minusSeconds(5));
        assertThat(cache.madeAfter(List.of(jar))).isTrue();
        Files.setLastModifiedTime(jar, FileTime.from(TRAINED.plusSeconds(1)));
        assertThat(cache.madeAfter(List.of(jar))).as("a jar rebuilt without a training run").isFalse();
    }

    @Test
    void notUsedOnceAnyClassUnderAFolderIsCompiledAgain() throws IOException {
        AotCache cache = trainedCache();
        Path classes = target.resolve("classes");
        file(classes.resolve("dev/blockmine/node/NodeApplication.class"), TRAINED.minusSeconds(60));
        Path deep = file(classes.resolve("dev/blockmine/node/chain/Chain.class"), TRAINED.minusSeconds(60));
        Path dependency = file(target.resolve("lib.jar"), TRAINED.minusSeconds(3600));
        assertThat(cache.madeAfter(List.of(classes, dependency, target.resolve("gone.jar")))).isTrue();
        Files.setLastModifiedTime(deep, FileTime.from(TRAINED.plusSeconds(1)));
        assertThat(cache.madeAfter(List.of(classes, dependency))).as("Chain.class compiled after the training").isFalse();
    }

    private AotCache trainedCache() throws IOException {
        AotCache cache = AotCache.at(target);
        file(cache.app(), TRAINED.minusSeconds(2));
        file(cache.file(), TRAINED);
        return cache;
    }

    private static Path file(Path path, Instant modified) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "x");
        Files.setLastModifiedTime(path, FileTime.from(modified));
        return path;
    }
}
