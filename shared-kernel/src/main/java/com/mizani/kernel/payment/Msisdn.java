package com.mizani.kernel.payment;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import java.util.UUID;
import java.util.regex.Pattern;

/** A mobile number in the provider's international form (2547XXXXXXXX). Its {@code toString} is masked, so a number never reaches a log by accident. */
public record Msisdn(String value) {

    private static final Pattern KENYAN = Pattern.compile("254[17]\\d{8}");

    public Msisdn {
        if (value == null || !KENYAN.matcher(value).matches()) {
            throw new MizaniException(ErrorCode.INVALID_MSISDN,
                    "msisdn must be a Kenyan mobile number in international form, like 254708374149");
        }
    }

    /** Accepts an optional leading '+'. */
    public static Msisdn parse(String text) {
        if (text == null) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "msisdn is required");
        }
        String trimmed = text.strip();
        return new Msisdn(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed);
    }

    /** The number as views and logs may show it: the middle digits hidden. */
    public String masked() {
        return value.substring(0, 4) + "*****" + value.substring(9);
    }

    @Override
    public String toString() {
        return masked();
    }
}
