package com.mizani.outbound.webhook;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.net.AddressRanges;
import org.springframework.stereotype.Component;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which URLs Mizani sends webhooks to: absolute http or https URLs whose host resolves to public addresses only.
 * A URL into a private, loopback, link-local (the cloud metadata address among them), unique-local, shared or
 * multicast range would let a client make Mizani call its own network (SSRF), so it is refused unless one of
 * {@code mizani.webhooks.allowed-networks} holds it. Checked when an endpoint is registered or changed, and again
 * before every attempt, since a name may resolve elsewhere later.
 */
@Component
public class EndpointUrls {

    static final int MAX_LENGTH = 2000;

    /** Ranges that are neither public nor caught by InetAddress's own checks below. */
    private static final AddressRanges NOT_PUBLIC = new AddressRanges(List.of("0.0.0.0/8", "100.64.0.0/10",
            "192.0.0.0/24", "198.18.0.0/15", "240.0.0.0/4", "fc00::/7", "64:ff9b::/96"));

    private final AddressRanges allowed;

    public EndpointUrls(WebhookSettings settings) {
        this.allowed = new AddressRanges(settings.allowedNetworks());
    }

    /** The URL as Mizani will call it, or a refusal that says what is wrong with it. */
    public URI checked(String url) {
        if (url == null || url.isBlank()) {
            throw refused("url is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw refused("url must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException malformed) {
            throw refused("url is not a URL: " + malformed.getReason());
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw refused("url must be http or https");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw refused("url must name a host, without user information or a fragment");
        }
        String refusal = addressRefusal(uri.getHost());
        if (refusal != null) {
            throw refused(refusal);
        }
        return uri;
    }

    /** Why a send to this host must not happen now, or null when every address it resolves to may be called. */
    public String addressRefusal(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException unknown) {
            return "the host " + host + " does not resolve";
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address) && !allowed.contains(address.getHostAddress())) {
                return "the host " + host + " resolves to " + address.getHostAddress()
                        + ", which is not a public address (mizani.webhooks.allowed-networks can allow it)";
            }
        }
        return null;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        if (address instanceof Inet6Address six && six.getScopeId() != 0) {
            return false;
        }
        return !NOT_PUBLIC.contains(address.getHostAddress());
    }

    private static MizaniException refused(String reason) {
        return new MizaniException(ErrorCode.WEBHOOK_URL_NOT_ALLOWED, reason);
    }
}
