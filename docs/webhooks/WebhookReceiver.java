// A webhook receiver for Mizani that verifies every message (docs/webhooks.md): run it with only a JDK,
//   java docs/webhooks/WebhookReceiver.java <port> <whsec_ secret of the endpoint>
// It prints one line per message, "verified <type> <webhook-id>" or "refused <reason>", answers 2xx to a message it
// verified (so Mizani stops retrying it) and 401 to one it did not, and skips a webhook-id it already handled.

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

public class WebhookReceiver {

    /** How far a message's webhook-timestamp may be from this clock: older ones may be replays. */
    static final long TOLERANCE_SECONDS = 5 * 60;

    static final Set<String> handled = ConcurrentHashMap.newKeySet();

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] key = Base64.getDecoder().decode(args[1].substring("whsec_".length()));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/", exchange -> handle(exchange, key));
        server.start();
        System.out.println("listening on http://127.0.0.1:" + port + "/");
    }

    static void handle(HttpExchange exchange, byte[] key) throws java.io.IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
        String refusal = refusal(key, id, timestamp, signatures, body);
        if (refusal != null) {
            System.out.println("refused " + refusal);
            answer(exchange, 401);
            return;
        }
        if (!handled.add(id)) {
            System.out.println("duplicate " + id);
            answer(exchange, 200);
            return;
        }
        String json = new String(body, StandardCharsets.UTF_8);
        String type = json.replaceAll("(?s).*\"type\":\"([^\"]*)\".*", "$1");
        System.out.println("verified " + type + " " + id);
        answer(exchange, 204);
    }

    static String refusal(byte[] key, String id, String timestamp, String signatures, byte[] body) {
        if (id == null || timestamp == null || signatures == null) {
            return "a webhook header is missing";
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp);
        } catch (NumberFormatException notANumber) {
            return "webhook-timestamp is not a number";
        }
        if (Math.abs(System.currentTimeMillis() / 1000 - sentAt) > TOLERANCE_SECONDS) {
            return "webhook-timestamp is too far from now";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            // Several signatures during a secret rotation: one valid one is enough.
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                    return null;
                }
            }
        } catch (Exception unusable) {
            return "the signature cannot be read: " + unusable;
        }
        return "no signature matches the secret";
    }

    static void answer(HttpExchange exchange, int status) throws java.io.IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}
