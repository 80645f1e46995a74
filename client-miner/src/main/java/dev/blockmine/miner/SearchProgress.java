package dev.blockmine.miner;

import java.io.PrintStream;
import java.time.Duration;

import dev.blockmine.pow.search.SearchControl;

/** While a long search runs, a line now and then with the proofs tried so far and the rate; closed when it ends. */
final class SearchProgress implements AutoCloseable {

    private final Thread reporter;

    private SearchProgress(Thread reporter) {
        this.reporter = reporter;
    }

    /** Prints every {@code interval} from now on the progress of the search for block {@code index}. */
    static SearchProgress every(Duration interval, String index, SearchControl control, PrintStream out) {
        long started = System.nanoTime();
        return new SearchProgress(Thread.ofVirtual().name("search-progress").start(() -> {
            try {
                while (!control.isCancelled()) {
                    Thread.sleep(interval);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    out.printf("  ... block %s: %s proofs tried in %.0f s (%s)%n", index,
                            Format.count(control.tried()), seconds, Format.rate(control.tried() / seconds));
                }
            } catch (InterruptedException e) {
                // the search is over
            }
        }));
    }

    @Override
    public void close() {
        reporter.interrupt();
    }
}
