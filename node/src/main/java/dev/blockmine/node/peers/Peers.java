package dev.blockmine.node.peers;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The other nodes this one knows, by normalized base URL ({@code http://host:port}), with limits: every address is
 * checked in full and must lie in an allowed {@link AddressRange}, the node skips itself, it holds at most
 * {@code maxPeers}, and a peer whose exchanges keep failing is dropped (a success forgives its failures).
 */
public final class Peers {

    private static final Logger log = LoggerFactory.getLogger(Peers.class);

    /** Why a registration was refused: the peer list has no room for it. */
    public static final class Full extends RuntimeException {
        Full(String message) {
            super(message, null, false, false);
        }
    }

    /** A peer's failures in a row: it rests until {@code until} before it is asked anything again. */
    private record Failing(int times, Instant since, Instant until) {
    }

    /** The longest a failing peer rests between two tries. */
    static final Duration LONGEST_REST = Duration.ofSeconds(60);

    /**
     * What a registration did.
     *
     * @param peers every peer now known
     * @param skipped the addresses left out because they are this node itself (a class registers one membership list
     *                on every node, each of which is in it)
     */
    public record Registration(List<String> peers, List<String> skipped) {
    }

    private final PeerProperties properties;
    private final Set<AddressRange> allowed;
    private final Clock clock;
    private final Map<String, Failing> known = new LinkedHashMap<>(); // guarded by this; value null while healthy
    private volatile int selfPort = -1;
    /** Peers that have answered a page of a chain: only these are told of our blocks. Guarded by this. */
    private final Set<String> proven = new HashSet<>();
    private final List<Consumer<String>> firstProven = new CopyOnWriteArrayList<>();

    public Peers(PeerProperties properties, Clock clock) {
        this.properties = properties;
        this.allowed = Set.copyOf(properties.allowedRanges());
        this.clock = clock;
    }

    /** This node's own HTTP port, once the server listens: an address of this machine at that port is refused. */
    public void selfPort(int port) {
        selfPort = port;
    }

    /**
     * Adds every address or none, but this node itself, which it skips.
     *
     * @throws IllegalArgumentException naming an address that cannot be a peer
     * @throws Full when they do not all fit
     */
    public Registration register(List<String> addresses) {
        List<String> checked = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String address : addresses) {
            PeerAddress parsed = PeerAddress.parse(address);
            (isSelf(parsed) ? skipped : checked).add(parsed.url());
        }
        synchronized (this) {
            long fresh = checked.stream().distinct().filter(url -> !known.containsKey(url)).count();
            if (known.size() + fresh > properties.maxPeers()) {
                throw new Full("The peer list holds at most " + properties.maxPeers() + " nodes (" + known.size()
                        + " now): remove one with DELETE /nodes?url=...");
            }
            checked.forEach(url -> known.putIfAbsent(url, null));
            return new Registration(List.copyOf(known.keySet()), List.copyOf(skipped));
        }
    }

    /** Forgets a peer; returns whether it was known. */
    public synchronized boolean remove(String address) {
        String url = PeerAddress.parse(address).url();
        boolean removed = known.containsKey(url);
        known.remove(url);
        proven.remove(url);
        if (removed) {
            log.info("Removed peer {} (DELETE /nodes)", url);
        }
        return removed;
    }

    public synchronized List<String> all() {
        return List.copyOf(known.keySet());
    }

    /**
     * The peers that may be asked something now: a peer whose exchanges failed rests, 1 s after its first failure,
     * doubling to {@link #LONGEST_REST}, so that what others make us send to addresses that are not nodes stays
     * bounded however often they ask.
     */
    public synchronized List<String> ready() {
        Instant now = clock.instant();
        return known.entrySet().stream().filter(peer -> peer.getValue() == null || !now.isBefore(peer.getValue().until()))
                .map(Map.Entry::getKey).toList();
    }

    /** The peers that proved to be nodes, in the order they were registered. */
    public synchronized List<String> proven() {
        return known.keySet().stream().filter(proven::contains).toList();
    }

    /**
     * {@code peer} answered a page of a chain: it is a node, and hears of our blocks from now on. A peer proven for the
     * first time is handed to the {@link #onFirstProven} listeners (outside the lock).
     */
    public void proven(String peer) {
        boolean first;
        synchronized (this) {
            first = known.containsKey(peer) && proven.add(peer);
        }
        if (first) {
            firstProven.forEach(listener -> listener.accept(peer));
        }
    }

    /**
     * Calls {@code listener} with each peer as it is proven for the first time: blocks announced before then did not
     * go to it (see {@link BlockAnnouncer}).
     */
    public void onFirstProven(Consumer<String> listener) {
        firstProven.add(listener);
    }

    /** An exchange with {@code peer} went well: its failures are forgiven, and it stays a peer. */
    public synchronized void succeeded(String peer) {
        known.replace(peer, null);
    }

    /**
     * An exchange with {@code peer} failed (unreachable, too slow, too large, invalid). After {@code maxFailures} in a
     * row spanning at least {@code dropAfter} it is dropped: a restart does not lose a peer, a dead one goes.
     */
    public synchronized void failed(String peer, String why) {
        if (!known.containsKey(peer)) {
            return;
        }
        Instant now = clock.instant();
        Failing before = known.get(peer);
        int times = before == null ? 1 : before.times() + 1;
        Duration rest = Duration.ofSeconds(1L << Math.min(times - 1, 6));
        Failing failing = new Failing(times, before == null ? now : before.since(),
                now.plus(rest.compareTo(LONGEST_REST) > 0 ? LONGEST_REST : rest));
        if (failing.times() >= properties.maxFailures() && !now.isBefore(failing.since().plus(properties.dropAfter()))) {
            known.remove(peer);
            proven.remove(peer);
            log.warn("Dropped peer {} after {} failed exchanges in a row since {}; last: {}", peer, failing.times(),
                    failing.since(), why);
        } else {
            known.put(peer, failing);
        }
    }

    /**
     * Whether an address that may be a peer is this node itself.
     *
     * @throws IllegalArgumentException when it cannot be a peer
     */
    private boolean isSelf(PeerAddress address) {
        InetAddress[] resolved;
        try {
            resolved = InetAddress.getAllByName(address.host());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host: " + address.url());
        }
        boolean self = false;
        for (InetAddress ip : resolved) {
            Optional<AddressRange> range = AddressRange.of(ip);
            if (range.isEmpty() || !allowed.contains(range.get())) {
                throw new IllegalArgumentException(address.url() + " is at " + ip.getHostAddress() + ", "
                        + range.map(r -> "a " + r.name().toLowerCase(Locale.ROOT) + " address").orElse("where no node may be")
                        + "; peers may be in " + allowed.stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().toList()
                        + " (node.peer.allowed-ranges)");
            }
            self |= address.port() == selfPort && isThisMachine(ip);
        }
        return self;
    }

    private static boolean isThisMachine(InetAddress ip) {
        try {
            return ip.isLoopbackAddress() || NetworkInterface.getByInetAddress(ip) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}
