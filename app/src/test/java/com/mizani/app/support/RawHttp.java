package com.mizani.app.support;

import com.mizani.app.support.Api.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Sends HTTP/1.1 requests byte for byte over a fresh connection, for requests the Java HTTP client refuses to send:
 * any method, a request target or header values with bytes that are not allowed there, duplicate headers, framing
 * headers (Transfer-Encoding, Content-Length) of one's own.
 */
public final class RawHttp {

    public record Header(String name, String value) {
    }

    private final int port;
    private final int timeoutMs;

    public RawHttp(int port, int timeoutMs) {
        this.port = port;
        this.timeoutMs = timeoutMs;
    }

    /**
     * A request from its parts. The target and header values go out as their UTF-8 bytes, unencoded; a Content-Length
     * is added for a body unless the headers frame it themselves.
     */
    public static byte[] request(String method, String target, List<Header> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n");
        boolean framed = false;
        for (Header header : headers) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
            framed |= header.name().equalsIgnoreCase("Content-Length") || header.name().equalsIgnoreCase("Transfer-Encoding");
        }
        if (!framed && (body.length > 0 || !(method.equals("GET") || method.equals("HEAD")))) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        byte[] request = Arrays.copyOf(start, start.length + body.length);
        System.arraycopy(body, 0, request, start.length, body.length);
        return request;
    }

    /** Sends the request and reads the answer until the server closes the connection. */
    public Response send(byte[] request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(timeoutMs);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException refusedMidway) {
                // The server may answer and close before it has read all of a request it refuses; read that answer.
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(answer);
            } catch (SocketTimeoutException stillOpen) {
                throw new IllegalStateException("no complete answer within " + timeoutMs + " ms; got: "
                        + answer.toString(StandardCharsets.ISO_8859_1), stillOpen);
            } catch (IOException reset) {
                // A connection reset after the answer: what arrived is the answer.
            }
            return parse(answer.toByteArray());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static Response parse(byte[] answer) {
        int split = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        String head = new String(answer, 0, split < 0 ? answer.length : split, StandardCharsets.ISO_8859_1);
        byte[] body = split < 0 ? new byte[0] : Arrays.copyOfRange(answer, split + 4, answer.length);
        String[] lines = head.split("\r\n");
        int status = 0;
        if (lines[0].startsWith("HTTP/1.1 ") && lines[0].length() >= 12) {
            status = Integer.parseInt(lines[0].substring(9, 12));
        }
        String contentType = header(lines, "content-type");
        String location = header(lines, "location");
        if ("chunked".equalsIgnoreCase(header(lines, "transfer-encoding"))) {
            body = dechunked(body);
        }
        return new Response(status, contentType, location, new String(body, StandardCharsets.UTF_8));
    }

    private static String header(String[] lines, String name) {
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return lines[i].substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static byte[] dechunked(byte[] body) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(body, new byte[]{'\r', '\n'}, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                break;
            }
            joined.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return joined.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
