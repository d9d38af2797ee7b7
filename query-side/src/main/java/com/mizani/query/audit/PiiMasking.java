package com.mizani.query.audit;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides personal data in audit views: phone numbers keep the country and network prefix and the last three digits
 * (enough to tell two numbers apart in an investigation, not enough to call anyone), names keep their initials.
 * Ids, amounts, operator names and source addresses stay readable: auditors need them, and they identify no customer.
 */
public final class PiiMasking {

    /** Payload fields that hold a customer's number or name, whatever their type. */
    private static final Set<String> PERSONAL_FIELDS = Set.of("msisdn", "payer", "phoneNumber", "partyA", "partyB",
            "firstName", "middleName", "lastName", "name", "customerName");

    /**
     * Free text from providers, refusals and decisions that may quote a customer's number (an incident's history
     * lines, an approver's note).
     */
    private static final Set<String> FREE_TEXT_FIELDS = Set.of("reason", "description", "detail", "note");

    private static final Pattern PHONE_NUMBER_IN_TEXT = Pattern.compile("(?<![\\d-])\\+?\\d{9,15}(?![\\d-])");
    private static final Pattern DIGITS = Pattern.compile("\\+?\\d+");

    private PiiMasking() {
    }

    /** The value of payload field {@code field} as audit views may show it. */
    public static String field(String field, String value) {
        if (value == null) {
            return null;
        }
        if (PERSONAL_FIELDS.contains(field)) {
            return DIGITS.matcher(value).matches() ? phoneNumber(value) : name(value);
        }
        if (FREE_TEXT_FIELDS.contains(field)) {
            return phoneNumbersIn(value);
        }
        return value;
    }

    /** {@code 254708374149} → {@code 2547*****149}, the shape {@code Msisdn.masked()} shows; short ones entirely. */
    public static String phoneNumber(String number) {
        if (number.length() < 10) {
            return "*".repeat(number.length());
        }
        return number.substring(0, 4) + "*".repeat(number.length() - 7) + number.substring(number.length() - 3);
    }

    /** {@code Jane Wanjiru Doe} → {@code J*** W*** D***}: the initials only, and never the length of a name. */
    public static String name(String name) {
        StringBuilder masked = new StringBuilder();
        for (String part : name.strip().split("\\s+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!masked.isEmpty()) {
                masked.append(' ');
            }
            masked.append(part.charAt(0)).append("***");
        }
        return masked.toString();
    }

    /** Masks every run of 9 to 15 digits (a phone number in any form) inside a sentence; the rest stays. */
    public static String phoneNumbersIn(String text) {
        Matcher numbers = PHONE_NUMBER_IN_TEXT.matcher(text);
        return numbers.replaceAll(found -> Matcher.quoteReplacement(phoneNumber(found.group())));
    }
}
