package app.plainpaper.publishingservice.readerapi;

import java.net.InetSocketAddress;
import java.util.Set;

/**
 * Who a request comes from, for rate limits. {@code X-Forwarded-For} is believed only from a configured proxy (nginx
 * in front of the site); anyone else could put any address there.
 */
public final class ClientAddresses {

    private final Set<String> trustedProxies;

    public ClientAddresses(Set<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    public String of(InetSocketAddress remote, String forwardedFor) {
        String direct = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        if (forwardedFor == null || !trustedProxies.contains(direct)) {
            return direct;
        }
        // The proxy appends the address it saw last; earlier entries come from the client and prove nothing.
        String[] hops = forwardedFor.split(",");
        String last = hops[hops.length - 1].strip();
        return last.matches("[0-9A-Fa-f:.]{2,45}") ? last : direct;
    }
}
