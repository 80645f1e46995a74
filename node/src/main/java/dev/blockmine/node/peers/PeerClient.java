package dev.blockmine.node.peers;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.blockmine.pow.BlockShape;

/**
 * Talks to other nodes: reads their chain, announces our blocks. Every exchange is bounded in time as a whole
 * (connect, headers and body: {@code deadline}) and in size (the chain's bytes and each block's), and its outcome is
 * told to {@link Peers}, which drops peers that keep failing; a bug of ours is not the peer's failure. Response
 * headers are bounded by the JDK ({@code jdk.http.maxHeaderSize}, 384 KB). Closed with the node: the exchanges in
 * flight end, and the HTTP client's connections and threads with them.
 */
public final class PeerClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PeerClient.class);


    private final HttpClient http;
    private final ExecutorService exchanges = Executors.newVirtualThreadPerTaskExecutor();
    private final Peers peers;
    private final Duration deadline;
    private final long maxChainBytes;
    private final long maxBlockBytes;
    private volatile boolean closed;

    public PeerClient(Peers peers, PeerProperties properties) {
        this.peers = peers;
        this.deadline = properties.deadline();
        this.maxChainBytes = properties.maxChainBytes().toBytes();
        this.maxBlockBytes = BlockShape.MAX_BLOCK_READ_BYTES;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    }

    /**
     * Streams the page of the peer's chain from block {@code from} ({@code GET /chain?from=&limit=}) into {@code sink},
     * block by block as it arrives. A node that does not page (the course's) answers with its whole chain instead:
     * the answer's {@link ChainReader.End#from()} is then empty and the blocks start at the genesis block.
     *
     * @throws ChainReader.InvalidChain when the sink refused a block (reading stopped there) or the answer is not a chain
     * @throws IOException when the peer is unreachable, too slow, or sends too much
     */
    public ChainReader.End chain(String peer, long from, int limit, ChainReader.Blocks sink)
            throws IOException, InterruptedException {
        return reported(peer, () -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(peer + "/chain?from=" + from + "&limit=" + limit))
                    .timeout(deadline).build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) { // closing it early drops the connection
                if (response.statusCode() != 200) {
                    throw new IOException(peer + "/chain answered " + response.statusCode());
                }
                return ChainReader.read(body, sink, maxChainBytes);
            }
        });
    }

    /** Posts a block string to the peer's {@code POST /blocks}; returns the status. */
    public int announce(String peer, String blockString, int ourPort) throws IOException, InterruptedException {
        return reported(peer, () -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(peer + "/blocks")).timeout(deadline)
                    .header("Content-Type", "application/json").header(PeerOrigin.PORT_HEADER, String.valueOf(ourPort)).POST(HttpRequest.BodyPublishers.ofString(blockString)).build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                body.readNBytes((int) maxBlockBytes); // the answer is a short message: read a bounded part of it
                if (response.statusCode() >= 500) {
                    throw new IOException(peer + "/blocks answered " + response.statusCode());
                }
                return response.statusCode();
            }
        });
    }

    /**
     * Runs one exchange under the deadline (interrupted and its connection closed when it passes) and reports it. Only
     * what the peer can be blamed for counts against it: I/O (unreachable, reset), the deadline, an answer too large
     * or invalid. Anything else is a bug of ours: logged with its stack trace and thrown as it is, the peer unblamed.
     */
    <T> T reported(String peer, Callable<T> exchange) throws IOException, InterruptedException {
        Future<T> running;
        try {
            running = exchanges.submit(exchange);
        } catch (RejectedExecutionException e) {
            throw stopping();
        }
        try {
            T result = running.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            peers.succeeded(peer);
            return result;
        } catch (TimeoutException e) {
            running.cancel(true);
            throw failed(peer, new IOException(peer + " did not finish answering within " + deadline.toMillis() + " ms"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (closed) {
                throw stopping(); // the exchange was cut short by our shutdown, not by the peer
            }
            if (cause instanceof IOException io) {
                throw failed(peer, io);
            }
            log.error("An exchange with peer {} failed on a bug of ours (the peer is not blamed)", peer, cause);
            if (cause instanceof Error error) {
                throw error;
            }
            throw cause instanceof RuntimeException bug ? bug : new IllegalStateException(cause);
        } catch (InterruptedException e) {
            running.cancel(true);
            throw e;
        }
    }

    private IOException failed(String peer, IOException failure) {
        peers.failed(peer, failure.getMessage());
        return failure;
    }

    private static IOException stopping() {
        return new IOException("this node is stopping: exchanges with peers are over");
    }

    /** Ends the exchanges in flight and the HTTP client's connections and threads (the node is stopping). */
    @Override
    public void close() {
        closed = true;
        exchanges.shutdownNow();
        http.shutdownNow();
    }
}
