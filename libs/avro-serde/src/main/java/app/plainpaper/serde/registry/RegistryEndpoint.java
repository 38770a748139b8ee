package app.plainpaper.serde.registry;

import java.net.URI;

/**
 * One schema registry base URL and the Authorization header to send to it (null: none).
 * {@link #toString()} shows the URL only, so credentials never reach messages or logs.
 */
public record RegistryEndpoint(URI baseUrl, String authorization) {

    public RegistryEndpoint {
        if (baseUrl == null) {
            throw new IllegalArgumentException("baseUrl is required");
        }
    }

    public static RegistryEndpoint of(String baseUrl) {
        return new RegistryEndpoint(URI.create(baseUrl), null);
    }

    @Override
    public String toString() {
        return baseUrl.toString();
    }
}
