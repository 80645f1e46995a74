package dev.blockmine.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.blockmine.node.Forging;

/**
 * A replica's transaction judged on a tip the shared store has passed is tried again once the replica caught up,
 * also when its follower (not the transaction's own catch-up) took the new block in between: that catch-up then finds
 * nothing, and the transaction used to be refused as "catching up" although the replica was up to date.
 */
class BehindReplicaTest {

    @Test
    void aTransactionIsQueuedWhenTheFollowerCaughtUpBetweenItsOfferAndItsCatchUp() throws Exception {
        CountDownLatch followerAppended = new CountDownLatch(1);
        Thread test = Thread.currentThread();
        AtomicBoolean holdCatchUp = new AtomicBoolean();
        BlockStore shared = new SharedEmptyStore() {
            /** The transaction's catch-up starts only once the follower has appended the block it was behind. */
            @Override
            public boolean isShared() {
                if (Thread.currentThread() == test && holdCatchUp.getAndSet(false)) {
                    await(followerAppended);
                }
                return true;
            }
        };
        Chain[] chain = new Chain[1];
        PendingPool behindOnce = new ForwardingPendingPool() {
            private boolean behind = true;

            /** The first offer finds the store a block ahead; the follower takes that block once the lock is free. */
            @Override
            public Queued offer(Transaction transaction, SealedBlock tip, Function<List<Transaction>, Optional<String>> refusal) {
                if (behind) {
                    behind = false;
                    holdCatchUp.set(true);
                    Thread.ofVirtual().start(() -> {
                        assertThat(Forging.forge(chain[0], BigInteger.ONE, "another-replica")).isPresent();
                        followerAppended.countDown();
                    });
                    return new Queued.Behind();
                }
                return super.offer(transaction, tip, refusal);
            }
        };
        chain[0] = new Chain(Clock.systemUTC(), behindOnce, shared, List.of(), LedgerRule.OPEN);

        Queued queued = chain[0].addTransaction(new Transaction("ana", "bob", BigInteger.ONE));

        assertThat(queued).isEqualTo(new Queued.Accepted(3));
        assertThat(chain[0].tip().index()).isEqualTo(2);
        assertThat(chain[0].pendingCount()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("the follower appended").isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
