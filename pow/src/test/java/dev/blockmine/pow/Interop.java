package dev.blockmine.pow;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's Python programs ({@code interop/}) and the Python that runs them: the virtual environment that
 * {@code scripts/python-env.sh} makes in {@code target/venv} (pinned Flask and requests), else {@code python3}.
 */
public final class Interop {

    private Interop() {
    }

    /** The repository's top folder: the nearest folder, from the working directory up, that holds {@code interop/}. */
    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("interop/make_vectors.py"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no interop/ folder above " + Path.of("").toAbsolutePath());
    }

    /** A program of {@code interop/}, e.g. {@code "course_miner.py"}. */
    public static Path script(String name) {
        Path script = root().resolve("interop").resolve(name);
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("missing " + script);
        }
        return script;
    }

    /** The venv's python when {@code scripts/python-env.sh} has made it, else {@code python3} from the PATH. */
    public static String python() {
        Path venv = root().resolve("target/venv/bin/python");
        return Files.isExecutable(venv) ? venv.toString() : "python3";
    }
}
