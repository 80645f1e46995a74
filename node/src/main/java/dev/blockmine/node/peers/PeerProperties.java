package dev.blockmine.node.peers;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code node.peer.*} settings: how much this node lets other nodes cost it with their defaults.
 *
 * @param urls other nodes (base URLs, comma-separated) to announce blocks to and resolve with, from the start; more can
 *             be registered with POST /nodes/register. A host that does not resolve is logged and left out
 * @param maxPeers peers held at most
 * @param allowedRanges the address ranges a peer may be in; link-local and cloud metadata addresses never are
 * @param maxFailures failed exchanges in a row after which a peer is dropped ...
 * @param dropAfter ... once it has been failing for at least this long
 * @param deadline one whole exchange with a peer (connect, headers, body) ends after this, finished or not
 * @param connectTimeout a peer that does not accept the connection within this is failing
 * @param maxChainBytes largest {@code GET /chain} answer read from a peer in one exchange (a page, or the whole chain of
 *                      a node that does not page)
 * @param parallelFetches peers whose chains are read at the same time during a resolve
 */
@Validated
@ConfigurationProperties("node.peer")
public record PeerProperties(
        @DefaultValue @NotNull List<String> urls,
        @DefaultValue("64") @Min(1) int maxPeers,
        @DefaultValue({"loopback", "private"}) @NotEmpty List<AddressRange> allowedRanges,
        @DefaultValue("5") @Min(1) int maxFailures,
        @DefaultValue("60s") @NotNull Duration dropAfter,
        @DefaultValue("10s") @NotNull Duration deadline,
        @DefaultValue("3s") @NotNull Duration connectTimeout,
        @DefaultValue("32MB") @NotNull DataSize maxChainBytes,
        @DefaultValue("8") @Min(1) int parallelFetches) {
}
