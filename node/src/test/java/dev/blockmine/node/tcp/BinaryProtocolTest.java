package dev.blockmine.node.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.blockmine.node.Forging;
import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.pow.JobData;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.binary.Frame;

/** The protocol's semantics over real sockets: G, T, S and the A / I / R answers, and what lands in the chain. */
class BinaryProtocolTest {

    private static final int BITS = 8;
    private final TcpNode node = new TcpNode(BITS, Duration.ofSeconds(30));

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void aJobCommitsToTheTipAndPendingTransactionsAndEveryGGetsAFreshSlot() {
        node.chain.addTransaction(new Transaction("a", "b", BigInteger.TWO));
        Forging.forge(node.chain, BigInteger.ONE, "http-miner"); // a new tip: the job follows it
        node.chain.addTransaction(new Transaction("c", "d", 2.5));
        try (RawMiner miner = node.miner()) {
            Frame.Task first = miner.ask("ana");
            Frame.Task second = miner.ask("ana");
            SealedBlock tip = node.chain.tip();
            assertThat(first.data()).isEqualTo(JobData.of(tip.index() + 1, tip.hash(),
                    "[{\"amount\": 2.5, \"recipient\": \"d\", \"sender\": \"c\"}]", BITS));
            assertThat(first.zeroBits()).isEqualTo(BITS);
            assertThat(first.slot()).isEqualTo(1 << 20);
            assertThat(second.txn()).isEqualTo(first.txn());
            assertThat(second.miner()).isNotEqualTo(first.miner());
            assertThat(second.slotStart()).isNotEqualTo(first.slotStart());
        }
    }

    @Test
    void theFirstValidNonceWinsTheBlockForTheMinersName() {
        node.chain.addTransaction(new Transaction("a", "b", BigInteger.TEN));
        try (RawMiner ana = node.miner(); RawMiner bob = node.miner()) {
            Frame.Task task = ana.ask("ana");
            bob.ask("bob");
            long nonce = RawMiner.validNonce(task, 0);
            SealedBlock before = node.chain.tip();

            assertThat(ana.send(new Frame.Solution(task.txn(), nonce)).read()).isEqualTo(new Frame.Accepted(task.txn()));
            assertThat(bob.read()).isEqualTo(new Frame.Invalidated(task.txn()));

            SealedBlock won = node.chain.tip();
            assertThat(won.index()).isEqualTo(before.index() + 1);
            assertThat(won.block().proof()).isEqualTo(BigInteger.valueOf(nonce));
            assertThat(won.block().transactions()).containsExactly(new Transaction("a", "b", BigInteger.TEN), Transaction.reward("ana"));
            assertThat(won.blockString()).contains("\"rule\": \"binary\"").contains("\"zero_bits\": 8");
            ChainAssertions.assertValid(node.chain, ProofRule.COURSE, BITS);

            // the same nonce again: valid for a job that is gone -> I; the next job is a new txn on the new tip
            assertThat(bob.send(new Frame.Solution(task.txn(), nonce)).read()).isEqualTo(new Frame.Invalidated(task.txn()));
            Frame.Task next = bob.ask("bob");
            assertThat(next.txn()).isEqualTo(task.txn() + 1);
            assertThat(next.data()).isEqualTo(JobData.of(won.index() + 1, won.hash(), "[]", BITS));
        }
    }

    @Test
    void falseNoncesAndUnknownJobsGetRAndChangeNothing() {
        try (RawMiner miner = node.miner()) {
            Frame.Task task = miner.ask("ana");
            int blocks = node.chain.blocks().size();
            assertThat(miner.send(new Frame.Solution(task.txn(), RawMiner.invalidNonce(task))).read())
                    .isEqualTo(new Frame.Rejected(task.txn()));
            int neverGiven = (task.txn() + 100) & 0xFFFF;
            assertThat(miner.send(new Frame.Solution(neverGiven, 1)).read()).isEqualTo(new Frame.Rejected(neverGiven));
            assertThat(node.chain.blocks()).hasSize(blocks);
            // the connection is still served
            assertThat(miner.ask("ana").txn()).isEqualTo(task.txn());
        }
    }

    @Test
    void aTxnGivenToAnotherMinerOnlyIsUnknownToThisOne() {
        try (RawMiner ana = node.miner(); RawMiner eve = node.miner()) {
            Frame.Task task = ana.ask("ana");
            long nonce = RawMiner.validNonce(task, 0);
            assertThat(eve.send(new Frame.Solution(task.txn(), nonce)).read()).isEqualTo(new Frame.Rejected(task.txn()));
            assertThat(ana.send(new Frame.Solution(task.txn(), nonce)).read()).isEqualTo(new Frame.Accepted(task.txn()));
        }
    }

