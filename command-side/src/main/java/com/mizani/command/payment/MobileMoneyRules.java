package com.mizani.command.payment;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;

/** What M-Pesa accepts: Kenyan shillings, in whole shillings. Checked before anything is recorded. */
public final class MobileMoneyRules {

    private MobileMoneyRules() {
    }

    public static void requirePayable(Money amount) {
        if (amount.currency() != CurrencyCode.KES) {
            throw new MizaniException(ErrorCode.CURRENCY_NOT_SUPPORTED,
                    "M-Pesa moves KES only, not " + amount.currency());
        }
        if (!amount.isWholeMajorUnits()) {
            throw new MizaniException(ErrorCode.INVALID_AMOUNT, "M-Pesa moves whole shillings only");
        }
    }
}
