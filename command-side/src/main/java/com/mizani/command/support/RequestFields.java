package com.mizani.command.support;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;

import java.util.UUID;
import java.util.regex.Pattern;

/** Turns the loose strings of a request body into checked values, refusing bad ones with a precise code. */
public final class RequestFields {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RequestFields() {
    }

    public static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, field + " is required");
        }
        if (!UUID_TEXT.matcher(value).matches()) {
            throw new MizaniException(ErrorCode.INVALID_ID, field + " must be a UUID");
        }
        return UUID.fromString(value);
    }

    public static Money amount(String value, String currency, long maxAmountMinor) {
        Money money = Money.parsePositive(value, CurrencyCode.parse(currency));
        if (money.amountMinor() > maxAmountMinor) {
            throw new MizaniException(ErrorCode.AMOUNT_OUT_OF_RANGE, "amount may be at most "
                    + Money.format(maxAmountMinor, money.currency()) + " " + money.currency());
        }
        return money;
    }
}
