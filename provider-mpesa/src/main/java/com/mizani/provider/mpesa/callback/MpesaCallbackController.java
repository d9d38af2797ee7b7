package com.mizani.provider.mpesa.callback;

import com.mizani.command.support.CommandSender;
import com.mizani.kernel.idempotency.IdempotencyKeys;
import com.mizani.kernel.payment.ApplyProviderResultCommand;
import com.mizani.kernel.payment.RecordC2bConfirmationCommand;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/**
 * The provider's callbacks. Each is admitted by {@link CallbackGuard} (source address, then HMAC of the raw bytes)
 * before it is parsed, then handed to the payment it names, which decides what it means. Every admitted callback
 * that names a known payment is answered 200, duplicates and late ones included, so the provider stops retrying;
 * what it changed (often nothing) is in the payment's events.
 */
@RestController
@RequestMapping(path = MpesaCallbackController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
public class MpesaCallbackController {

    public static final String BASE = "/api/v1/providers/mpesa";
    public static final String B2C_RESULT = "/b2c/result";
    public static final String B2C_TIMEOUT = "/b2c/timeout";
    public static final String STATUS_RESULT = "/status/result";
    public static final String STATUS_TIMEOUT = "/status/timeout";
    public static final String STK_CALLBACK = "/stk/";
    public static final String C2B_CONFIRMATION = "/c2b/confirmation";
    public static final String C2B_VALIDATION = "/c2b/validation";

    private static final Map<String, Object> ACCEPTED = Map.of("ResultCode", 0, "ResultDesc", "Accepted");

    private final CallbackGuard guard;
    private final CommandSender commands;

    public MpesaCallbackController(CallbackGuard guard, CommandSender commands) {
        this.guard = guard;
        this.commands = commands;
    }

    @PostMapping(B2C_RESULT)
    public Map<String, Object> b2cResult(@RequestBody byte[] body, HttpServletRequest request,
                                        @RequestHeader(name = CallbackGuard.SIGNATURE_HEADER, required = false) String signature) {
        guard.admit(B2C_RESULT, request.getRemoteAddr(), body, signature);
        return apply(DarajaMessages.b2cResult(body));
    }

    @PostMapping(B2C_TIMEOUT)
    public Map<String, Object> b2cTimeout(@RequestBody byte[] body, HttpServletRequest request,
                                         @RequestHeader(name = CallbackGuard.SIGNATURE_HEADER, required = false) String signature) {
        guard.admit(B2C_TIMEOUT, request.getRemoteAddr(), body, signature);
        return apply(DarajaMessages.b2cQueueTimeout(body));
    }

    @PostMapping(STATUS_RESULT)
    public Map<String, Object> statusResult(@RequestBody byte[] body, HttpServletRequest request,
                                           @RequestHeader(name = CallbackGuard.SIGNATURE_HEADER, required = false) String signature) {
        guard.admit(STATUS_RESULT, request.getRemoteAddr(), body, signature);
        return apply(DarajaMessages.statusResult(body));
    }

    /** A status query that timed out in the provider's queue decides nothing; the saga asks again. */
    @PostMapping(STATUS_TIMEOUT)
    public Map<String, Object> statusTimeout(@RequestBody byte[] body, HttpServletRequest request,
                                            @RequestHeader(name = CallbackGuard.SIGNATURE_HEADER, required = false) String signature) {
        guard.admit(STATUS_TIMEOUT, request.getRemoteAddr(), body, signature);
        return apply(DarajaMessages.b2cQueueTimeout(body));
    }

    /** Our callback URL for a push names the payment, because the STK callback body carries only the provider's ids. */
    @PostMapping(STK_CALLBACK + "{paymentId}")
    public Map<String, Object> stkCallback(@PathVariable UUID paymentId, @RequestBody byte[] body,
                                          HttpServletRequest request,
                                          @RequestHeader(name = CallbackGuard.SIGNATURE_HEADER, required = false) String signature) {
        guard.admit(STK_CALLBACK, request.getRemoteAddr(), body, signature);
        commands.send(new ApplyProviderResultCommand(paymentId, DarajaMessages.stkCallback(body)));
        return ACCEPTED;
    }

    /** Keyed by TransID: a replayed confirmation finds the payment the first one created. */
    @PostMapping(C2B_CONFIRMATION)
    public Map<String, Object> c2bConfirmation(@RequestBody byte[] body, HttpServletRequest request,
                                              @RequestHeader(name = CallbackGuard.SIGNATURE_HEADER, required = false) String signature) {
        guard.admit(C2B_CONFIRMATION, request.getRemoteAddr(), body, signature);
        DarajaMessages.C2bConfirmation confirmation = DarajaMessages.c2bConfirmation(body);
        UUID paymentId = IdempotencyKeys.deriveId("mpesa-c2b", "mpesa", confirmation.transId());
        commands.send(new RecordC2bConfirmationCommand(paymentId, confirmation.transId(),
                confirmation.billReference(), confirmation.amount(), confirmation.payer()));
        return ACCEPTED;
    }

    /** Every pay-bill payment is accepted: one naming no wallet is parked for review, never bounced or lost. */
    @PostMapping(C2B_VALIDATION)
    public Map<String, Object> c2bValidation(@RequestBody byte[] body, HttpServletRequest request,
                                            @RequestHeader(name = CallbackGuard.SIGNATURE_HEADER, required = false) String signature) {
        guard.admit(C2B_VALIDATION, request.getRemoteAddr(), body, signature);
        return ACCEPTED;
    }

    private Map<String, Object> apply(DarajaMessages.Addressed addressed) {
        commands.send(new ApplyProviderResultCommand(addressed.paymentId(), addressed.result()));
        return ACCEPTED;
    }
}
