package dev.blockmine.node;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The host name resolver of the test JVMs (and of the node processes they start, from the same class path): a name
 * under {@code .invalid}, which RFC 6761 reserves as never resolving, is unknown at once, without asking a DNS server;
 * any other name goes to the JDK's own resolver. The tests use such names for a peer whose host does not resolve, so
 * they neither wait on nor depend on DNS. Registered in {@code META-INF/services}.
 */
public final class ReservedNamesResolver extends InetAddressResolverProvider {

    /** What the unknown host is told, so a test can see that this resolver answered. */
    public static final String NEVER_RESOLVES = "a name under .invalid never resolves (RFC 6761)";

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                String name = host.toLowerCase(Locale.ROOT);
                if (name.endsWith(".invalid") || name.endsWith(".invalid.")) {
                    throw new UnknownHostException(host + ": " + NEVER_RESOLVES);
                }
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return builtin.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "reserved names without DNS";
    }
}
