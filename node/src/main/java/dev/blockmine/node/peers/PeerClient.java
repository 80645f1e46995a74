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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.blockmine.pow.BlockShape;

/**
 * Talks to other nodes: reads their chain, announces our blocks. Every exchange is bounded in time as a whole
 * (connect, headers and body: {@code deadline}) and in size (the chain's bytes and each block's), and its outcome is
 * told to {@link Peers}, which drops peers that keep failing. Response headers are bounded by the JDK
 * ({@code jdk.http.maxHeaderSize}, 384 KB).
 */
public final class PeerClient {

    private final HttpClient http;
    private final ExecutorService exchanges = Executors.newVirtualThreadPerTaskExecutor();
    private final Peers peers;
    private final Duration deadline;
    private final long maxChainBytes;
    private final long maxBlockBytes;

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

    /** Runs one exchange under the deadline (interrupted and its connection closed when it passes) and reports it. */
    private <T> T reported(String peer, Callable<T> exchange) throws IOException, InterruptedException {
        Future<T> running = exchanges.submit(exchange);
        try {
            T result = running.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            peers.succeeded(peer);
            return result;
        } catch (TimeoutException e) {
            running.cancel(true);
            throw failed(peer, new IOException(peer + " did not finish answering within " + deadline.toMillis() + " ms"));
        } catch (ExecutionException e) {
            IOException failure = e.getCause() instanceof IOException io ? io
                    : new IOException(peer + ": " + e.getCause().getMessage(), e.getCause());
            throw failed(peer, failure);
        } catch (InterruptedException e) {
            running.cancel(true);
            throw e;
        }
    }

    private IOException failed(String peer, IOException failure) {
        peers.failed(peer, failure.getMessage());
        return failure;
    }
}
