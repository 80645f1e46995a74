package dev.blockmine.node.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.blockmine.node.Proofs;
import dev.blockmine.node.StallingStore;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.ChainBusy;
import dev.blockmine.node.chain.LedgerRule;
import dev.blockmine.node.chain.MemoryPendingPool;
import dev.blockmine.node.chain.NextBlock;
import dev.blockmine.node.chain.Queued;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.pow.ProofRule;

/**
 * A store that stalls (a disk that does not answer its fsync, a database that does not answer) while it holds the
 * chain's lock for a winning proof's block. Everything that only reads goes on, invalid proofs included; every other
 * change waits its bounded time and is refused with {@link ChainBusy}, changing nothing. Before reads became lock-free
 * and the wait bounded, each of these calls hung for as long as the store did.
 */
class StalledStoreTest {

    private static final ProofRule RULE = new ProofRule(3);
    /** The longest any call here may take; far beyond what each needs, so a loaded machine passes too. */
    private static final long ANSWER_SECONDS = 30;
    /** A thread per call: the common pool may have a single thread, which the stalled winner would hold. */
    private static final Executor THREADS = Executors.newVirtualThreadPerTaskExecutor();

    private final StallingStore store = new StallingStore();
    private final Chain chain = new Chain(Clock.systemUTC(), new MemoryPendingPool(100, 100), store, List.of(),
            LedgerRule.OPEN, Duration.ofMillis(200));
    private final BlockForge forge = new BlockForge(chain, RULE, Clock.systemUTC());
    private CompletableFuture<Submission> winner;

    @BeforeEach
    void aWinningProofsBlockStallsInTheStore() throws Exception {
        chain.addTransaction(new Transaction("ana", "bob", BigInteger.ONE));
        BigInteger proof = Proofs.firstValid(chain.tip().blockString(), RULE, 0);
        winner = CompletableFuture.supplyAsync(() -> forge.submit(proof, "ana"), THREADS);
        assertThat(store.stalled.await(ANSWER_SECONDS, TimeUnit.SECONDS)).as("the append reached the store").isTrue();
    }

    @AfterEach
    void theStoreAnswersAgain() {
        store.release.countDown();
    }

    @Test
    void readsAndInvalidProofsAreAnsweredWhileTheStoreStalls() throws Exception {
        SealedBlock genesis = chain.tip();
        BigInteger wrong = Proofs.firstInvalid(genesis.blockString(), RULE, 0);

        assertThat(answered(() -> forge.submit(wrong, "eve"))).isEqualTo(new Submission.Invalid(1));
        assertThat(answered(chain::pendingCount)).isEqualTo(1);
        assertThat(answered(chain::pending)).extracting(Transaction::recipient).containsExactly("bob");
        NextBlock next = answered(chain::nextBlock);
        assertThat(next.tip()).isSameAs(genesis);
        assertThat(next.transactions()).hasSize(1);
        assertThat(answered(() -> chain.blocks().size())).isEqualTo(1);
        assertThat(winner).isNotDone();
    }

    @Test
    void changesWaitABoundedTimeThenAreRefusedChangingNothing() throws Exception {
        NextBlock basis = NextBlock.on(chain.tip());
        SealedBlock rival = basis.forge(Proofs.firstValid(chain.tip().blockString(), RULE, 1_000_000), "bob",
                dev.blockmine.node.chain.ProvenBy.HTTP, Clock.systemUTC());

        assertThat(answered(() -> catching(() -> chain.addTransaction(new Transaction("bob", "eve", BigInteger.TWO)))))
                .isInstanceOf(ChainBusy.class).hasMessageContaining("queue a transaction");
        assertThat(answered(() -> catching(() -> chain.appendOn(basis, rival, java.util.Optional.empty()))))
                .isInstanceOf(ChainBusy.class).hasMessageContaining("append block 2");
        assertThat(chain.pendingCount()).isEqualTo(1);
        assertThat(chain.blocks()).hasSize(1);

        store.release.countDown();
        assertThat(winner.get(ANSWER_SECONDS, TimeUnit.SECONDS)).isInstanceOf(Submission.Forged.class);
        assertThat(chain.blocks()).hasSize(2);
        assertThat(chain.pendingCount()).as("the winner's block took the transaction").isZero();
    }

    @Test
    void theWinnerIsStillTheOnlyBlockAfterTheStoreAnswers() throws Exception {
        BigInteger late = Proofs.firstValid(chain.tip().blockString(), RULE, 1_000_000);
        assertThatThrownBy(() -> answered(() -> forge.submit(late, "bob"))).hasCauseInstanceOf(ChainBusy.class);
        store.release.countDown();
        assertThat(winner.get(ANSWER_SECONDS, TimeUnit.SECONDS)).isInstanceOf(Submission.Forged.class);
        assertThat(forge.submit(late, "bob")).isEqualTo(new Submission.Stale(2, false));
        assertThat(chain.tip().block().transactions().getLast().recipient()).isEqualTo("ana");
    }

    private static <T> T answered(java.util.concurrent.Callable<T> call) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.call();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, THREADS).get(ANSWER_SECONDS, TimeUnit.SECONDS);
    }

    private static RuntimeException catching(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
