package com.mizani.command.transfer;

import com.mizani.command.fx.FxQuotes;
import com.mizani.command.support.IdempotentCreation;
import com.mizani.command.support.WalletLegs;
import com.mizani.command.wallet.WalletChecks;
import com.mizani.command.wallet.WalletLocks;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.fx.ConsumeFxQuoteCommand;
import com.mizani.kernel.fx.FxLeg;
import com.mizani.kernel.fx.FxTerms;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.ledger.SystemAccounts;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.transfer.CreateNewTransferCommand;
import com.mizani.kernel.transfer.RequestTransferCommand;
import com.mizani.kernel.transfer.TransferCompletedEvent;
import com.mizani.kernel.transfer.TransferConvertedEvent;
import com.mizani.kernel.transfer.TransferFailedEvent;
import com.mizani.kernel.transfer.TransferOutcome;
import com.mizani.kernel.transfer.TransferRejectedEvent;
import com.mizani.kernel.transfer.TransferRequestedEvent;
import com.mizani.kernel.transfer.TransferStatus;
import com.mizani.kernel.wallet.CaptureReservationCommand.Capture;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One transfer between two wallets: debit the source into transit, credit the destination out of transit, and refund
 * the source if the destination refuses. A transfer on an FX quote converts instead ({@link #convert}). Its id is derived from the client's idempotency key, so it is also the
 * idempotency record: a repeated request finds it and gets its outcome instead of moving money again. The wallet
 * commands are dispatched inside this command's unit of work, so the transfer and both legs are stored in one
 * transaction: a crash can never leave money in transit.
 */
@Aggregate
public class Transfer {

    @AggregateIdentifier
    private UUID transferId;
    private UUID sourceWalletId;
    private UUID destinationWalletId;
    private Money amount;
    private String requestHash;
    private TransferStatus status;
    private ErrorCode failureCode;
    private String failureReason;
    private Instant requestedAt;
    private Instant finishedAt;
    private UUID fxQuoteId;
    private FxTerms fx;

    protected Transfer() {
        // Required by Axon to rebuild the transfer from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    TransferOutcome handle(RequestTransferCommand command, WalletLocks locks, WalletLegs wallets, WalletChecks checks,
                           FxQuotes quotes) {
        if (transferId != null) {
            IdempotentCreation.requireSamePayload(requestHash, command.requestHash(), "transfer");
            return outcome();
        }
        apply(new TransferRequestedEvent(command.transferId(), command.sourceWalletId(),
                command.destinationWalletId(), command.amount(), command.requestHash(), command.fxQuoteId()));
        locks.lockInIdOrder(List.of(sourceWalletId, destinationWalletId));
        if (fxQuoteId != null) {
            convert(command.principal(), wallets, checks, quotes);
            return outcome();
        }

        String transit = SystemAccounts.transit(amount.currency());
        Optional<MizaniException> debitRefused = wallets.debit(sourceWalletId, transferId, amount,
                PostingKind.TRANSFER_OUT, transit);
        if (debitRefused.isPresent()) {
            apply(new TransferRejectedEvent(transferId, debitRefused.get().code(), debitRefused.get().getMessage()));
            return outcome();
        }
        Optional<MizaniException> creditRefused = wallets.credit(destinationWalletId, transferId, amount,
                PostingKind.TRANSFER_IN, transit);
        if (creditRefused.isPresent()) {
            wallets.refund(sourceWalletId, transferId, amount, transit);
            apply(new TransferFailedEvent(transferId, creditRefused.get().code(), creditRefused.get().getMessage()));
            return outcome();
        }
        apply(new TransferCompletedEvent(transferId));
        return outcome();
    }

    /** A transfer its sender knows to be new: created at once, with no look for an earlier one (see the command). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    TransferOutcome handle(CreateNewTransferCommand command, WalletLocks locks, WalletLegs wallets, WalletChecks checks,
                           FxQuotes quotes) {
        return handle(command.transfer(), locks, wallets, checks, quotes);
    }

    /**
     * A cross-currency transfer on its quote, in an order that spends the quote only when the money can move: the
     * source amount is reserved (insufficient funds leave the quote unused), the destination is asked whether it takes
     * the quote's currency now, and only then is the quote consumed. The destination is credited out of the
     * destination currency's FX liquidity, and the reservation is captured in two legs: the converted amount to the
     * source currency's liquidity and the fee to FX revenue. Every posting records the quote and its rate. It all
     * happens in this unit of work, so in one transaction.
     */
    private void convert(String principal, WalletLegs wallets, WalletChecks checks, FxQuotes quotes) {
        Optional<MizaniException> reserveRefused = wallets.reserve(sourceWalletId, transferId, amount);
        if (reserveRefused.isPresent()) {
            reject(reserveRefused.get());
            return;
        }
        Optional<CurrencyCode> destinationCurrency = checks.currencyOf(destinationWalletId);
        Optional<MizaniException> destinationRefused = destinationCurrency.isEmpty()
                ? Optional.of(new MizaniException(ErrorCode.WALLET_NOT_FOUND, "wallet " + destinationWalletId + " does not exist"))
                : checks.refusalOfCredit(destinationWalletId, Money.of(1, destinationCurrency.get()));
        if (destinationRefused.isPresent()) {
            wallets.release(sourceWalletId, transferId);
            reject(destinationRefused.get());
            return;
        }
        FxQuotes.Consumption quote = quotes.consume(new ConsumeFxQuoteCommand(fxQuoteId, transferId, principal, amount,
                destinationCurrency.get()));
        if (quote.refusal() != null) {
            wallets.release(sourceWalletId, transferId);
            reject(quote.refusal());
            return;
        }
        FxTerms terms = quote.quote().terms();
        apply(new TransferConvertedEvent(transferId, fxQuoteId, terms, quote.quote().issuedAt(),
                quote.quote().rateAsOf(), quote.quote().rateSource()));
        FxLeg leg = new FxLeg(fxQuoteId, terms.rate());
        Optional<MizaniException> creditRefused = wallets.credit(destinationWalletId, transferId, terms.destination(),
                PostingKind.FX, SystemAccounts.fxLiquidity(terms.destination().currency()), leg);
        if (creditRefused.isPresent()) {
            // Only a limit the destination reached since it was asked (its largest balance): the quote stays used.
            wallets.release(sourceWalletId, transferId);
            apply(new TransferFailedEvent(transferId, creditRefused.get().code(), creditRefused.get().getMessage()));
            return;
        }
        List<Capture> legs = new ArrayList<>();
        legs.add(new Capture(terms.converted(), PostingKind.FX, SystemAccounts.fxLiquidity(amount.currency()), leg));
        if (terms.fee().amountMinor() > 0) {
            legs.add(new Capture(terms.fee(), PostingKind.FEE, SystemAccounts.fxRevenue(amount.currency()), leg));
        }
        wallets.capture(sourceWalletId, transferId, legs);
        apply(new TransferCompletedEvent(transferId));
    }

    private void reject(MizaniException refusal) {
        apply(new TransferRejectedEvent(transferId, refusal.code(), refusal.getMessage()));
    }

    private TransferOutcome outcome() {
        return new TransferOutcome(transferId, sourceWalletId, destinationWalletId, amount, status, failureCode,
                failureReason, requestedAt, finishedAt, fxQuoteId, fx);
    }

    @EventSourcingHandler
    void on(TransferRequestedEvent event, @Timestamp Instant at) {
        transferId = event.transferId();
        sourceWalletId = event.sourceWalletId();
        destinationWalletId = event.destinationWalletId();
        amount = event.amount();
        requestHash = event.requestHash();
        fxQuoteId = event.fxQuoteId();
        status = TransferStatus.REQUESTED;
        requestedAt = at;
    }

    @EventSourcingHandler
    void on(TransferConvertedEvent event) {
        fx = event.terms();
    }

    @EventSourcingHandler
    void on(TransferRejectedEvent event, @Timestamp Instant at) {
        status = TransferStatus.REJECTED;
        failureCode = event.code();
        failureReason = event.reason();
        finishedAt = at;
    }

    @EventSourcingHandler
    void on(TransferFailedEvent event, @Timestamp Instant at) {
        status = TransferStatus.FAILED;
        failureCode = event.code();
        failureReason = event.reason();
        finishedAt = at;
    }

    @EventSourcingHandler
    void on(TransferCompletedEvent event, @Timestamp Instant at) {
        status = TransferStatus.COMPLETED;
        finishedAt = at;
    }
}
