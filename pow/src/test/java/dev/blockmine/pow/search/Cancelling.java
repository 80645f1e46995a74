package dev.blockmine.pow.search;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Runs a search that will not succeed, cancels it once it has tried something, and returns what it returned. */
public final class Cancelling {

    private Cancelling() {
    }

    public static OptionalLong onceRunning(Function<SearchControl, OptionalLong> search) throws Exception {
        SearchControl control = new SearchControl();
        CompletableFuture<OptionalLong> running = CompletableFuture.supplyAsync(() -> search.apply(control));
        while (control.tried() == 0) {
            Thread.onSpinWait();
        }
        control.cancel();
        return running.get(10, TimeUnit.SECONDS);
    }
}
