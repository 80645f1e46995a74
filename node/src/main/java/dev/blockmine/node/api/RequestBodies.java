package dev.blockmine.node.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.ledger.Ledger;
import dev.blockmine.node.ledger.LedgerMode;
import dev.blockmine.pow.BlockShape;

/**
 * How each request body is read: one converter per body type, with its size limit. Spring Boot puts converter beans
 * ahead of its own, so Jackson's general-purpose binding never reads these types.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodies {

    @Bean
    JsonBodyConverter<MineRequest> mineRequests(NodeProperties properties) {
        return new JsonBodyConverter<>(MineRequest.class, properties.maxBodyBytes(), MineRequest::from);
    }

    @Bean
    JsonBodyConverter<TransactionRequest> transactionRequests(NodeProperties properties, Ledger ledger) {
        boolean signed = ledger.mode() == LedgerMode.SIGNED;
        return new JsonBodyConverter<>(TransactionRequest.class, properties.maxBodyBytes(),
                body -> TransactionRequest.from(body, signed));
    }

    @Bean
    JsonBodyConverter<PeerList> peerLists(NodeProperties properties) {
        return new JsonBodyConverter<>(PeerList.class, properties.maxBodyBytes(), PeerList::from);
    }

    /** Blocks from peers are larger than a proof. */
    @Bean
    JsonBodyConverter<AnnouncedBlock> announcedBlocks() {
        return new JsonBodyConverter<>(AnnouncedBlock.class, BlockShape.MAX_BLOCK_READ_BYTES, AnnouncedBlock::new);
    }
}
