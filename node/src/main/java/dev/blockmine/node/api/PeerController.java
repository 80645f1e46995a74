package dev.blockmine.node.api;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.blockmine.node.chain.BlockValidation;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.NextBlock;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.peers.Consensus;
import dev.blockmine.node.peers.Peers;
import dev.blockmine.pow.CanonicalJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The network: registering peers and resolving conflicts as the course's blockchain does
 * ({@code /nodes/register}, {@code /nodes/resolve}), and blocks announced by peers ({@code POST /blocks}).
 */
@RestController
class PeerController {

    /** Room for a block carrying the largest allowed number of pending transactions. */
    static final int MAX_BLOCK_BYTES = 1 << 20;

    private final Chain chain;
    private final Peers peers;
    private final Consensus consensus;
    private final JsonRequests requests;
    private final BlockValidation validation;

    PeerController(Chain chain, Peers peers, Consensus consensus, JsonRequests requests, BlockValidation validation) {
        this.chain = chain;
        this.peers = peers;
        this.consensus = consensus;
        this.requests = requests;
        this.validation = validation;
    }

    @PostMapping("/nodes/register")
    ResponseEntity<String> register(HttpServletRequest request) {
        JsonNode nodes = requests.readObject(request).get("nodes");
        if (nodes == null || !nodes.isArray() || nodes.isEmpty()) {
            throw ApiException.badRequest("Please supply a valid list of nodes: {\"nodes\": [\"http://host:port\", ...]}");
        }
        List<String> addresses = nodes.values().stream().map(node -> {
            if (!node.isString()) {
                throw ApiException.badRequest("Every node must be a string such as \"http://host:port\", got " + node);
            }
            try {
                return Peers.normalize(node.stringValue());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage() + " (expected e.g. \"http://192.168.0.5:5000\")");
            }
        }).toList();
        peers.add(addresses);
        ObjectNode body = JsonResponses.messageBody("New nodes have been added");
        ArrayNode total = body.putArray("total_nodes");
        peers.all().forEach(total::add);
        return JsonResponses.json(HttpStatus.CREATED, body);
    }

    @GetMapping("/nodes")
    ResponseEntity<String> nodes() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode all = body.putArray("nodes");
        peers.all().forEach(all::add);
        return JsonResponses.json(HttpStatus.OK, body);
    }

    @GetMapping("/nodes/resolve")
    ResponseEntity<String> resolve() {
        Consensus.Outcome outcome = consensus.resolve();
        String blocks = outcome.chain().stream().map(SealedBlock::blockString).collect(Collectors.joining(", ", "[", "]"));
        // keys in sorted order, as everywhere: chain < message < new_chain
        String json = outcome.replaced()
                ? "{\"message\": \"Our chain was replaced\", \"new_chain\": " + blocks + "}"
                : "{\"chain\": " + blocks + ", \"message\": \"Our chain is authoritative\"}";
        return JsonResponses.raw(HttpStatus.OK, json);
    }

    @PostMapping("/blocks")
    ResponseEntity<String> announced(HttpServletRequest request) {
        JsonNode block = requests.readObject(request, MAX_BLOCK_BYTES);
        if (!block.path("index").isIntegralNumber()) {
            throw ApiException.badRequest("A block needs an integer index");
        }
        long index = block.get("index").longValue();
        List<SealedBlock> ours = chain.blocks();
        SealedBlock tip = ours.getLast();
        if (index <= tip.index()) {
            boolean known = index >= 1 && ours.get((int) index - 1).blockString().equals(CanonicalJson.encode(block));
            return known ? JsonResponses.message(HttpStatus.OK, "Block " + index + " is already known")
                    : JsonResponses.message(HttpStatus.CONFLICT, "Block " + index
                            + " differs from ours and does not make a longer chain; keeping ours (longest valid chain wins)");
        }
        boolean follows = index == tip.index() + 1 && tip.hash().equals(block.path("previous_hash").stringValue(null));
        if (!follows) {
            Thread.ofVirtual().name("resolve-on-gap").start(consensus::resolve);
            return JsonResponses.message(HttpStatus.ACCEPTED, "Block " + index + " does not follow our last block "
                    + tip.index() + ": resolving with our peers");
        }
        List<String> problems = validation.after(ours).next(block);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("Invalid block: " + String.join("; ", problems));
        }
        SealedBlock next;
        try {
            next = SealedBlock.fromJson(block);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid block: " + e.getMessage());
        }
        if (!chain.appendOn(NextBlock.on(tip), next, Optional.empty())) {
            return JsonResponses.message(HttpStatus.CONFLICT, "Block " + index + " arrived after another block " + index);
        }
        return JsonResponses.message(HttpStatus.CREATED, "Block " + index + " accepted");
    }
}
