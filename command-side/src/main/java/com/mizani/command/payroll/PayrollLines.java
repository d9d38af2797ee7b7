package com.mizani.command.payroll;

import com.mizani.command.payment.MobileMoneyRules;
import com.mizani.command.support.RequestFields;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payroll.PayrollItem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Checks every line of a job before anything is accepted, and collects every error rather than stopping at the
 * first, so that one answer says all that must be fixed. Each field is checked by the rules of the single endpoints
 * (amounts as a transfer's, numbers as a withdrawal's), and each line's error carries that rule's code.
 */
final class PayrollLines {

    private PayrollLines() {
    }

    /** The job's items, all in one currency; PayrollJobInvalid when any line is wrong. */
    static List<PayrollItem> checked(List<PayrollLine> lines, UUID sourceWalletId, long maxAmountMinor) {
        List<PayrollJobInvalid.LineError> errors = new ArrayList<>();
        List<PayrollItem> items = new ArrayList<>(lines.size());
        Set<String> references = new HashSet<>();
        CurrencyCode jobCurrency = null;
        for (PayrollLine line : lines) {
            int before = errors.size();
            String reference = reference(line, references, errors);
            Money amount = amount(line, maxAmountMinor, errors);
            if (amount != null && jobCurrency == null) {
                jobCurrency = amount.currency();
            } else if (amount != null && amount.currency() != jobCurrency) {
                errors.add(new PayrollJobInvalid.LineError(line.line(), "currency", ErrorCode.CURRENCY_MISMATCH));
            }
            UUID walletId = null;
            Msisdn msisdn = null;
            boolean hasWallet = present(line.walletId());
            boolean hasMsisdn = present(line.msisdn());
            if (hasWallet == hasMsisdn) {
                errors.add(new PayrollJobInvalid.LineError(line.line(), "walletId", ErrorCode.VALIDATION_FAILED));
            } else if (hasWallet) {
                walletId = walletId(line, sourceWalletId, errors);
            } else {
                msisdn = msisdn(line, amount, errors);
            }
            if (errors.size() == before) {
                items.add(new PayrollItem(reference, amount, walletId, msisdn));
            }
        }
        if (!errors.isEmpty()) {
            throw new PayrollJobInvalid(errors);
        }
        return items;
    }

    private static String reference(PayrollLine line, Set<String> seen, List<PayrollJobInvalid.LineError> errors) {
        String reference = line.reference();
        if (!present(reference) || reference.length() > PayrollItem.MAX_REFERENCE_LENGTH
                || !reference.chars().allMatch(c -> c >= 0x20 && c != 0x7F)) {
            errors.add(new PayrollJobInvalid.LineError(line.line(), "reference", ErrorCode.VALIDATION_FAILED));
            return null;
        }
        if (!seen.add(reference)) {
            errors.add(new PayrollJobInvalid.LineError(line.line(), "reference", ErrorCode.DUPLICATE_PAYROLL_REFERENCE));
        }
        return reference;
    }

    private static Money amount(PayrollLine line, long maxAmountMinor, List<PayrollJobInvalid.LineError> errors) {
        try {
            CurrencyCode.parse(line.currency());
        } catch (MizaniException invalid) {
            errors.add(new PayrollJobInvalid.LineError(line.line(), "currency", invalid.code()));
            return null;
        }
        try {
            return RequestFields.amount(line.amount(), line.currency(), maxAmountMinor);
        } catch (MizaniException invalid) {
            errors.add(new PayrollJobInvalid.LineError(line.line(), "amount", invalid.code()));
            return null;
        }
    }

    private static UUID walletId(PayrollLine line, UUID sourceWalletId, List<PayrollJobInvalid.LineError> errors) {
        UUID walletId;
        try {
            walletId = RequestFields.uuid("walletId", line.walletId());
        } catch (MizaniException invalid) {
            errors.add(new PayrollJobInvalid.LineError(line.line(), "walletId", invalid.code()));
            return null;
        }
        if (walletId.equals(sourceWalletId)) {
            errors.add(new PayrollJobInvalid.LineError(line.line(), "walletId", ErrorCode.SAME_WALLET));
        }
        return walletId;
    }

    /** Checked as a payout's number and amount are: whole shillings only, which M-Pesa moves. */
    private static Msisdn msisdn(PayrollLine line, Money amount, List<PayrollJobInvalid.LineError> errors) {
        Msisdn msisdn;
        try {
            msisdn = Msisdn.parse(line.msisdn());
        } catch (MizaniException invalid) {
            errors.add(new PayrollJobInvalid.LineError(line.line(), "msisdn", invalid.code()));
            return null;
        }
        if (amount == null) {
            return msisdn;
        }
        try {
            MobileMoneyRules.requirePayable(amount);
        } catch (MizaniException unpayable) {
            String field = unpayable.code() == ErrorCode.CURRENCY_NOT_SUPPORTED ? "currency" : "amount";
            errors.add(new PayrollJobInvalid.LineError(line.line(), field, unpayable.code()));
            return null;
        }
        return msisdn;
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
