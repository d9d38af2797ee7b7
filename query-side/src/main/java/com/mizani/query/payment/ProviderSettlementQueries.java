package com.mizani.query.payment;

import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.query.ledger.LedgerEntryRepository;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the read side knows about money owed between us and a provider, for reconciliation. */
@Component
public class ProviderSettlementQueries {

    /** A payment in these has no outcome yet: money may be moving at the provider but not in our ledger. */
    private static final EnumSet<PaymentStatus> OPEN = EnumSet.of(PaymentStatus.REQUESTED, PaymentStatus.RESERVED,
            PaymentStatus.SUBMITTED, PaymentStatus.AMBIGUOUS);

    private final PaymentViewRepository payments;
    private final LedgerEntryRepository entries;

    public ProviderSettlementQueries(PaymentViewRepository payments, LedgerEntryRepository entries) {
        this.payments = payments;
        this.entries = entries;
    }

    /**
     * The account's balance as credits minus debits: a settlement account is credited when a payout leaves a wallet
     * and debited when a deposit enters one, so this is what the provider paid out for us minus what it received.
     */
    public long balanceMinor(String account) {
        return entries.accountBalanceMinor(account);
    }

    /** Provider payments whose outcome is not known yet. */
    public long openProviderPayments() {
        return payments.countThroughProvider(OPEN);
    }

    /** A page of every payout through a provider, in payment id order after {@code after} (null: the first page). */
    public List<PayoutStanding> payoutsAfter(UUID after, int limit, String settlementAccount) {
        List<PaymentViewRepository.PayoutStatus> page = payments.payoutsThroughProviderAfter(after, limit);
        Map<UUID, Long> moved = entries.accountMovementByTransaction(settlementAccount,
                page.stream().map(PaymentViewRepository.PayoutStatus::paymentId).toList());
        return page.stream().map(payout -> new PayoutStanding(payout.paymentId(), payout.status(),
                moved.getOrDefault(payout.paymentId(), 0L))).toList();
    }

    /**
     * A page of every deposit through a provider, in payment id order after {@code after}, with what
     * {@code settlementAccount} took in for each: a deposit's credit debits it, so that is its debits minus credits.
     */
    public List<DepositStanding> depositsAfter(UUID after, int limit, String settlementAccount) {
        List<PaymentViewRepository.DepositReference> page = payments.depositsThroughProviderAfter(after, limit);
        Map<UUID, Long> moved = entries.accountMovementByTransaction(settlementAccount,
                page.stream().map(PaymentViewRepository.DepositReference::paymentId).toList());
        return page.stream().map(deposit -> new DepositStanding(deposit.paymentId(), deposit.status(),
                deposit.reference(), -moved.getOrDefault(deposit.paymentId(), 0L))).toList();
    }

    /** Provider payments waiting for an operator; their money is at the provider but not (yet) in our ledger. */
    public long paymentsInReview() {
        return payments.countThroughProvider(EnumSet.of(PaymentStatus.MANUAL_REVIEW));
    }
}
