package dev.blockmine.node.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.store.postgres.Replicas;
import dev.blockmine.node.store.postgres.TestPostgres;
import dev.blockmine.pow.binary.Frame;

/** A binary miner's valid nonce that the replica cannot store (its database is away) never gets A. */
class DatabaseLossTcpTest {

    @Test
    void aNonceThatCannotBeStoredIsNotAcceptedAndTheJobIsWonOnceTheDatabaseIsBack() throws Exception {
        try (TestPostgres.OwnServer database = TestPostgres.ownServer();
                Replicas replicas = new Replicas(database.url(), 1, "node.difficulty=3", "node.ledger=open",
                        "node.tcp.zero-bits=12", TestPostgres.PROMPT_REFUSAL)) {
            SealedBlock tip = replicas.chain(0).tip();
            try (RawMiner miner = new RawMiner(replicas.tcpPort(0))) {
                Frame.Task task = miner.ask("m");
                database.stop();

                miner.send(new Frame.Solution(task.txn(), RawMiner.validNonce(task, task.slotStart())));

                assertThat(miner.read()).as("the connection is closed without an answer").isNull();
                assertThat(replicas.chain(0).tip()).isEqualTo(tip);
            }

            database.start();

            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                try (RawMiner miner = new RawMiner(replicas.tcpPort(0))) {
                    Frame.Task task = miner.ask("m");
                    return miner.send(new Frame.Solution(task.txn(), RawMiner.validNonce(task, task.slotStart())))
                            .read() instanceof Frame.Accepted;
                }
            });
            assertThat(replicas.chain(0).tip().index()).isEqualTo(tip.index() + 1);
        }
    }
}
