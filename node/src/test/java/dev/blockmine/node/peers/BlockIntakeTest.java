package dev.blockmine.node.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.blockmine.node.Forging;
import dev.blockmine.node.chain.BlockValidation;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.ChainEvent;
import dev.blockmine.node.chain.ChainListeners;
import dev.blockmine.node.chain.ChainRule;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.BinaryRule;
import dev.blockmine.pow.BlockShape;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.PythonFloat;
import tools.jackson.databind.JsonNode;

/** Each outcome of an announced block, on a chain in memory (no Spring, no HTTP). */
class BlockIntakeTest {

    private static final ProofRule RULE = new ProofRule(2);

    private final Chain chain = new Chain(Clock.systemUTC(), 10);
    private final List<ChainRule> rules = new ArrayList<>();
    private final AtomicInteger resolves = new AtomicInteger();
    private final BlockIntake intake = new BlockIntake(chain,
            new BlockValidation(RULE, BinaryRule.equivalentTo(RULE).zeroBits(), BlockShape.CHAIN, () -> rules),
            resolves::incrementAndGet);

    @Test
    void aValidBlockOnOurTipIsAppendedAndTaggedWithItsPeer() {
        List<ChainEvent> events = new ArrayList<>();
        chain.listen(ChainListeners.Turn.BOOKKEEPING, events::add);
        String block = after(chain.tip().blockString(), "peer-miner");

        assertThat(intake.receive(json(block), Optional.of("http://peer:5000"))).isEqualTo(new BlockIntake.Outcome.Appended(2));

        assertThat(chain.tip().blockString()).isEqualTo(CanonicalJson.encode(json(block)));
        assertThat(events).singleElement().extracting(ChainEvent::fromPeer).isEqualTo(Optional.of("http://peer:5000"));
        assertThat(resolves).hasValue(0);
    }

    @Test
    void theSameBlockAgainIsAlreadyHad() {
        String block = after(chain.tip().blockString(), "peer-miner");
        intake.receive(json(block), Optional.empty());

        assertThat(intake.receive(json(block), Optional.empty())).isEqualTo(new BlockIntake.Outcome.AlreadyHave(2));
        assertThat(chain.blocks()).hasSize(2);
    }

    @Test
    void anotherBlockAtAHeightWeHoldIsARival() {
        String theirs = after(chain.tip().blockString(), "peer-miner");
        forgeOurs();

        assertThat(intake.receive(json(theirs), Optional.empty())).isEqualTo(new BlockIntake.Outcome.Rival(2));
        assertThat(intake.receive(json(theirs.replace("\"index\": 2", "\"index\": 0")), Optional.empty()))
                .isEqualTo(new BlockIntake.Outcome.Rival(0));
        assertThat(chain.blocks()).hasSize(2);
        assertThat(chain.tip().blockString()).doesNotContain("peer-miner");
        assertThat(resolves).hasValue(0);
    }

    @Test
    void aGapOrAForkAsksForAResolveAndAppendsNothing() {
        String second = after(chain.tip().blockString(), "peer-miner");
        String third = after(CanonicalJson.encode(json(second)), "peer-miner");
        String fork = second.replace(chain.tip().hash(), "ab".repeat(32));

        assertThat(intake.receive(json(third), Optional.empty())).isEqualTo(new BlockIntake.Outcome.Resolving(3, 1));
        assertThat(intake.receive(json(fork), Optional.empty())).isEqualTo(new BlockIntake.Outcome.Resolving(2, 1));
        assertThat(resolves).hasValue(2);
        assertThat(chain.blocks()).hasSize(1);
    }

    @Test
    void aBlockOnOurTipThatBreaksARuleIsInvalidWithTheReason() {
        String tip = chain.tip().blockString();
        String good = after(tip, "peer-miner");
        long proof = json(good).get("proof").longValue();
        long invalid = proof + 1;
        while (RULE.isValid(tip, BigInteger.valueOf(invalid))) {
            invalid++;
        }
        String badProof = good.replace("\"proof\": " + proof + ",", "\"proof\": " + invalid + ",");

        assertThat(intake.receive(json(badProof), Optional.empty()))
                .isEqualTo(new BlockIntake.Outcome.Invalid("block #2: proof " + invalid + " is not valid for the block before"));

        rules.add(before -> block -> "no blocks today");
        assertThat(intake.receive(json(good), Optional.empty()))
                .isEqualTo(new BlockIntake.Outcome.Invalid("block #2: no blocks today"));
        assertThat(chain.blocks()).hasSize(1);
        assertThat(resolves).hasValue(0);
    }

    @Test
    void aBodyWithoutAnIntegerIndexIsNoBlock() {
        String block = after(chain.tip().blockString(), "peer-miner");

        assertThat(intake.receive(json(block.replace("\"index\": 2", "\"index\": \"2\"")), Optional.empty()))
                .isEqualTo(new BlockIntake.Outcome.NoIndex());
        assertThat(intake.receive(json("{}"), Optional.empty())).isEqualTo(new BlockIntake.Outcome.NoIndex());
        assertThat(chain.blocks()).hasSize(1);
    }

    @Test
    void aBlockOvertakenWhileItWasCheckedIsStale() {
        String theirs = after(chain.tip().blockString(), "peer-miner");
        // another block wins the height while the announced one is being validated
        rules.add(before -> block -> {
            forgeOurs();
            return null;
        });

        assertThat(intake.receive(json(theirs), Optional.empty())).isEqualTo(new BlockIntake.Outcome.Stale(2));
        assertThat(chain.blocks()).hasSize(2);
        assertThat(chain.tip().blockString()).doesNotContain("peer-miner");
    }

    private void forgeOurs() {
        SealedBlock tip = chain.tip();
        BigInteger proof = BigInteger.ZERO;
        while (!RULE.isValid(tip.blockString(), proof)) {
            proof = proof.add(BigInteger.ONE);
        }
        assertThat(Forging.forge(chain, proof, "us")).isPresent();
    }

    /** The block after {@code previous}, a second later, with a valid proof and the reward to {@code miner}. */
    private static String after(String previous, String miner) {
        JsonNode before = json(previous);
        long proof = 0;
        while (!RULE.isValid(previous, BigInteger.valueOf(proof))) {
            proof++;
        }
        return "{\"index\": " + (before.get("index").longValue() + 1) + ", \"previous_hash\": \""
                + ProofRule.sha256Hex(previous) + "\", \"proof\": " + proof + ", \"timestamp\": "
                + PythonFloat.repr(before.get("timestamp").doubleValue() + 1) + ", \"transactions\": [{\"amount\": 1, "
                + "\"recipient\": " + CanonicalJson.quote(miner) + ", \"sender\": \"0\"}]}";
    }

    private static JsonNode json(String text) {
        return CanonicalJson.parse(text);
    }
}
