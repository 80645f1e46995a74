package dev.blockmine.node.sse;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The server-sent event streams ({@code node.events.*}: {@code GET /events} and the dashboard's).
 *
 * @param maxSubscribers streams of one kind open at once; past that a subscriber gets 503 with a message
 * @param queued events waiting for one subscriber before it counts as stalled and is dropped
 * @param heartbeat how often an idle tip stream gets a comment, so proxies keep it and dead readers are found
 */
@Validated
@ConfigurationProperties("node.events")
public record EventStreamProperties(
        @DefaultValue("1000") @Min(1) int maxSubscribers,
        @DefaultValue("8") @Min(1) int queued,
        @DefaultValue("5s") @NotNull Duration heartbeat) {
}
