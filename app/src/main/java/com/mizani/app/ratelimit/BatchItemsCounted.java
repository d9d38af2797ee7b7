package com.mizani.app.ratelimit;

import com.mizani.app.ratelimit.RateLimitFilter.Counted;
import com.mizani.app.ratelimit.RateLimiter.Verdict;
import com.mizani.app.security.PrincipalAuthentication;
import com.mizani.command.transfer.TransferBatchController.TransferBatchRequest;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.lang.reflect.Type;
import java.util.Optional;

/**
 * A batch of transfers counts against its principal's bucket as one request per item, as the same transfers sent one
 * by one would: the filter took a token for the request, and this takes one for each further item once the body is
 * read, before any item is carried out. Over the limit the batch is refused as any request is (429 RATE_LIMITED,
 * Retry-After), and nothing of it is carried out. A batch larger than the bucket's burst counts as a full bucket, so
 * that it can pass at all. Like the filter, it lets the batch go on when the buckets cannot be reached.
 */
@ControllerAdvice
class BatchItemsCounted extends RequestBodyAdviceAdapter {

    private static final Logger log = LoggerFactory.getLogger(BatchItemsCounted.class);

    private final ObjectProvider<RateLimiter> limiter;
    private final RateLimitProperties settings;

    BatchItemsCounted(ObjectProvider<RateLimiter> limiter, RateLimitProperties settings) {
        this.limiter = limiter;
        this.settings = settings;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType == TransferBatchRequest.class;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        RateLimiter buckets = limiter.getIfAvailable();
        TransferBatchRequest batch = (TransferBatchRequest) body;
        if (buckets == null || batch.items() == null || batch.items().size() < 2
                || !(SecurityContextHolder.getContext().getAuthentication() instanceof PrincipalAuthentication principal)) {
            return body;
        }
        Counted counted = Counted.principal(principal.caller(), settings);
        long further = Math.min(batch.items().size() - 1, counted.limit().burst() - 1);
        if (further < 1) {
            return body;
        }
        Verdict verdict;
        try {
            verdict = buckets.consume(counted.key(), counted.limit(), further);
        } catch (RuntimeException unreachable) {
            log.debug("rate limits cannot be checked, the batch goes on: {}", unreachable.toString());
            return body;
        }
        HttpServletResponse response = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse();
        Optional<String> refusal = RateLimitFilter.answer(response, counted, verdict);
        if (refusal.isPresent()) {
            throw new MizaniException(ErrorCode.RATE_LIMITED, refusal.get() + " (a batch counts as its items)");
        }
        return body;
    }
}
