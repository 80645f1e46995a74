package dev.blockmine.node;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.mining.BlockForge;
import dev.blockmine.pow.ProofRule;

/**
 * A whole node in this JVM, listening on a port its server picked: the set-up of the tests that run real clients
 * (the miner, the wallet, a browser, Python) against it. A test names its settings with {@code @TestPropertySource}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class NodeOnRandomPort {

    @LocalServerPort
    protected int port;

    @Autowired
    protected Chain chain;

    /** Forges blocks as another miner would, through the one append. */
    @Autowired
    protected BlockForge forge;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The node's base URL. */
    protected String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Posts the first valid proof for the tip under {@code rule} as miner "miner", over HTTP: the answer's status. */
    protected int mine(ProofRule rule) throws IOException, InterruptedException {
        BigInteger proof = Proofs.firstValid(chain.tip().blockString(), rule, 0);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/mine"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("{\"proof\": " + proof + ", \"id\": \"miner\"}")).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
