package dev.blockmine.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import dev.blockmine.node.NodeOverMockMvc;
import dev.blockmine.node.Proofs;
import dev.blockmine.pow.BlockShape;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.JsonNode;

/**
 * The chain's size limits are in bytes of the block string: a pool of fat spends between non-ASCII ids (each
 * character six bytes as {@code json.dumps} escapes it) fills blocks only up to the limit, every block forged
 * validates from the genesis block, and a block over the limit is refused at the door.
 */
@TestPropertySource(properties = {"node.difficulty=3", "node.ledger=open", "node.max-pending-transactions=1000",
        "node.max-pending-per-sender=1000"})
@DirtiesContext
class BlockSizeLimitTest extends NodeOverMockMvc {

    private static final ProofRule RULE = new ProofRule(3);
    /** 42 characters, 252 bytes in a block string: the longest id of é that is allowed. */
    private static final String FAT_ID = "\u00e9".repeat(42);

    @Autowired
    private BlockValidation validation;

    private int status(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus();
    }

    @Test
    void aFullPoolFillsBlocksUpToTheLimitAndEveryBlockValidates() throws Exception {
        for (int i = 0; i < 400; i++) {
            String spend = "{\"sender\": \"" + FAT_ID + "\", \"recipient\": \"" + FAT_ID + i + "\", \"amount\": 0.000001}";
            assertThat(status("/transactions/new", spend)).isEqualTo(201);
        }
        int pendingBefore = chain.pendingCount();
        List<SealedBlock> forged = new ArrayList<>();
        while (chain.pendingCount() > 0) {
            String proof = Proofs.firstValid(chain.tip().blockString(), RULE, 0).toString();
            assertThat(status("/mine", "{\"proof\": " + proof + ", \"id\": \"" + FAT_ID + "\"}")).isEqualTo(200);
            forged.add(chain.tip());
        }

        assertThat(forged).as("400 fat spends need more than one block").hasSizeGreaterThan(1);
        assertThat(forged.getFirst().blockString().length()).isLessThanOrEqualTo(BlockShape.MAX_BLOCK_BYTES)
                .isGreaterThan(BlockShape.MAX_BLOCK_BYTES - BlockShape.RESERVED_BYTES - 1024);
        assertThat(forged.stream().mapToInt(b -> b.block().transactions().size() - 1).sum()).isEqualTo(pendingBefore);
        assertThat(validation.problems(chain.blocks().stream().map(b -> CanonicalJson.parse(b.blockString())).toList()))
                .isEmpty();
    }

    @Test
    void anIdIsMeasuredInTheBytesOfItsEscapes() throws Exception {
        String tooFat = FAT_ID + "\u00e9"; // 43 characters, 258 bytes
        String proof = Proofs.firstValid(chain.tip().blockString(), RULE, 0).toString();
        MvcResult refused = mvc.perform(post("/mine").contentType(MediaType.APPLICATION_JSON)
                .content("{\"proof\": " + proof + ", \"id\": \"" + tooFat + "\"}")).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("at most 256 bytes");
        assertThat(status("/transactions/new", "{\"sender\": \"a\", \"recipient\": \"" + tooFat + "\", \"amount\": 1}"))
                .isEqualTo(400);
    }

    @Test
    void anAnnouncedBlockOverTheLimitIsRefused() throws Exception {
        SealedBlock tip = chain.tip();
        List<Transaction> spends = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            spends.add(new Transaction(FAT_ID, FAT_ID + i, BigInteger.ONE));
        }
        spends.add(Transaction.reward("m"));
        Block fat = new Block(tip.index() + 1, tip.block().timestamp() + 1, spends,
                Proofs.firstValid(tip.blockString(), RULE, 0), tip.hash());
        String body = SealedBlock.of(fat).blockString();
        assertThat(body.length()).isGreaterThan(BlockShape.MAX_BLOCK_BYTES).isLessThan(BlockShape.MAX_BLOCK_READ_BYTES);

        MvcResult refused = mvc.perform(post("/blocks").contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        JsonNode answer = CanonicalJson.parse(refused.getResponse().getContentAsString());
        assertThat(answer.get("message").stringValue()).contains("more than the chain's " + BlockShape.MAX_BLOCK_BYTES);
        assertThat(chain.tip()).isSameAs(tip);
    }
}
