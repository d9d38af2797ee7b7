package com.mizani.command.fx;

import com.mizani.kernel.money.CurrencyCode;

/**
 * Where FX rates come from: the embedded simulator in local mode, or a rate provider over HTTP. Mizani asks for the
 * current rate each time it issues a quote and never keeps one to reuse: a source that cannot answer, or answers
 * with a rate older than Mizani accepts, makes the quote fail rather than be priced on an old rate.
 */
public interface RateSource {

    /**
     * @return the current rate of the pair
     * @throws com.mizani.command.support.RetryLater with {@code FX_UNAVAILABLE} when the source is down, too slow,
     *                                               or its rate is stale
     * @throws com.mizani.kernel.error.MizaniException with {@code FX_PAIR_UNSUPPORTED} when the pair is not quoted
     */
    FxRate current(CurrencyCode from, CurrencyCode to);
}
