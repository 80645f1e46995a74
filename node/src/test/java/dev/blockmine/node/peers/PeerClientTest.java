package dev.blockmine.node.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Only what a peer can be blamed for counts against it: a bug of ours in an exchange is thrown as it is and leaves
 * the peer alone (it used to count as the peer's failure, and could drop a good peer). Closing the client ends the
 * exchanges in flight.
 */
class PeerClientTest {

    private static final String PEER = "http://127.0.0.1:5999";

    private Peers peers;
    private PeerClient client;

    @BeforeEach
    void onePeerDroppedAtItsFirstFailure() {
        PeerProperties properties = new PeerProperties(List.of(), 64, List.of(AddressRange.LOOPBACK), 1, Duration.ZERO,
                Duration.ofSeconds(30), Duration.ofSeconds(3), DataSize.ofMegabytes(1), 8);
        peers = new Peers(properties, Clock.systemUTC());
        peers.register(List.of(PEER));
        client = new PeerClient(peers, properties);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aBugOfOursIsThrownAsItIsAndThePeerStays() {
        assertThatThrownBy(() -> client.reported(PEER, () -> {
            throw new NullPointerException("a bug of ours");
        })).isInstanceOf(NullPointerException.class).hasMessage("a bug of ours");
        assertThat(peers.all()).containsExactly(PEER);
    }

    @Test
    void anIoFailureIsThePeers() {
        assertThatThrownBy(() -> client.reported(PEER, () -> {
            throw new IOException("connection refused");
        })).isInstanceOf(IOException.class);
        assertThat(peers.all()).isEmpty();
    }

    @Test
    void closingEndsAnExchangeInFlightWithoutBlamingThePeer() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            CountDownLatch connected = new CountDownLatch(1);
            Thread.ofVirtual().start(() -> {
                try (Socket accepted = silent.accept()) {
                    connected.countDown();
                    accepted.getInputStream().transferTo(java.io.OutputStream.nullOutputStream()); // never answers
                } catch (IOException e) {
                    // closed
                }
            });
            String peer = "http://127.0.0.1:" + silent.getLocalPort();
            peers.register(List.of(peer));
            CompletableFuture<Integer> announcing = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.announce(peer, "{}", 5000);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue(); // under way: it would last the 30 s deadline
            client.close();
            assertThatThrownBy(() -> announcing.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .rootCause().hasMessageContaining("stopping");
            assertThat(peers.all()).contains(peer);
        }
    }
}
