package com.mizani.query.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PiiMaskingTest {

    @Test
    void aPhoneNumberKeepsItsPrefixAndLastThreeDigitsLikeMsisdnMasked() {
        assertThat(PiiMasking.phoneNumber("254708374149")).isEqualTo("2547*****149");
        assertThat(PiiMasking.phoneNumber("0712345678")).isEqualTo("0712***678");
    }

    @Test
    void aShortNumberIsHiddenEntirely() {
        assertThat(PiiMasking.phoneNumber("12345")).isEqualTo("*****");
    }

    @Test
    void aNameKeepsOnlyItsInitials() {
        assertThat(PiiMasking.name("  Jane Wanjiru   Doe ")).isEqualTo("J*** W*** D***");
    }

    @Test
    void personalFieldsAreMaskedByWhatTheyHold() {
        assertThat(PiiMasking.field("payer", "254708374149")).isEqualTo("2547*****149");
        assertThat(PiiMasking.field("payer", "Jane Doe")).isEqualTo("J*** D***");
        assertThat(PiiMasking.field("msisdn", "+254708374149")).isEqualTo("+254******149");
    }

    @Test
    void freeTextKeepsItsWordsButNotThePhoneNumbersInIt() {
        assertThat(PiiMasking.field("description", "Paid 254708374149 - Jane, receipt QKX12, 1500.00 KES"))
                .isEqualTo("Paid 2547*****149 - Jane, receipt QKX12, 1500.00 KES");
    }

    @Test
    void idsAndOtherFieldsStayReadable() {
        String paymentId = "4f0c3a8e-2b6d-4c1e-9a7f-254708374149";
        assertThat(PiiMasking.field("paymentId", paymentId)).isEqualTo(paymentId);
        assertThat(PiiMasking.field("reason", "refund of " + paymentId)).isEqualTo("refund of " + paymentId);
        assertThat(PiiMasking.field("operator", "ops.jane")).isEqualTo("ops.jane");
        assertThat(PiiMasking.field("msisdn", null)).isNull();
    }
}
