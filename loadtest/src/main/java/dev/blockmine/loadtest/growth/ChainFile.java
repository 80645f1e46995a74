package dev.blockmine.loadtest.growth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A valid chain of any length at a low difficulty, written straight into a durable node's journal
 * ({@code chain.jsonl}): one reward per block to one of twenty miners, a second apart, ending now. Kept between runs.
 */
record ChainFile(Path journal, int blocks) {

    static final int MINERS = 20;

    static ChainFile make(Path dir, int blocks, ProofRule rule) throws IOException {
        Path journal = dir.resolve("chain-" + blocks + "-d" + rule.hexZeros() + ".jsonl");
        if (Files.exists(journal)) {
            return new ChainFile(journal, blocks);
        }
        Files.createDirectories(dir);
        Path partial = dir.resolve(journal.getFileName() + ".partial");
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        long start = System.currentTimeMillis() / 1000 - blocks - 60;
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.US_ASCII)) {
            ObjectNode genesis = nodes.objectNode().put("index", 1).put("previous_hash", "1").put("proof", 100)
                    .put("timestamp", (double) start);
            genesis.putArray("transactions");
            String previous = CanonicalJson.encode(genesis);
            out.write(previous);
            out.write('\n');
            for (int index = 2; index <= blocks; index++) {
                long proof = 0;
                while (!rule.isValid(previous, BigInteger.valueOf(proof))) {
                    proof++;
                }
                ObjectNode block = nodes.objectNode().put("index", index)
                        .put("previous_hash", ProofRule.sha256Hex(previous)).put("proof", proof)
                        .put("timestamp", start + index + 0.25);
                block.putArray("transactions").addObject().put("amount", 1)
                        .put("recipient", "miner-" + (index % MINERS)).put("sender", "0");
                previous = CanonicalJson.encode(block);
                out.write(previous);
                out.write('\n');
            }
        }
        Files.move(partial, journal, StandardCopyOption.REPLACE_EXISTING);
        return new ChainFile(journal, blocks);
    }

    /** A data folder holding a copy of this journal, as a durable node reads it at start. */
    Path dataDir(Path under) throws IOException {
        Path dir = under.resolve("node-" + blocks);
        Files.createDirectories(dir);
        Files.copy(journal, dir.resolve("chain.jsonl"), StandardCopyOption.REPLACE_EXISTING);
        return dir;
    }

    long averageBlockBytes() throws IOException {
        return (Files.size(journal) - blocks) / blocks;
    }
}
