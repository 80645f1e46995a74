package dev.blockmine.node.api;

import java.util.List;
import java.util.Optional;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.blockmine.node.peers.BlockIntake;
import dev.blockmine.node.peers.Consensus;
import dev.blockmine.node.peers.PeerOrigin;
import dev.blockmine.node.peers.Peers;
import dev.blockmine.pow.CanonicalJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The network: registering peers and resolving conflicts as the course's blockchain does
 * ({@code /nodes/register}, {@code /nodes/resolve}), and blocks announced by peers ({@code POST /blocks}).
 */
@RestController
class PeerController {

    private final Peers peers;
    private final Consensus consensus;
    private final BlockIntake intake;
    private final PeerOrigin origin;
    private final ChainBodies bodies;

    PeerController(Peers peers, Consensus consensus, BlockIntake intake, PeerOrigin origin, ChainBodies bodies) {
        this.bodies = bodies;
        this.origin = origin;
        this.peers = peers;
        this.consensus = consensus;
        this.intake = intake;
    }

    @Operation(summary = "Register peers")
    @JsonPost("/nodes/register")
    ResponseEntity<String> register(@RequestBody PeerList list) {
        Peers.Registration registration;
        List<String> before = peers.all();
        try {
            registration = peers.register(list.nodes());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage() + " (expected e.g. \"http://192.168.0.5:5000\")");
        } catch (Peers.Full e) {
            throw new ApiException(HttpStatus.CONFLICT, e.getMessage());
        }
        ObjectNode body = JsonResponses.messageBody(registration.skipped().isEmpty() ? "New nodes have been added"
                : "New nodes have been added; skipped " + String.join(", ", registration.skipped()) + ": this node itself");
        ArrayNode total = body.putArray("total_nodes");
        registration.peers().forEach(total::add);
        if (!registration.skipped().isEmpty()) {
            registration.skipped().forEach(body.putArray("skipped")::add);
        }
        // a new peer hears of our blocks once it has answered as a node: one small request each
        consensus.introduce(registration.peers().stream().filter(peer -> !before.contains(peer)).toList());
        return JsonResponses.json(HttpStatus.CREATED, body);
    }

    @Operation(summary = "The peers: {\"nodes\", \"proven\"} (proven: those that answered with a chain)")
    @GetMapping("/nodes")
    ResponseEntity<String> nodes() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode all = body.putArray("nodes");
        peers.all().forEach(all::add);
        ArrayNode proven = body.putArray("proven"); // those that answered with a chain: they hear of our blocks
        peers.proven().forEach(proven::add);
        return JsonResponses.json(HttpStatus.OK, body);
    }

    @Operation(summary = "Remove a peer: ?url=http://host:port")
    @DeleteMapping("/nodes")
    ResponseEntity<String> remove(@RequestParam(name = "url", required = false) String url) {
        if (url == null || url.isBlank()) {
            throw ApiException.badRequest("Say which node to remove: DELETE /nodes?url=http://host:port");
        }
        boolean removed;
        try {
            removed = peers.remove(url);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        if (!removed) {
            throw new ApiException(HttpStatus.NOT_FOUND, "No such node: " + url);
        }
        ObjectNode body = JsonResponses.messageBody("Node removed");
        ArrayNode all = body.putArray("nodes");
        peers.all().forEach(all::add);
        return JsonResponses.json(HttpStatus.OK, body);
    }

    /**
     * The course's answer ({@code message} and the chain, as {@code chain} or {@code new_chain}), streamed, with
     * {@code rejected}: why each peer that could not be synced failed (empty when none did).
     */
    @Operation(summary = "Resolve with peers by the gap (only the blocks after where the chains meet are"
            + " read): the longest valid chain wins; rejected says why each failing peer failed")
    @GetMapping("/nodes/resolve")
    void resolve(HttpServletResponse response) throws IOException {
        Consensus.Outcome outcome = consensus.resolve();
        ArrayNode rejected = JsonNodeFactory.instance.arrayNode();
        outcome.rejected().forEach(rejected::add);
        String why = ", \"rejected\": " + CanonicalJson.encode(rejected) + "}";
        // keys in sorted order, as everywhere: chain < message < new_chain < rejected
        if (outcome.replaced()) {
            bodies.write(response, "{\"message\": \"Our chain was replaced\", \"new_chain\": [", outcome.chain(), "]" + why,
                    true);
        } else {
            bodies.write(response, "{\"chain\": [", outcome.chain(), "], \"message\": \"Our chain is authoritative\"" + why,
                    true);
        }
    }

    @Operation(summary = "A block a peer announces")
    @JsonPost("/blocks")
    ResponseEntity<String> announced(@RequestBody AnnouncedBlock block, HttpServletRequest request,
            @Parameter(description = "the announcing node's HTTP port, so that a block it sent is not announced back to it")
            @RequestHeader(name = PeerOrigin.PORT_HEADER, required = false) String port) {
        Optional<String> sender = origin.of(request.getRemoteAddr(), port);
        return switch (intake.receive(block.json(), sender)) {
            case BlockIntake.Outcome.NoIndex none -> throw ApiException.badRequest("A block needs an integer index");
            case BlockIntake.Outcome.Invalid invalid -> throw ApiException.badRequest("Invalid block: " + invalid.reason());
            case BlockIntake.Outcome.AlreadyHave known ->
                    JsonResponses.message(HttpStatus.OK, "Block " + known.index() + " is already known");
            case BlockIntake.Outcome.Rival rival -> JsonResponses.message(HttpStatus.CONFLICT, "Block " + rival.index()
                    + " differs from ours and does not make a longer chain; keeping ours (longest valid chain wins)");
            case BlockIntake.Outcome.Resolving gap -> JsonResponses.message(HttpStatus.ACCEPTED, "Block " + gap.index()
                    + " does not follow our last block " + gap.ourTip() + ": resolving with our peers");
            case BlockIntake.Outcome.Stale stale -> JsonResponses.message(HttpStatus.CONFLICT,
                    "Block " + stale.index() + " arrived after another block " + stale.index());
            case BlockIntake.Outcome.Appended appended ->
                    JsonResponses.message(HttpStatus.CREATED, "Block " + appended.index() + " accepted");
        };
    }
}
