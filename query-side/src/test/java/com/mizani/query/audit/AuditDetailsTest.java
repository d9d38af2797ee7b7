package com.mizani.query.audit;

import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.kernel.payment.ProviderResultIgnoredEvent;
import com.mizani.kernel.payment.WithdrawalRequestedEvent;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AuditDetailsTest {

    private static final UUID PAYMENT = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID WALLET = UUID.fromString("00000000-0000-0000-0000-000000000002");

    @Test
    void aPayloadBecomesItsFieldsWithMoneyAsDecimalsAndTheNumberMasked() {
        Map<String, Object> details = AuditDetails.of(new WithdrawalRequestedEvent(PAYMENT, WALLET,
                Money.of(100000, CurrencyCode.KES), Money.of(1500, CurrencyCode.KES), new Msisdn("254708374149"), "hash"));

        assertThat(details).containsEntry("paymentId", PAYMENT.toString())
                .containsEntry("walletId", WALLET.toString())
                .containsEntry("amount", Map.of("amount", "1000.00", "currency", "KES"))
                .containsEntry("msisdn", "2547*****149");
        assertThat(details.toString()).doesNotContain("254708374149");
    }

    @Test
    void nestedProviderAnswersAreMaskedToo() {
        ProviderResult result = new ProviderResult(Evidence.CALLBACK, ProviderResult.Outcome.PAID, "0",
                "Paid to 254708374149", "QKX12", 100000L, "254708374149", "AG_1");
        Map<String, Object> details = AuditDetails.of(new ProviderResultIgnoredEvent(PAYMENT, result, "already SETTLED"));

        assertThat(details.toString()).doesNotContain("254708374149");
        assertThat(details.get("result")).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) details.get("result");
        assertThat(nested).containsEntry("evidence", "CALLBACK").containsEntry("amountMinor", 100000L)
                .containsEntry("msisdn", "2547*****149").containsEntry("receipt", "QKX12");
    }
}
