package dev.blockmine.pow.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;


/** A fixed set of daemon threads that run one task each per search and are joined before the search returns. */
public final class SearchThreads implements AutoCloseable {

    private final int count;
    private final ExecutorService pool;

    public SearchThreads(int count, String name) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + count);
        }
        this.count = count;
        this.pool = Executors.newFixedThreadPool(count, Thread.ofPlatform().daemon().name(name + "-", 0).factory());
    }

    public int count() {
        return count;
    }

    /** Runs {@code task} with each thread's index on every thread and waits for all of them. */
    public void runAll(IntConsumer task, SearchControl control) {
        List<Future<?>> running = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            running.add(pool.submit(() -> task.accept(index)));
        }
        try {
            for (Future<?> future : running) {
                future.get();
            }
        } catch (InterruptedException e) {
            control.cancel();
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            control.cancel();
            throw new IllegalStateException("search thread failed", e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
