package com.mizani.command.wallet;

import com.mizani.command.support.Causes;
import com.mizani.command.support.Caller;
import com.mizani.command.support.CommandSender;
import com.mizani.command.support.IdempotentRequest;
import com.mizani.command.support.RequestFields;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.idempotency.IdempotencyKeys;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.wallet.CloseWalletCommand;
import com.mizani.kernel.wallet.FreezeWalletCommand;
import com.mizani.kernel.wallet.OpenWalletCommand;
import com.mizani.kernel.wallet.UnfreezeWalletCommand;
import com.mizani.kernel.wallet.WalletState;
import com.mizani.kernel.wallet.WalletView;
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
public class WalletCommandController {

    private final CommandSender commands;

    public WalletCommandController(CommandSender commands) {
        this.commands = commands;
    }

    public record OpenWalletRequest(String ownerId, String currency) {
    }

    /** With an Idempotency-Key the wallet id is derived from it, so a repeated request returns the same wallet. */
    @PostMapping
    public ResponseEntity<WalletView> open(@RequestBody OpenWalletRequest request,
                                           @RequestHeader(name = IdempotentRequest.KEY_HEADER, required = false) String key,
                                           Caller caller) {
        UUID ownerId = RequestFields.uuid("ownerId", request.ownerId());
        CurrencyCode currency = CurrencyCode.parse(request.currency());
        UUID walletId = key == null ? UUID.randomUUID() : IdempotentRequest.of(caller, key).idFor("wallet");
        WalletState state = commands.send(new OpenWalletCommand(walletId, ownerId, currency,
                IdempotencyKeys.fingerprint(ownerId, currency)));
        return ResponseEntity.created(URI.create("/api/v1/wallets/" + walletId)).body(WalletView.of(state));
    }

    @PostMapping("/{walletId}/freeze")
    public WalletView freeze(@PathVariable UUID walletId) {
        return change(new FreezeWalletCommand(walletId), walletId);
    }

    @PostMapping("/{walletId}/unfreeze")
    public WalletView unfreeze(@PathVariable UUID walletId) {
        return change(new UnfreezeWalletCommand(walletId), walletId);
    }

    @PostMapping("/{walletId}/close")
    public WalletView close(@PathVariable UUID walletId) {
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
