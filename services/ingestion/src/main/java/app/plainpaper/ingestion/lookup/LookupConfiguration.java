package app.plainpaper.ingestion.lookup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** The Crossref and NCBI clients, configured from {@code plainpaper.ingestion.*}. */
@Configuration(proxyBeanMethods = false)
class LookupConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LookupConfiguration.class);

    @Bean
    RetryPolicy sourceRetryPolicy(@Value("${plainpaper.ingestion.http.max-attempts:4}") int attempts,
                                  @Value("${plainpaper.ingestion.http.base-delay:500ms}") Duration base,
                                  @Value("${plainpaper.ingestion.http.max-delay:10s}") Duration max,
                                  @Value("${plainpaper.ingestion.http.max-retry-after:60s}") Duration maxRetryAfter) {
        return new RetryPolicy(attempts, base, max, maxRetryAfter);
    }

    @Bean
    CrossrefClient crossrefClient(RetryPolicy retry, Clock clock,
                                  @Value("${plainpaper.ingestion.crossref.base-url:https://api.crossref.org}") String baseUrl,
                                  @Value("${plainpaper.ingestion.crossref.requests-per-second:5}") int perSecond,
                                  @Value("${plainpaper.ingestion.contact-email:}") String email,
                                  @Value("${plainpaper.ingestion.http.timeout:20s}") Duration timeout) {
        if (email.isBlank()) {
            log.warn("plainpaper.ingestion.contact-email is not set: Crossref and NCBI ask for a contact address");
        }
        String userAgent = userAgent(email);
        var http = new PoliteClient(CrossrefClient.SOURCE, httpClient(timeout), RateLimiter.perSecond(perSecond), retry,
                RateLimiter.REAL_SLEEP, () -> ThreadLocalRandom.current().nextDouble(), clock, timeout, userAgent);
        return new CrossrefClient(http, baseUrl, email);
    }

    @Bean
    EutilsClient eutilsClient(RetryPolicy retry, Clock clock,
                              @Value("${plainpaper.ingestion.ncbi.base-url:https://eutils.ncbi.nlm.nih.gov/entrez/eutils}") String baseUrl,
                              @Value("${plainpaper.ingestion.ncbi.tool:plainpaper}") String tool,
                              @Value("${plainpaper.ingestion.ncbi.api-key:}") String apiKey,
                              @Value("${plainpaper.ingestion.contact-email:}") String email,
                              @Value("${plainpaper.ingestion.http.timeout:20s}") Duration timeout) {
        // NCBI's limit: 3 requests a second without an API key, 10 with one.
        int perSecond = apiKey.isBlank() ? 3 : 10;
        String userAgent = userAgent(email);
        var http = new PoliteClient(EutilsClient.SOURCE, httpClient(timeout), RateLimiter.perSecond(perSecond), retry,
                RateLimiter.REAL_SLEEP, () -> ThreadLocalRandom.current().nextDouble(), clock, timeout, userAgent);
        return new EutilsClient(http, baseUrl, tool, email, apiKey);
    }

    @Bean
    PaperLookup paperLookup(CrossrefClient crossref, EutilsClient pubmed) {
        return new PaperLookup(crossref, pubmed);
    }

    /** What Crossref's etiquette asks for: the tool, its version and a contact address. */
    static String userAgent(String email) {
        return "Plainpaper/0.1 (" + (email.isBlank() ? "no contact address configured" : "mailto:" + email) + ")";
    }

    private static HttpClient httpClient(Duration timeout) {
        return HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }
}
