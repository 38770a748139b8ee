package app.plainpaper.ingestion.lookup;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** NCBI E-utilities for PubMed: esearch (JSON) and efetch (XML), with the tool, email and api_key NCBI asks for. */
public final class EutilsClient {

    public static final String SOURCE = "pubmed";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PoliteClient http;
    private final String baseUrl;
    private final String tool;
    private final String email;
    private final String apiKey;

    public EutilsClient(PoliteClient http, String baseUrl, String tool, String email, String apiKey) {
        this.http = http;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.tool = tool;
        this.email = email == null ? "" : email.trim();
        this.apiKey = apiKey == null ? "" : apiKey.trim();
    }

    /** One page of PMIDs matching {@code term}, with how many match in all. */
    public record Search(int count, List<String> ids) {
    }

    /** @param extra further esearch parameters (datetype, mindate, maxdate, retmax, sort...) */
    public Search esearch(String term, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("db", "pubmed");
        params.put("term", term);
        params.put("retmode", "json");
        params.putAll(extra);
        var response = http.get(uri("esearch.fcgi", params), "application/json");
        if (response.status() != 200) {
            throw new UpstreamFailure(502, SOURCE, "PubMed esearch answered " + response.status(), null);
        }
        try {
            JsonNode result = JSON.readTree(response.body()).path("esearchresult");
            if (result.has("ERROR")) {
                throw new UpstreamFailure(502, SOURCE, "PubMed esearch refused the query: " + result.get("ERROR").asString(), null);
            }
            List<String> ids = new ArrayList<>();
            result.path("idlist").forEach(id -> ids.add(id.asString()));
            return new Search(Integer.parseInt(result.has("count") ? result.get("count").asString() : "0"), List.copyOf(ids));
        } catch (JacksonException | NumberFormatException e) {
            throw new UpstreamFailure(502, SOURCE, "PubMed esearch answered something that is not its JSON: " + e.getMessage(), e);
        }
    }

    /** The PubmedArticleSet XML of these PMIDs. */
    public byte[] efetch(List<String> pmids) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("db", "pubmed");
        params.put("retmode", "xml");
        params.put("id", String.join(",", pmids));
        var response = http.get(uri("efetch.fcgi", params), "application/xml");
        if (response.status() == 400 || response.status() == 404) {
            return new byte[0];
        }
        if (response.status() != 200) {
            throw new UpstreamFailure(502, SOURCE, "PubMed efetch answered " + response.status(), null);
        }
        return response.body();
    }

    private URI uri(String utility, Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("tool", tool);
        if (!email.isEmpty()) {
            all.put("email", email);
        }
        if (!apiKey.isEmpty()) {
            all.put("api_key", apiKey);
        }
        return URI.create(baseUrl + "/" + utility + "?" + all.entrySet().stream()
                .map(e -> e.getKey() + "=" + CrossrefClient.encode(e.getValue()))
                .collect(Collectors.joining("&")));
    }
}
