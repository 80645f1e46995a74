package dev.blockmine.pow.search;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The base of every search engine: a range cut into numbered chunks, handed to a fixed set of daemon threads from
 * one cursor (so no two threads try the same chunk, and one thread tries them in order), the caller's stop flag,
 * the count of what was tried, and the first hit wins: the other threads stop at their next check. Engines add
 * only how one thread scans one chunk.
 */
public abstract class ThreadedSearch implements AutoCloseable {

    /** What a {@link ChunkScan} returns when its chunk holds no hit or it was told to stop. */
    public static final long NONE = -1;

    /** One thread's scanner, made on that thread for each search: it owns the thread's digests and buffers. */
    @FunctionalInterface
    public interface ChunkScan {
        /**
         * Scans chunk {@code chunk}, telling {@code progress} what it tried (up to and including a hit, no more)
         * often enough to stop soon after a cancel.
         *
         * @return the hit (0 or more), or {@link #NONE}
         */
        long scan(long chunk, Progress progress);
    }

    /** A scanner's view of the whole search. */
    public static final class Progress {

        private final SearchControl control;
        private final AtomicLong found = new AtomicLong(NONE);

        private Progress(SearchControl control) {
            this.control = control;
        }

        /** Counts {@code count} more tried; true while the search goes on (not cancelled, no hit anywhere). */
        public boolean tried(long count) {
            control.addTried(count);
            return !over();
        }

        boolean over() {
            return control.isCancelled() || found.get() != NONE;
        }
    }

    private final String name;
    private final int count;
    private final ExecutorService pool;

    /**
     * @param name the engine's name, for logs and benchmark tables
     * @param count threads
     * @param threadName what its threads are called (a number is added)
     */
    protected ThreadedSearch(String name, int count, String threadName) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + count);
        }
        this.name = name;
        this.count = count;
        this.pool = Executors.newFixedThreadPool(count, Thread.ofPlatform().daemon().name(threadName + "-", 0).factory());
    }

    /** The engine's name, for logs and benchmark tables. */
    public final String name() {
        return name;
    }

    /** Threads the engine searches with. */
    public final int threads() {
        return count;
    }

    /**
     * Scans chunks {@code [0, chunks)} on every thread, each with a scanner of its own, until one finds a hit, all
     * are scanned or the control is cancelled; returns when every thread has stopped.
     *
     * @return the first hit recorded, or empty
     */
    protected final OptionalLong run(long chunks, Supplier<ChunkScan> scanners, SearchControl control) {
        return run(chunks, 0, scanners, control);
    }

    /**
     * As {@link #run(long, Supplier, SearchControl)}, but in the order {@code first, first + 1, …, chunks - 1, 0, …,
     * first - 1}, where {@code first} is {@code start} modulo {@code chunks}.
     */
    protected final OptionalLong run(long chunks, long start, Supplier<ChunkScan> scanners, SearchControl control) {
        long first = Math.floorMod(start, chunks);
        Progress progress = new Progress(control);
        AtomicLong cursor = new AtomicLong();
        List<Future<?>> running = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            running.add(pool.submit(() -> {
                ChunkScan scanner = scanners.get();
                long chunk;
                while (!progress.over() && (chunk = cursor.getAndIncrement()) < chunks) {
                    long hit = scanner.scan(chunk < chunks - first ? first + chunk : chunk - (chunks - first), progress);
                    if (hit != NONE) {
                        progress.found.compareAndSet(NONE, hit);
                        return;
                    }
                }
            }));
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
        long hit = progress.found.get();
        return hit != NONE ? OptionalLong.of(hit) : OptionalLong.empty();
    }

    @Override
    public final void close() {
        pool.shutdownNow();
    }
}
