package app.plainpaper.ingestion.lookup;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A VCR (vcrpy) cassette: recorded HTTP exchanges, read with SnakeYAML's safe constructor. */
public record Cassette(List<Interaction> interactions) {

    public record Interaction(String method, URI uri, int status, String contentType, String body) {
    }

    @SuppressWarnings("unchecked")
    public static Cassette load(String resource) {
        try (InputStream in = Cassette.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<Interaction> out = new ArrayList<>();
            for (Map<String, Object> i : (List<Map<String, Object>>) root.get("interactions")) {
                var request = (Map<String, Object>) i.get("request");
                var response = (Map<String, Object>) i.get("response");
                var headers = (Map<String, List<String>>) response.get("headers");
                var status = (Map<String, Object>) response.get("status");
                String type = headers.getOrDefault("Content-Type", List.of("application/json")).get(0);
                String body = (String) ((Map<String, Object>) response.get("body")).get("string");
                out.add(new Interaction((String) request.get("method"), URI.create((String) request.get("uri")),
                        (Integer) status.get("code"), type, body));
            }
            return new Cassette(List.copyOf(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Interaction forHost(String host) {
        return interactions.stream().filter(i -> i.uri().getHost().equals(host)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no recorded exchange with " + host));
    }
}
