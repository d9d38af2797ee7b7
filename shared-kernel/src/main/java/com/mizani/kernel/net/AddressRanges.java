package com.mizani.kernel.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Address ranges in CIDR notation, IPv4 and IPv6; an IPv4-mapped IPv6 address matches its IPv4 range. The provider's
 * callback sources and the networks webhooks may reach are both decided by it.
 */
public final class AddressRanges {

    private record Range(byte[] network, int prefixBits) {
    }

    private final List<Range> ranges;

    public AddressRanges(List<String> cidrs) {
        this.ranges = cidrs.stream().map(AddressRanges::parse).toList();
    }

    /** Whether a literal address lies in one of the ranges; a host name never does. */
    public boolean contains(String address) {
        byte[] candidate = bytesOf(address);
        if (candidate == null) {
            return false;
        }
        return ranges.stream().anyMatch(range -> matches(range, candidate));
    }

    private static boolean matches(Range range, byte[] address) {
        if (range.network().length != address.length) {
            return false;
        }
        int bits = range.prefixBits();
        for (int i = 0; i < address.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
            if ((address[i] & mask) != (range.network()[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static Range parse(String cidr) {
        String[] parts = cidr.strip().split("/", 2);
        byte[] network = bytesOf(parts[0]);
        if (network == null) {
            throw new IllegalArgumentException("not an IP address range: " + cidr);
        }
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("bad prefix length in " + cidr);
        }
        return new Range(network, prefix);
    }

    /** Only literal addresses: a host name here would mean a DNS lookup per callback. */
    private static byte[] bytesOf(String literal) {
        if (literal == null || !literal.matches("[0-9A-Fa-f:.]{2,45}")) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (bytes.length == 16 && isIpv4Mapped(bytes)) {
                return new byte[]{bytes[12], bytes[13], bytes[14], bytes[15]};
            }
            return bytes;
        } catch (UnknownHostException notALiteral) {
            return null;
        }
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }
}
