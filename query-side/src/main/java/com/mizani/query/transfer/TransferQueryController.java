package com.mizani.query.transfer;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.transfer.TransferStatus;
import com.mizani.kernel.transfer.TransferView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.util.UUID;

@RestController
public class TransferQueryController {

    private final JdbcClient jdbc;

    public TransferQueryController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/transfers/{transferId}")
    public TransferView transfer(@PathVariable UUID transferId) {
        return jdbc.sql("SELECT * FROM transfer_view WHERE transfer_id = ?")
                .param(transferId)
                .query((rs, row) -> {
                    CurrencyCode currency = CurrencyCode.valueOf(rs.getString("currency"));
                    String code = rs.getString("failure_code");
                    Timestamp finished = rs.getTimestamp("finished_at");
                    return new TransferView(transferId, rs.getObject("source_wallet_id", UUID.class),
                            rs.getObject("destination_wallet_id", UUID.class),
                            Money.format(rs.getLong("amount_minor"), currency), currency.name(),
                            TransferStatus.valueOf(rs.getString("status")), code == null ? null : ErrorCode.valueOf(code),
                            rs.getString("failure_reason"), rs.getTimestamp("requested_at").toInstant(),
                            finished == null ? null : finished.toInstant());
                })
                .optional()
                .orElseThrow(() -> new MizaniException(ErrorCode.TRANSFER_NOT_FOUND, "transfer " + transferId + " does not exist"));
    }
}
