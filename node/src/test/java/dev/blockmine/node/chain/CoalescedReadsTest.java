package dev.blockmine.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CoalescedReadsTest {

    private final CoalescedReads reads = new CoalescedReads();

    @Test
    void callersThatArriveDuringAReadShareTheNextOne() throws Exception {
        CountDownLatch inFirstRead = new CountDownLatch(1);
        CountDownLatch finishFirstRead = new CountDownLatch(1);
        AtomicInteger count = new AtomicInteger();
        Thread first = Thread.ofPlatform().start(() -> reads.run(() -> {
            count.incrementAndGet();
            inFirstRead.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> finishFirstRead.getCount() == 0);
        }));
        inFirstRead.await();
        List<Thread> waiting = new ArrayList<>();
        for (int i = 0; i < 10; i++) { // asked after the first read began: it cannot answer them
            waiting.add(Thread.ofPlatform().start(() -> reads.run(count::incrementAndGet)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting.stream().allMatch(t -> t.getState() == Thread.State.WAITING));

        finishFirstRead.countDown();
        first.join();
        for (Thread thread : waiting) {
            thread.join();
        }

        assertThat(count).as("the first read, and one for the ten that waited").hasValue(2);
    }

    @Test
    void aFailedReadIsNotTakenForASuccessfulOne() {
        assertThatThrownBy(() -> reads.run(() -> {
            throw new IllegalStateException("database away");
        })).hasMessage("database away");
        AtomicInteger count = new AtomicInteger();

        reads.run(count::incrementAndGet);

        assertThat(count).hasValue(1);
    }
}
