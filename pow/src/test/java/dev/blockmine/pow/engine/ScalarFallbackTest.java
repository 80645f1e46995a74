package dev.blockmine.pow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A JVM started without {@code --add-modules jdk.incubator.vector} gets a fallback that works: MessageDigest where
 * the JVM has SHA intrinsics, else the scalar engine; and the scalar engine runs without the module.
 */
class ScalarFallbackTest {

    @Test
    void withoutTheVectorModuleAutoFallsBackAndEveryFallbackFindsProofs() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                NoVectorModuleMain.class.getName())).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String fallback = Engines.shaIntrinsics() ? "message-digest" : "scalar";
        assertThat(output).contains("module loaded: false", "auto engine: " + fallback, "scalar proof valid: true",
                "scalar nonce valid: true", "auto proof valid: true", "auto nonce valid: true");
        assertThat(process.exitValue()).isZero();
    }
}