    @Test
    void anHttpWinInvalidatesTheOpenJobAndTheNextGGetsTheNewTip() {
        try (RawMiner ana = node.miner(); RawMiner bob = node.miner()) {
            Frame.Task task = ana.ask("ana");
            bob.ask("bob");
            SealedBlock forged = Forging.forge(node.chain, BigInteger.valueOf(42), "http-miner").orElseThrow();
            assertThat(ana.read()).isEqualTo(new Frame.Invalidated(task.txn()));
            assertThat(bob.read()).isEqualTo(new Frame.Invalidated(task.txn()));
            Frame.Task next = ana.ask("ana");
            assertThat(next.txn()).isNotEqualTo(task.txn());
            assertThat(next.data()).isEqualTo(JobData.of(forged.index() + 1, forged.hash(), "[]", BITS));
            // a nonce for the old job, valid or not, cannot win any more
            assertThat(ana.send(new Frame.Solution(task.txn(), RawMiner.validNonce(task, 0))).read())
                    .isEqualTo(new Frame.Invalidated(task.txn()));
            assertThat(node.chain.tip()).isSameAs(forged);
        }
    }

    @Test
    void transactionsQueuedAfterTheJobWaitForTheNextBlock() {
        node.chain.addTransaction(new Transaction("a", "b", BigInteger.ONE));
        try (RawMiner ana = node.miner()) {
            Frame.Task task = ana.ask("ana");
            node.chain.addTransaction(new Transaction("late", "b", BigInteger.ONE));
            assertThat(ana.send(new Frame.Solution(task.txn(), RawMiner.validNonce(task, 0))).read())
                    .isEqualTo(new Frame.Accepted(task.txn()));
            assertThat(node.chain.tip().block().transactions())
                    .containsExactly(new Transaction("a", "b", BigInteger.ONE), Transaction.reward("ana"));
            assertThat(node.chain.nextBlock().transactions()).containsExactly(new Transaction("late", "b", BigInteger.ONE));
            ChainAssertions.assertValid(node.chain, ProofRule.COURSE, BITS);
        }
    }

    @Test
    void aGAfterNewTransactionsOpensAnotherJobOnTheSameTipAndAWinSettlesBoth() {
        try (RawMiner early = node.miner(); RawMiner late = node.miner()) {
            Frame.Task first = early.ask("early");
            node.chain.addTransaction(new Transaction("a", "b", BigInteger.ONE));
            Frame.Task second = late.ask("late");
            assertThat(second.txn()).isNotEqualTo(first.txn());
            // the first job is still open: its nonce wins, without the transaction it never committed to
            assertThat(early.send(new Frame.Solution(first.txn(), RawMiner.validNonce(first, 0))).read())
                    .isEqualTo(new Frame.Accepted(first.txn()));
            assertThat(late.read()).isEqualTo(new Frame.Invalidated(second.txn()));
            assertThat(node.chain.tip().block().transactions()).containsExactly(Transaction.reward("early"));
            assertThat(late.ask("late").data()).isEqualTo(JobData.of(node.chain.tip().index() + 1, node.chain.tip().hash(),
                    "[{\"amount\": 1, \"recipient\": \"b\", \"sender\": \"a\"}]", BITS));
            ChainAssertions.assertValid(node.chain, ProofRule.COURSE, BITS);
        }
    }

    @Test
    void withPushJobsEveryOtherHolderGetsINextToTheNextTUnasked() {
        try (TcpNode pushing = new TcpNode(TcpNode.settings(BITS).idleTimeout(Duration.ofSeconds(30)).pushJobs(true).build());
                RawMiner ana = pushing.miner(); RawMiner bob = pushing.miner()) {
            Frame.Task task = ana.ask("ana");
            bob.ask("bob");
            assertThat(ana.send(new Frame.Solution(task.txn(), RawMiner.validNonce(task, 0))).read())
                    .isEqualTo(new Frame.Accepted(task.txn()));
            assertThat(bob.read()).isEqualTo(new Frame.Invalidated(task.txn()));
            Frame.Task pushed = (Frame.Task) bob.read();
            assertThat(pushed.txn()).isEqualTo(task.txn() + 1);
            assertThat(pushed.data()).isEqualTo(JobData.of(pushing.chain.tip().index() + 1, pushing.chain.tip().hash(), "[]", BITS));
        }
    }

    @Test
    void aMinerThatSaysQIsDisconnectedAndEveryMinerGetsQOnShutdown() {
        try (RawMiner leaving = node.miner(); RawMiner staying = node.miner()) {
            staying.ask("stay");
            leaving.ask("leave");
            leaving.send(new Frame.Quit());
            assertThat(leaving.read()).isNull();
            node.server.stop();
            assertThat(staying.read()).isEqualTo(new Frame.Quit());
            assertThat(staying.read()).isNull();
        }
    }
}
