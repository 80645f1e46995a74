package dev.blockmine.node.peers;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Where a peer's address lies. Which ranges may be peers is a setting ({@code node.peer.allowed-ranges}, loopback and
 * private networks by default, as in a classroom); addresses no node lives at are never peers: link-local (cloud
 * metadata services answer there, 169.254.169.254), shared and unspecified addresses, multicast and broadcast.
 */
public enum AddressRange {
    LOOPBACK, PRIVATE, PUBLIC;

    /** The range of {@code address}, or empty for an address that is never a peer. */
    public static Optional<AddressRange> of(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()
                || isNeverIpv4(bytes) || isMetadataIpv6(address)) {
            return Optional.empty();
        }
        if (address.isLoopbackAddress()) {
            return Optional.of(LOOPBACK);
        }
        boolean uniqueLocal = address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc; // fc00::/7
        return Optional.of(address.isSiteLocalAddress() || uniqueLocal ? PRIVATE : PUBLIC);
    }

    /** 0.0.0.0/8, 100.64.0.0/10 (shared address space, where some clouds put metadata), 255.255.255.255. */
    private static boolean isNeverIpv4(byte[] b) {
        return b.length == 4 && ((b[0] & 0xff) == 0 || ((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64)
                || ((b[0] & b[1] & b[2] & b[3]) & 0xff) == 0xff);
    }

    /** fd00:ec2::254, a cloud's IPv6 metadata address inside the unique-local range. */
    private static boolean isMetadataIpv6(InetAddress address) {
        byte[] b = address.getAddress();
        return !(address instanceof Inet4Address) && b.length == 16 && (b[0] & 0xff) == 0xfd && b[1] == 0 && (b[2] & 0xff) == 0x0e
                && (b[3] & 0xff) == 0xc2 && (b[14] & 0xff) == 0x02 && (b[15] & 0xff) == 0x54;
    }
}
