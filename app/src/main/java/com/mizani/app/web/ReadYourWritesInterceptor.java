package com.mizani.app.web;

import com.mizani.axon.catchup.ProjectionCatchUp;
import com.mizani.command.support.RetryLater;
import com.mizani.kernel.consistency.ReadsProjections;
import com.mizani.kernel.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Duration;
import java.util.List;

/**
 * Holds a read of a projection until the projection has applied every event committed before the read arrived
 * ({@link ReadsProjections}); after the wait allowed, 503 READ_MODEL_BEHIND with Retry-After, never an answer that
 * may be stale.
 */
class ReadYourWritesInterceptor implements HandlerInterceptor {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final ProjectionCatchUp catchUp;
    private final Duration maxWait;

    ReadYourWritesInterceptor(ProjectionCatchUp catchUp, Duration maxWait) {
        this.catchUp = catchUp;
        this.maxWait = maxWait;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        ReadsProjections reads = method.getMethodAnnotation(ReadsProjections.class);
        if (reads == null || catchUp.awaitCommittedEvents(List.of(reads.value()), maxWait)) {
            return true;
        }
        throw new RetryLater(ErrorCode.READ_MODEL_BEHIND, "the view " + String.join(", ", reads.value())
                + " has not caught up with the writes answered before this read within " + maxWait.toMillis()
                + " ms; retry after " + RETRY_AFTER.toSeconds() + " s", RETRY_AFTER);
    }
}
