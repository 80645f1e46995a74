package dev.blockmine.node.explorer;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import dev.blockmine.node.chain.Block;
import dev.blockmine.node.chain.BlockList;
import dev.blockmine.node.chain.ProvenBy;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.pow.BinaryRule;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.JobData;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One block as the explorer shows it, and why it is valid: what its miner hashed (the previous block's string and
 * the proof, or for the binary rule the job data and the nonce) and the digest with its leading zeros. Proofs and
 * nonces are strings: an 18-digit proof does not survive a browser's {@code JSON.parse}; the block strings are strings
 * too, so the page hashes exactly the bytes the miner hashed.
 */
final class BlockExplanation {

    private static final HexFormat HEX = HexFormat.of();

    private final ProofRule rule;

    BlockExplanation(ProofRule rule) {
        this.rule = rule;
    }

    ObjectNode of(SealedBlock sealed, BlockList chain) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Block block = sealed.block();
        ObjectNode json = nodes.objectNode();
        json.put("index", sealed.index());
        json.put("hash", sealed.hash());
        json.put("block_string", sealed.blockString());
        json.put("size", sealed.blockString().getBytes(StandardCharsets.UTF_8).length);
        json.put("timestamp", block.timestamp());
        json.put("proof", block.proof().toString());
        json.put("previous_hash", block.previousHash());
        json.put("length", chain.size());
        SealedBlock next = sealed.index() < chain.size() ? chain.at(sealed.index() + 1) : null;
        boolean ours = chain.at(sealed.index()).equals(sealed);
        if (ours && next != null) {
            json.put("next_hash", next.hash());
        } else {
            json.putNull("next_hash");
        }
        List<Transaction> txs = block.transactions();
        json.put("miner", sealed.index() == 1 || txs.isEmpty() ? null : txs.getLast().recipient());
        json.put("protocol", sealed.index() == 1 ? null : sealed.protocol());
        ArrayNode transactions = json.putArray("transactions");
        txs.forEach(tx -> transactions.add(CanonicalJson.parse(tx.canonicalJson())));
        json.set("work", sealed.index() == 1 ? genesis() : work(block, chain.at(sealed.index() - 1), txs));
        return json;
    }

    private static ObjectNode genesis() {
        return JsonNodeFactory.instance.objectNode().put("rule", "genesis")
                .put("explanation", "The genesis block is made by the node, not mined: it has no block before it to prove"
                        + " work on, and its previous_hash \"1\" and proof 100 are the course's constants.");
    }

    private ObjectNode work(Block block, SealedBlock previous, List<Transaction> txs) {
        ObjectNode work = JsonNodeFactory.instance.objectNode();
        work.put("previous_block_string", previous.blockString());
        work.put("previous_hash", previous.hash());
        if (block.provenBy() instanceof ProvenBy.Binary binary) {
            byte[] data = JobData.of(block.index(), previous.hash(), Block.transactionsJson(txs.subList(0, txs.size() - 1)),
                    binary.zeroBits());
            long nonce = block.proof().longValue();
            byte[] digest = BinaryRule.digest(data, nonce);
            work.put("rule", "binary");
            work.put("zero_bits", binary.zeroBits());
            work.put("nonce", block.proof().toString());
            work.put("nonce_bytes", HEX.formatHex(BinaryRule.littleEndian(nonce)));
            work.put("job_data", HEX.formatHex(data));
            work.put("transactions_json", Block.transactionsJson(txs.subList(0, txs.size() - 1)));
            work.put("digest", HEX.formatHex(digest));
            work.put("meets", new BinaryRule(binary.zeroBits()).isValid(data, nonce));
        } else {
            work.put("rule", "http");
            work.put("hex_zeros", rule.hexZeros());
            work.put("proof", block.proof().toString());
            work.put("digest", ProofRule.hexDigest(previous.blockString(), block.proof()));
            work.put("meets", rule.isValid(previous.blockString(), block.proof()));
        }
        return work;
    }
}
