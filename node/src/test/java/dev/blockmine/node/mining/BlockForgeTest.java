package dev.blockmine.node.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Clock;

import org.junit.jupiter.api.Test;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.Proofs;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.ProofRule;

class BlockForgeTest {

    private static final ProofRule RULE = new ProofRule(4);

    private final Chain chain = new Chain(Clock.systemUTC(), 10);
    private final BlockForge forge = new BlockForge(chain, RULE, Clock.systemUTC());

    @Test
    void aProofForAnOlderBlockIsStaleNeverAppended() {
        SealedBlock genesis = chain.tip();
        BigInteger first = Proofs.firstValid(genesis.blockString(), RULE, 0);
        BigInteger second = Proofs.firstValid(genesis.blockString(), RULE, first.longValue() + 1);
        assertThat(forge.submit(first, "ana")).isInstanceOf(Submission.Forged.class);
        // a miner that computed a different proof for the genesis block, posting after the first one won
        assertThat(forge.submit(second, "bob")).isEqualTo(new Submission.Stale(2, false));
        assertThat(forge.submit(first, "ana")).as("the winning proof again").isEqualTo(new Submission.Stale(2, true));
        assertThat(chain.blocks()).hasSize(2);
        ChainAssertions.assertValid(chain, RULE);
    }

    @Test
    void staleProofsAreRecognisedAcrossSeveralBlocks() {
        SealedBlock genesis = chain.tip();
        BigInteger old = Proofs.firstValid(genesis.blockString(), RULE, 0);
        for (int i = 0; i < 5; i++) {
            BigInteger proof = Proofs.firstValid(chain.tip().blockString(), RULE, 0);
            assertThat(forge.submit(proof, "m" + i)).isInstanceOf(Submission.Forged.class);
        }
        // valid for block 1, whose successor was forged long ago: stale, not invalid, and nothing appended
        assertThat(forge.submit(old, "late")).isInstanceOf(Submission.Stale.class);
        assertThat(chain.blocks()).hasSize(6);
        ChainAssertions.assertValid(chain, RULE);
    }

    @Test
    void anInvalidProofNamesTheTip() {
        BigInteger wrong = Proofs.firstInvalid(chain.tip().blockString(), RULE, 0);
        assertThat(forge.submit(wrong, "ana")).isEqualTo(new Submission.Invalid(1));
        assertThat(chain.blocks()).hasSize(1);
    }
}
