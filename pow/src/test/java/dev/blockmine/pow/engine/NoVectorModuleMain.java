package dev.blockmine.pow.engine;

import java.math.BigInteger;

import dev.blockmine.pow.BinaryRule;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.search.NonceSearch;
import dev.blockmine.pow.search.ProofSearch;
import dev.blockmine.pow.search.SearchControl;

/** Run by {@link ScalarFallbackTest} in a JVM without the Vector API module. */
public final class NoVectorModuleMain {

    public static void main(String[] args) {
        System.out.println("module loaded: " + Engines.vectorModuleLoaded());
        String blockString = "{\"index\": 2}";
        ProofRule rule = new ProofRule(3);
        byte[] data = new byte[1024];
        for (EngineKind kind : new EngineKind[] {EngineKind.SCALAR, EngineKind.AUTO}) {
            String label = kind.name().toLowerCase(java.util.Locale.ROOT);
            try (ProofSearch search = Engines.proofSearch(kind, 1)) {
                System.out.println(label + " engine: " + search.name());
                long proof = search.search(blockString, rule, new SearchControl()).orElseThrow();
                System.out.println(label + " proof valid: " + rule.isValid(blockString, BigInteger.valueOf(proof)));
            }
            try (NonceSearch search = Engines.nonceSearch(kind, 1)) {
                long nonce = search.search(data, 8, 0, 1L << 32, new SearchControl()).orElseThrow();
                System.out.println(label + " nonce valid: " + new BinaryRule(8).isValid(data, nonce));
            }
        }
    }
}
