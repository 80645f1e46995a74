package dev.blockmine.node.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.binary.Frame;

/**
 * 128 miners on their own connections hold the same job, each with a different valid nonce, and send them at the
 * same instant: exactly one gets A, every other gets only I, and one block is added.
 */
class ExactlyOneWinnerTest {

    private static final int MINERS = 128;
    private static final int BITS = 8;
    private final TcpNode node = new TcpNode(BITS, Duration.ofSeconds(30));

    @AfterEach
    void stop() {
        node.close();
    }

    @RepeatedTest(3)
    void exactlyOneOf128SimultaneousValidNoncesWins() throws Exception {
        List<RawMiner> miners = new ArrayList<>();
        List<Frame.Task> tasks = new ArrayList<>();
        try {
            for (int i = 0; i < MINERS; i++) {
                RawMiner miner = node.miner();
                miners.add(miner);
                tasks.add(miner.ask("m" + i));
            }
            int txn = tasks.getFirst().txn();
            assertThat(tasks).allMatch(t -> t.txn() == txn);
            assertThat(tasks.stream().map(Frame.Task::miner).distinct()).hasSize(MINERS);
            long[] nonces = new long[MINERS];
            long from = 0;
            for (int i = 0; i < MINERS; i++) {
                nonces[i] = RawMiner.validNonce(tasks.get(i), from);
                from = nonces[i] + 1;
            }
            SealedBlock before = node.chain.tip();

            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Frame>>> answers = new ArrayList<>();
            try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < MINERS; i++) {
                    RawMiner miner = miners.get(i);
                    Frame.Solution solution = new Frame.Solution(txn, nonces[i]);
                    answers.add(senders.submit(() -> {
                        go.await();
                        miner.send(solution);
                        return untilTheNextTask(miner);
                    }));
                }
                go.countDown();
            }

            int winners = 0;
            String winner = null;
            for (int i = 0; i < MINERS; i++) {
                List<Frame> got = answers.get(i).get();
                if (got.contains(new Frame.Accepted(txn))) {
                    winners++;
                    winner = "m" + i;
                    assertThat(got).containsExactly(new Frame.Accepted(txn));
                } else {
                    // the answer to its S, and the broadcast unless that comes after the next T (it is sent in parallel)
                    assertThat(got).isNotEmpty().hasSizeLessThanOrEqualTo(2).containsOnly(new Frame.Invalidated(txn));
                }
            }
            assertThat(winners).isEqualTo(1);
            assertThat(node.chain.tip().index()).isEqualTo(before.index() + 1);
            assertThat(node.chain.tip().block().transactions()).containsExactly(Transaction.reward(winner));
            assertThat(node.chain.tip().block().proof()).isIn(java.util.Arrays.stream(nonces).mapToObj(BigInteger::valueOf).toList());
            ChainAssertions.assertValid(node.chain, ProofRule.COURSE, BITS);
        } finally {
            miners.forEach(RawMiner::close);
        }
    }

    /** Asks for the next job and returns every frame received before its T. */
    private static List<Frame> untilTheNextTask(RawMiner miner) {
        miner.send(new Frame.Get("again"));
        List<Frame> frames = new ArrayList<>();
        for (Frame frame = miner.read(); !(frame instanceof Frame.Task); frame = miner.read()) {
            frames.add(frame);
        }
        return frames;
    }
}
