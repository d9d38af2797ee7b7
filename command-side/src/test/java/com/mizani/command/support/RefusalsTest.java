package com.mizani.command.support;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalsTest {

    private static final MizaniException REFUSAL = new MizaniException(ErrorCode.INSUFFICIENT_FUNDS, "not enough");

    @Test
    void findsTheCodeOfARefusalThrownAsIs() {
        assertThat(Refusals.codeOf(REFUSAL)).contains(ErrorCode.INSUFFICIENT_FUNDS);
    }

    @Test
    void findsTheCodeOfARefusalWrappedAsACause() {
        assertThat(Refusals.codeOf(new IllegalStateException("wrapped", REFUSAL))).contains(ErrorCode.INSUFFICIENT_FUNDS);
    }

    @Test
    void findsTheCodeCarriedAsDetailsWhenTheRefusalItselfDidNotTravel() {
        // What a remote command bus delivers: the message and the details, no cause.
        CommandExecutionException remote = new CommandExecutionException("not enough", null, ErrorCode.WALLET_FROZEN);

        assertThat(Refusals.codeOf(remote)).contains(ErrorCode.WALLET_FROZEN);
    }

    @Test
    void ignoresDetailsThatAreNotAnErrorCode() {
        CommandExecutionException other = new CommandExecutionException("boom", null, "some detail");

        assertThat(Refusals.codeOf(other)).isEmpty();
    }

    @Test
    void findsNoCodeInAFault() {
        assertThat(Refusals.codeOf(new IllegalStateException("boom"))).isEmpty();
    }

    @Test
    void messageOfAWrappedRefusalIsTheRefusalsOwnMessage() {
        CommandExecutionException wrapped = new CommandExecutionException("wrapper text", REFUSAL, REFUSAL.code());

        assertThat(Refusals.messageOf(wrapped)).isEqualTo("not enough");
    }

    @Test
    void messageOfAFailureWithoutRefusalIsItsOwnMessage() {
        assertThat(Refusals.messageOf(new CommandExecutionException("remote text", null, ErrorCode.WALLET_FROZEN)))
                .isEqualTo("remote text");
    }
}
