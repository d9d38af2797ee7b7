package com.mizani.command.payment;

import com.mizani.command.support.RecordingWalletStub;
import com.mizani.command.support.StubWalletChecks;
import com.mizani.command.support.WalletLegs;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/**
 * A fixture of the Payment aggregate with what its handlers are given: a settle window, the wallet legs, which go out
 * on the fixture's own command bus where a recording stub answers them, and wallet checks a test can script.
 */
record PaymentFixture(FixtureConfiguration<Payment> fixture, RecordingWalletStub wallets,
                      StubWalletChecks walletChecks) {

    static PaymentFixture with(SettleWindow settleWindow) {
        FixtureConfiguration<Payment> fixture = new AggregateTestFixture<>(Payment.class);
        fixture.registerInjectableResource(settleWindow);
        RecordingWalletStub wallets = RecordingWalletStub.subscribedTo(fixture.getCommandBus());
        fixture.registerInjectableResource(
                new WalletLegs(DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build()));
        StubWalletChecks walletChecks = new StubWalletChecks();
        fixture.registerInjectableResource(walletChecks);
        return new PaymentFixture(fixture, wallets, walletChecks);
    }
}
