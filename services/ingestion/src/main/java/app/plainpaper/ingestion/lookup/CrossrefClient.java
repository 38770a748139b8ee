package app.plainpaper.ingestion.lookup;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Crossref REST API: one work by DOI, and the notices (retractions, corrections) that update a DOI. */
public final class CrossrefClient {

    public static final String SOURCE = "crossref";

    private final PoliteClient http;
    private final String baseUrl;
    private final String mailto;

    /** @param mailto the contact e-mail that puts us in Crossref's polite pool; blank to leave it out */
    public CrossrefClient(PoliteClient http, String baseUrl, String mailto) {
        this.http = http;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.mailto = mailto == null ? "" : mailto.trim();
    }

    /** {@code /works/{doi}}: the JSON envelope, or empty when Crossref does not know the DOI. */
    public Optional<byte[]> work(String doi) {
        return ok(http.get(URI.create(baseUrl + "/works/" + path(doi) + query("")), "application/json"), "work " + doi);
    }

    /** {@code /works?filter=updates:{doi}}: the works (retraction notices, errata) whose {@code update-to} names the DOI. */
    public byte[] updatesOf(String doi) {
        String filter = "filter=" + encode("updates:" + doi) + "&rows=50";
        return ok(http.get(URI.create(baseUrl + "/works" + query(filter)), "application/json"), "updates of " + doi)
                .orElse(new byte[0]);
    }

    private Optional<byte[]> ok(PoliteClient.Response response, String what) {
        if (response.status() == 404) {
            return Optional.empty();
        }
        if (response.status() != 200) {
            throw new UpstreamFailure(502, SOURCE, "Crossref answered " + response.status() + " for " + what, null);
        }
        return Optional.of(response.body());
    }

    private String query(String params) {
        String mail = mailto.isEmpty() ? "" : "mailto=" + encode(mailto);
        String all = params.isEmpty() ? mail : mail.isEmpty() ? params : params + "&" + mail;
        return all.isEmpty() ? "" : "?" + all;
    }

    /** A DOI's slashes stay path separators, as Crossref expects; everything else is percent-encoded. */
    static String path(String doi) {
        return Arrays.stream(doi.split("/", -1)).map(CrossrefClient::encode).collect(Collectors.joining("/"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
