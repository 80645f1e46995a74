package dev.blockmine.node.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.blockmine.node.chain.Transaction;
import dev.blockmine.node.peers.RunningNode;
import dev.blockmine.pow.CanonicalJson;

/**
 * A database that stops answering without hanging up (a lost network): the change whose query is in flight fails
 * with a 503 after the driver's 10 s of silence, instead of holding its connection and the chain's lock for ever; a
 * change waiting for the lock meanwhile is refused with a 503 after the chain's bounded wait; reads go on; and the
 * node works again once the database answers. Before the socket timeout and the bounded wait, neither change answered.
 */
class DatabaseStallTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Far beyond the 10 s the node needs, so a loaded machine passes too; without the limits they never answer. */
    private static final Duration ANSWER = Duration.ofSeconds(60);
    private static final Executor THREADS = Executors.newVirtualThreadPerTaskExecutor();

    @Test
    void aStalledDatabaseGets503sNotHangsAndReadsGoOn() throws Exception {
        URI database = URI.create(TestPostgres.newDatabase().substring("jdbc:".length()));
        try (StallingProxy proxy = new StallingProxy(database.getHost(), database.getPort());
                RunningNode node = new RunningNode("node.store=postgres", "node.ledger=open", "node.tcp.port=-1",
                        "node.difficulty=3", "spring.datasource.url=jdbc:postgresql://127.0.0.1:" + proxy.port()
                        + database.getPath())) {
            assertThat(queue(node, "warm-up").statusCode()).isEqualTo(201);

            proxy.stall(); // right after a query: its connection is back in the pool and is reused unchecked
            // whichever takes the chain's lock first waits on the database; the other waits on the lock
            CompletableFuture<HttpResponse<String>> one = CompletableFuture.supplyAsync(() -> queue(node, "one"), THREADS);
            CompletableFuture<HttpResponse<String>> two = CompletableFuture.supplyAsync(() -> queue(node, "two"), THREADS);
            assertThat(node.get("/last_block").get("last_block").get("index").asLong()).as("reads go on").isEqualTo(1);

            List<String> refusals = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> answer : List.of(one, two)) {
                HttpResponse<String> response = answer.get(ANSWER.toSeconds(), TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                refusals.add(CanonicalJson.parse(response.body()).get("message").stringValue());
            }
            assertThat(refusals).anySatisfy(message -> assertThat(message).contains("database is unavailable"))
                    .anySatisfy(message -> assertThat(message).contains("store is slow to answer"));

            proxy.resume();
            await().atMost(ANSWER).until(() -> queue(node, "after").statusCode() == 201);
            assertThat(node.chain().pending()).extracting(Transaction::sender).as("the refused changes changed nothing")
                    .containsExactly("warm-up", "after");
        }
    }

    private static HttpResponse<String> queue(RunningNode node, String sender) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(node.url + "/transactions/new"))
                    .header("Content-Type", "application/json").timeout(ANSWER)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sender\": \"" + sender + "\", \"recipient\": \"b\", \"amount\": 0}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("no answer to a transaction (the node hung?)", e);
        }
    }
}
