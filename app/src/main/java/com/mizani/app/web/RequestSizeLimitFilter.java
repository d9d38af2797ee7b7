package com.mizani.app.web;

import com.mizani.kernel.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies over {@code mizani.web.max-body-bytes}: at once when the Content-Length says so, and
 * while reading when a chunked body grows past it. No endpoint needs more than a few hundred bytes, but one: a batch
 * of transfers ({@code mizani.web.max-batch-body-bytes}). It runs before the security filters, which may read a body
 * (the access policy looks for a customer's wallet in it), so that nothing ever reads more than the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    public static final String TOO_LARGE_DETAIL = "the request body is larger than this API accepts";

    /**
     * A batch of 1,000 transfers is about 170 KB with UUIDs as keys, and up to about 320 KB with keys of 128
     * characters: far over the limit of every other body, which stays small because the access policy may read it
     * into memory before the request is authorized. So only this path, exactly as written, gets the larger limit: its
     * access rule reads no body and admits services only. Any other spelling of the path gets the small limit.
     */
    private static final String BATCH_PATH = "/api/v1/transfers/batch";
    /**
     * A payroll job of 100,000 items is about 10 MB as JSON with wallet ids (about 100 bytes an item), less as CSV.
     * Its access rule, too, reads no body and admits services only.
     */
    private static final String PAYROLL_PATH = "/api/v1/payroll/jobs";

    private final long maxBodyBytes;
    private final long maxBatchBodyBytes;
    private final long maxPayrollBodyBytes;

    public RequestSizeLimitFilter(WebLimits limits) {
        this.maxBodyBytes = limits.maxBodyBytes();
        this.maxBatchBodyBytes = limits.maxBatchBodyBytes();
        this.maxPayrollBodyBytes = limits.maxPayrollBodyBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitOf(request);
        if (request.getContentLengthLong() > limit) {
            ProblemResponses.write(response, ErrorCode.REQUEST_TOO_LARGE, TOO_LARGE_DETAIL);
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private long limitOf(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return maxBodyBytes;
        }
        return switch (request.getRequestURI()) {
            case BATCH_PATH -> maxBatchBodyBytes;
            case PAYROLL_PATH -> maxPayrollBodyBytes;
            default -> maxBodyBytes;
        };
    }

    /** Thrown while reading a body that has grown past the limit. */
    public static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super(TOO_LARGE_DETAIL);
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), maxBytes);
            }
            return limited;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        LimitedInputStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int next = delegate.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
