package dev.blockmine.pow;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Interop tests run the real Python programs; where python3 (or a module they need) is missing they are skipped, saying why. */
public final class PythonAvailable {

    private PythonAvailable() {
    }

    /** Skips the calling test unless {@link Interop#python()} runs and can import every one of {@code modules}. */
    public static void assume(String... modules) throws InterruptedException {
        String program = modules.length == 0 ? "pass" : "import " + String.join(", ", modules);
        Process probe;
        try {
            probe = new ProcessBuilder(Interop.python(), "-c", program).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "skipped: python3 is not on this machine (" + e.getMessage() + ")");
            return;
        }
        String said;
        try {
            said = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            said = e.getMessage();
        }
        assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "skipped: " + Interop.python() + " cannot run \"" + program + "\" (" + said + ")");
    }
}
