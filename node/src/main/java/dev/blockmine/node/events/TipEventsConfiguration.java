package dev.blockmine.node.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.sse.EventStreamProperties;
import dev.blockmine.node.sse.EventStreams;
import dev.blockmine.node.sse.StreamTicker;

@Configuration(proxyBeanMethods = false)
class TipEventsConfiguration {

    @Bean
    TipEvents tipEvents(Chain chain, EventStreamProperties properties) {
        return new TipEvents(chain, new EventStreams("tip subscriber", properties));
    }

    @Bean
    StreamTicker tipHeartbeat(TipEvents tips, EventStreamProperties properties) {
        return new StreamTicker("events-heartbeat", properties.heartbeat(), tips::heartbeat, tips.streams());
    }
}
