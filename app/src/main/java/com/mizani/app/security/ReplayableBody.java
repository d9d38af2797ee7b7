package com.mizani.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Lets the access policy read a request's body (to see whose wallet it names) and the controller read it again.
 * The body is read into memory only when someone first asks for it; the size limit, which runs before security,
 * keeps it small.
 */
final class ReplayableBody extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Request(request), response);
    }

    /** The body of a request wrapped by this filter; empty when there is none. */
    static byte[] of(HttpServletRequest request) throws IOException {
        HttpServletRequest current = request;
        while (current instanceof HttpServletRequestWrapper wrapper) {
            if (current instanceof Request replayable) {
                return replayable.bytes();
            }
            current = (HttpServletRequest) wrapper.getRequest();
        }
        throw new IllegalStateException("the request's body was not made replayable");
    }

    /** A request's declared charset, or UTF-8 when it declares none or one that does not exist. */
    private static Charset charset(String encoding) {
        try {
            return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    private static final class Request extends HttpServletRequestWrapper {
        private byte[] bytes;

        Request(HttpServletRequest request) {
            super(request);
        }

        byte[] bytes() throws IOException {
            if (bytes == null) {
                bytes = super.getInputStream().readAllBytes();
            }
            return bytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ByteArrayInputStream in = new ByteArrayInputStream(bytes());
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset(getCharacterEncoding())));
        }
    }
}
