package dev.blockmine.node.api;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.NodeProperties.LastBlockShape;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.mining.MinerActivity;

/** Reading the chain. Blocks are served as their block strings: exactly what Python's json.dumps makes of them. */
@RestController
class ChainController {

    private final Chain chain;
    private final MinerActivity activity;
    private final LastBlockShape shape;

    ChainController(Chain chain, MinerActivity activity, NodeProperties properties) {
        this.chain = chain;
        this.activity = activity;
        this.shape = properties.lastBlockShape();
    }

    @GetMapping("/last_block")
    ResponseEntity<String> lastBlock(HttpServletRequest request) {
        activity.seen(request.getRemoteAddr());
        String block = chain.tip().blockString();
        return JsonResponses.raw(HttpStatus.OK, shape == LastBlockShape.BARE ? block : "{\"last_block\": " + block + "}");
    }

    @GetMapping("/chain")
    ResponseEntity<String> fullChain() {
        List<SealedBlock> blocks = chain.blocks();
        String json = blocks.stream().map(SealedBlock::blockString)
                .collect(Collectors.joining(", ", "{\"chain\": [", "], \"length\": " + blocks.size() + "}"));
        return JsonResponses.raw(HttpStatus.OK, json);
    }
}
