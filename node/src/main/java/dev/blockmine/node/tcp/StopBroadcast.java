package dev.blockmine.node.tcp;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the holders of settled jobs to stop (I), split across one platform thread per core: an I is one small write
 * per socket, and a platform thread does them back to back far faster than one virtual thread per holder is
 * scheduled. A holder whose connection is busy writing (possibly stuck on a miner that stopped reading) is handed to
 * a virtual thread of its own, so it cannot hold up the others.
 */
final class StopBroadcast implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StopBroadcast.class);
    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    /** The longest a G waits for an I broadcast to finish before it is answered anyway. */
    private static final Duration HEAD_START = Duration.ofMillis(250);

    private final boolean pushJobs;
    private final ExecutorService broadcasters = Executors.newFixedThreadPool(THREADS,
            Thread.ofPlatform().daemon().name("tcp-broadcast-", 0).factory());
    private final ExecutorService stragglers = Executors.newVirtualThreadPerTaskExecutor();
    /** Open while the I of the last settled jobs are going out; see {@link #awaitRound()}. */
    private volatile CountDownLatch broadcasting = new CountDownLatch(0);

    /** @param pushJobs after its I, send each holder the next job's T unasked */
    StopBroadcast(boolean pushJobs) {
        this.pushJobs = pushJobs;
    }

    /**
     * Marks a round as begun, before anyone can be handed the next job (the board's lock held): a G from now on waits
     * for this round. Returns the round's own latch: another block may begin the next round before this one starts.
     */
    CountDownLatch begin() {
        CountDownLatch done = new CountDownLatch(1);
        broadcasting = done;
        return done;
    }

    /** Sends a begun round's I: {@code stopsFor} gives the settled jobs each holder is to hear of. */
    void send(List<MinerConnection> holders, Function<MinerConnection, List<Job>> stopsFor, CountDownLatch done) {
        new Round(holders, stopsFor, done).start();
    }

    /**
     * Waits (briefly, at most {@link #HEAD_START}) while the I of a won job are still going out. A G that arrives then
     * comes from a miner that already has its I; handing it a 1 KB T now would take the CPU from the holders still
     * waiting for their I. Stopping everyone's wasted work first and then handing out the next job gets both done
     * sooner, on a node whose cores are busy with the broadcast.
     */
    void awaitRound() {
        try {
            broadcasting.await(HEAD_START.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One round: its holders in slices, the latch a G waits on, and the line logged when it is over. */
    private final class Round {

        private final List<MinerConnection> holders;
        private final Function<MinerConnection, List<Job>> stopsFor;
        private final CountDownLatch done;
        private final long started = System.nanoTime();
        private final AtomicInteger deferred = new AtomicInteger();
        private final AtomicInteger remaining;

        Round(List<MinerConnection> holders, Function<MinerConnection, List<Job>> stopsFor, CountDownLatch done) {
            this.holders = holders;
            this.stopsFor = stopsFor;
            this.done = done;
            this.remaining = new AtomicInteger(Math.min(THREADS, holders.size()));
        }

        void start() {
            int slices = remaining.get();
            if (slices == 0) {
                done.countDown();
                return;
            }
            for (int slice = 0; slice < slices; slice++) {
                List<MinerConnection> mine =
                        holders.subList(slice * holders.size() / slices, (slice + 1) * holders.size() / slices);
                try {
                    broadcasters.execute(() -> tellAll(mine));
                } catch (RejectedExecutionException e) {
                    done.countDown(); // the board is closing: nobody is to wait for this broadcast
                    return;
                }
            }
        }

        private void tellAll(List<MinerConnection> slice) {
            try {
                for (MinerConnection holder : slice) {
                    if (!tell(holder, stopsFor.apply(holder))) {
                        deferred.incrementAndGet();
                    }
                }
            } finally { // whatever happened, a G waiting on this broadcast must not wait for nothing
                if (remaining.decrementAndGet() == 0) {
                    done.countDown();
                    log.info("I sent to {} holder{} in {} ms{}", holders.size(), holders.size() == 1 ? "" : "s",
                            String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e6),
                            deferred.get() == 0 ? "" : " (" + deferred.get() + " busy, handed to threads of their own)");
                }
            }
        }
    }

    /** @return false when the holder was busy and its I went to a thread of its own */
    private boolean tell(MinerConnection holder, List<Job> stops) {
        boolean sent = holder.tryTellStopped(stops);
        if (!sent) {
            stragglers.execute(() -> holder.tellStopped(stops));
        }
        if (pushJobs) {
            stragglers.execute(() -> holder.sendTask(true)); // the write lock keeps any I for the new job behind its T
        }
        return sent;
    }

    @Override
    public void close() {
        broadcasters.shutdownNow();
        stragglers.shutdownNow();
    }
}
