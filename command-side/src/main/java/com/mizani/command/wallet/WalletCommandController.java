package com.mizani.command.wallet;

import com.mizani.command.support.Causes;
import com.mizani.command.support.CommandSender;
import com.mizani.command.support.IdempotentRequest;
import com.mizani.command.support.RequestFields;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.error.Refuses;
import com.mizani.kernel.idempotency.IdempotencyKeys;
import com.mizani.kernel.identity.Caller;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.wallet.CloseWalletCommand;
import com.mizani.kernel.wallet.FreezeWalletCommand;
import com.mizani.kernel.wallet.OpenWalletCommand;
import com.mizani.kernel.wallet.UnfreezeWalletCommand;
import com.mizani.kernel.wallet.WalletState;
import com.mizani.kernel.wallet.WalletView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Opens wallets and changes their status. Status changes are idempotent by nature: freezing twice is one freeze. */
@RestController
@RequestMapping("/api/v1/wallets")
@Tag(name = "Wallets")
public class WalletCommandController {

    private final CommandSender commands;

    public WalletCommandController(CommandSender commands) {
        this.commands = commands;
    }

    public record OpenWalletRequest(
            @Schema(description = "The owner (customer) the wallet belongs to. A customer token may only name its own.",
                    requiredMode = Schema.RequiredMode.REQUIRED) String ownerId,
            @Schema(description = "The one currency the wallet holds, an ISO 4217 code Mizani supports.",
                    requiredMode = Schema.RequiredMode.REQUIRED) String currency) {
    }

    /** With an Idempotency-Key the wallet id is derived from it, so a repeated request returns the same wallet. */
    @Operation(operationId = "openWallet", summary = "Open a wallet",
            description = "Opens an ACTIVE wallet in one currency for an owner, with a zero balance, and answers it "
                    + "with a Location to read it at. A service opens wallets for any owner; a customer only for its "
                    + "own ownerId. Without an Idempotency-Key every request opens a new wallet; with one, a repeat "
                    + "answers the wallet the first request opened, and the same key with another owner or currency "
                    + "is a conflict. The wallet can be used at once; reads of it follow within milliseconds.")
    @ApiResponse(responseCode = "201", description = "The wallet opened (or, for a repeated key, the one opened "
            + "before).", useReturnTypeSchema = true)
    @Refuses({
            ErrorCode.UNKNOWN_CURRENCY, ErrorCode.IDEMPOTENCY_KEY_MISSING, ErrorCode.IDEMPOTENCY_KEY_INVALID,
            ErrorCode.IDEMPOTENCY_KEY_REUSED, ErrorCode.CONCURRENT_MODIFICATION
    })
    @PostMapping
    public ResponseEntity<WalletView> open(@io.swagger.v3.oas.annotations.parameters.RequestBody(
                                                   description = "The owner and the currency of the new wallet.",
                                                   required = true)
                                           @RequestBody OpenWalletRequest request,
                                           @RequestHeader(name = IdempotentRequest.KEY_HEADER, required = false) String key,
                                           Caller caller) {
        UUID ownerId = RequestFields.uuid("ownerId", request.ownerId());
        CurrencyCode currency = CurrencyCode.parse(request.currency());
        UUID walletId = key == null ? UUID.randomUUID() : IdempotentRequest.of(caller, key).idFor("wallet");
        WalletState state = commands.send(new OpenWalletCommand(walletId, ownerId, currency,
                IdempotencyKeys.fingerprint(ownerId, currency)));
        return ResponseEntity.created(URI.create("/api/v1/wallets/" + walletId)).body(WalletView.of(state));
    }

    @Operation(operationId = "freezeWallet", summary = "Freeze a wallet",
            description = "Freezes an ACTIVE wallet: it then refuses deposits, transfers, payouts and adjustments "
                    + "with WALLET_FROZEN, while refunds, payouts it already holds the money for and approved incident "
                    + "corrections still go through. An operator's call. Freezing a frozen wallet changes nothing and "
                    + "answers it as it is; a closed wallet is refused (WALLET_CLOSED). The answer is the wallet after "
                    + "the command.")
    @Refuses({ErrorCode.WALLET_NOT_FOUND, ErrorCode.CONCURRENT_MODIFICATION, ErrorCode.WALLET_CLOSED})
    @PostMapping("/{walletId}/freeze")
    public WalletView freeze(@Parameter(description = "The wallet to freeze.", schema = @Schema(type = "string",
            format = "uuid")) @PathVariable UUID walletId) {
        return change(new FreezeWalletCommand(walletId), walletId);
    }

    @Operation(operationId = "unfreezeWallet", summary = "Unfreeze a wallet",
            description = "Makes a frozen wallet ACTIVE again, so that it takes and pays money as before. An "
                    + "operator's call. Unfreezing an active wallet changes nothing and answers it as it is; a closed "
                    + "wallet is refused (WALLET_CLOSED). The answer is the wallet after the command.")
    @Refuses({ErrorCode.WALLET_NOT_FOUND, ErrorCode.CONCURRENT_MODIFICATION, ErrorCode.WALLET_CLOSED})
    @PostMapping("/{walletId}/unfreeze")
    public WalletView unfreeze(@Parameter(description = "The wallet to unfreeze.", schema = @Schema(type = "string",
            format = "uuid")) @PathVariable UUID walletId) {
        return change(new UnfreezeWalletCommand(walletId), walletId);
    }

    @Operation(operationId = "closeWallet", summary = "Close a wallet",
            description = "Closes a wallet for good: a closed wallet takes and pays nothing again. Only a wallet "
                    + "with a zero balance, nothing held included, can close (WALLET_NOT_EMPTY otherwise); a frozen "
                    + "one may. The service's call. Closing a closed wallet changes nothing and answers it as it is. "
                    + "The answer is the wallet after the command.")
    @Refuses({ErrorCode.WALLET_NOT_FOUND, ErrorCode.CONCURRENT_MODIFICATION, ErrorCode.WALLET_NOT_EMPTY})
    @PostMapping("/{walletId}/close")
    public WalletView close(@Parameter(description = "The wallet to close.", schema = @Schema(type = "string",
            format = "uuid")) @PathVariable UUID walletId) {
        return change(new CloseWalletCommand(walletId), walletId);
    }

    private WalletView change(Object command, UUID walletId) {
        try {
            return WalletView.of(commands.<WalletState>send(command));
        } catch (RuntimeException failure) {
            if (Causes.causedBy(failure, AggregateNotFoundException.class)) {
                throw new MizaniException(ErrorCode.WALLET_NOT_FOUND, "wallet " + walletId + " does not exist");
            }
            throw failure;
        }
    }
}
