package app.plainpaper.serde.registry;

/** No configured registry URL could be reached, or every one answered with a server error. */
public class SchemaRegistryUnavailableException extends SchemaRegistryException {

    public SchemaRegistryUnavailableException(String message, String registryUrls, Throwable cause) {
        super(message, registryUrls, -1, -1, cause);
    }
}
