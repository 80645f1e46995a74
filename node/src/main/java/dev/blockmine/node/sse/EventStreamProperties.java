package dev.blockmine.node.sse;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The server-sent event streams ({@code node.events.*}: {@code GET /events} and the dashboard's).
 *
 * @param maxSubscribers streams of one kind open at once; past that a subscriber gets 503 with a message
 * @param maxSubscribersPerAddress streams of one kind one client address may hold, under {@code maxSubscribers}
 * @param queued events waiting for one subscriber before it counts as stalled and is dropped
 * @param queuedBytes bytes of those events at most (the one being written included); past that it is dropped too.
 *                    Events are shared by every stream, so all streams together hold about this much, not this
 *                    much each: a stream holds only events broadcast after the oldest one it still waits for
 * @param heartbeat how often an idle tip stream gets a comment, so proxies keep it and dead readers are found
 */
@Validated
@ConfigurationProperties("node.events")
public record EventStreamProperties(
        @DefaultValue("1000") @Min(1) int maxSubscribers,
        @DefaultValue("64") @Min(1) int maxSubscribersPerAddress,
        @DefaultValue("8") @Min(1) int queued,
        @DefaultValue("4MB") @NotNull DataSize queuedBytes,
        @DefaultValue("5s") @NotNull Duration heartbeat) {
}
