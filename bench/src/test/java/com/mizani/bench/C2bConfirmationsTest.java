package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.providersim.CallbackSignature;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class C2bConfirmationsTest {

    private final Ledger ledger = new Ledger(List.of("wallet-a", "wallet-b"));
    private final C2bConfirmations confirmations = new C2bConfirmations(ledger);

    @Test
    void newConfirmationsAreSignedDarajaBodiesWithUniqueTransIdsAndAreRecordedBeforeTheyAreSent() throws Exception {
        Random random = new Random(1);
        Set<String> transIds = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            C2bConfirmations.Confirmation confirmation = confirmations.next(random);
            JsonNode body = new ObjectMapper().readTree(confirmation.body());

            assertThat(confirmation.repeat()).isFalse();
            assertThat(confirmation.transId()).matches("[A-Z0-9]{10}");
            assertThat(transIds.add(confirmation.transId())).isTrue();
            assertThat(body.path("TransID").asText()).isEqualTo(confirmation.transId());
            assertThat(body.path("TransAmount").asText()).isEqualTo("1");
            assertThat(body.path("BillRefNumber").asText()).isIn("wallet-a", "wallet-b");
            assertThat(body.path("TransTime").asText()).matches("\\d{14}");
            assertThat(CallbackSignature.verify(Provider.CALLBACK_SECRET, confirmation.body(), confirmation.signature())).isTrue();
            assertThat(ledger.confirmations().get(confirmation.transId()).walletId()).isEqualTo(body.path("BillRefNumber").asText());
        }
        assertThat(ledger.confirmedMinor()).isEqualTo(100 * C2bConfirmations.AMOUNT_MINOR);
    }

    @Test
    void aboutOneInFiveIsAByteForByteRepeatOfAnAnsweredOneAndRepeatsAreNotNewMoney() {
        Random random = new Random(2);
        C2bConfirmations.Confirmation first = confirmations.next(random);
        confirmations.answered(first);
        int repeats = 0;
        for (int i = 0; i < 10_000; i++) {
            C2bConfirmations.Confirmation next = confirmations.next(random);
            if (next.repeat()) {
                repeats++;
                assertThat(next.body()).isEqualTo(first.body());
                assertThat(next.signature()).isEqualTo(first.signature());
            }
        }

        assertThat(repeats).isBetween(1_800, 2_200);
        assertThat(ledger.confirmations()).hasSize(1 + 10_000 - repeats);
    }

    @Test
    void transIdsAreTenUpperCaseCharacters() {
        assertThat(C2bConfirmations.transId(1)).isEqualTo("BN00000001");
        assertThat(C2bConfirmations.transId(36)).isEqualTo("BN00000010");
    }
}
