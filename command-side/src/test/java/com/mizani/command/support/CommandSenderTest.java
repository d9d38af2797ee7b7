package com.mizani.command.support;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The slots of commands, on a real Axon command bus whose handlers stand in for commands waiting on a busy wallet. */
class CommandSenderTest {

    private record WaitForTheWallet() {
    }

    private record Interactive() {
    }

    private final CountDownLatch walletFree = new CountDownLatch(1);
    private final AtomicInteger waitingInHandler = new AtomicInteger();
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void freeTheWallet() {
        walletFree.countDown();
        callers.shutdownNow();
    }

    @Test
    void callbacksWaitingForABusyWalletLeaveTheOtherSlotsToInteractiveRequests() throws Exception {
        CommandSender sender = sender(3, 2);
        for (int i = 0; i < 5; i++) {
            callers.submit(() -> sender.sendCallback(new WaitForTheWallet()));
        }
        awaitWaiting(2);

        CompletableFuture<Object> interactive = CompletableFuture.supplyAsync(() -> sender.send(new Interactive()), callers);

        assertThat(interactive.get(10, TimeUnit.SECONDS)).isEqualTo("answered");
        assertThat(waitingInHandler).as("callbacks executing at once").hasValue(2);
    }

    @Test
    void interactiveRequestsShareTheSlotsTheCallbacksLeave() throws Exception {
        CommandSender sender = sender(3, 2);
        for (int i = 0; i < 4; i++) {
            callers.submit(() -> sender.send(new WaitForTheWallet()));
        }
        awaitWaiting(3);

        CompletableFuture<Object> interactive = CompletableFuture.supplyAsync(() -> sender.send(new Interactive()), callers);

        assertThat(waitingInHandler).as("commands executing at once").hasValue(3);
        assertThat(interactive).as("no slot is left").isNotDone();
        walletFree.countDown();
        assertThat(interactive.get(10, TimeUnit.SECONDS)).isEqualTo("answered");
    }

    private CommandSender sender(int maxConcurrentCommands, int maxConcurrentCallbackCommands) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(WaitForTheWallet.class.getName(), command -> {
            waitingInHandler.incrementAndGet();
            walletFree.await();
            return "done";
        });
        bus.subscribe(Interactive.class.getName(), command -> "answered");
        ApiLimits limits = new ApiLimits(10_000_000_000_000L, 2000, 5, maxConcurrentCommands, 1000, 30_000, 32, 64, 0,
                4, maxConcurrentCallbackCommands, 64, 2);
        return new CommandSender(DefaultCommandGateway.builder().commandBus(bus).build(), limits,
                new SimpleMeterRegistry());
    }

    private void awaitWaiting(int commands) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (waitingInHandler.get() < commands && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        assertThat(waitingInHandler).hasValue(commands);
    }
}
