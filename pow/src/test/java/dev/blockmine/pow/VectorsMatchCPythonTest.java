package dev.blockmine.pow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The committed vectors are exactly what CPython makes today: {@code interop/make_vectors.py --check} recomputes them. */
class VectorsMatchCPythonTest {

    @BeforeAll
    static void python() throws InterruptedException {
        PythonAvailable.assume("cryptography"); // signed-spends.json is made with it
    }

    @Test
    void cpythonMakesTheCommittedVectorsByteForByte() throws Exception {
        Path committed = Interop.root().resolve("pow/src/test/resources/vectors");
        Process check = new ProcessBuilder(Interop.python(), Interop.script("make_vectors.py").toString(), "--check",
                committed.toString()).redirectErrorStream(true).start();
        String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(120, TimeUnit.SECONDS)).as("make_vectors.py --check ends").isTrue();
        assertThat(check.exitValue()).as(said).isZero();
        assertThat(said).contains("canonical-json.json: as CPython", "proofs.json: as CPython",
                "binary-mining.json: as CPython", "signed-spends.json: as CPython");
    }
}
