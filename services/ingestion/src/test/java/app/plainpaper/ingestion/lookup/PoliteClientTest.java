package app.plainpaper.ingestion.lookup;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client over real HTTP against the stub, with waiting recorded instead of slept: the backoff sequence, a
 * Retry-After too long to wait for, a source that does not answer in time (504), one that cannot be reached (502).
 */
class PoliteClientTest {

    static final SourceStub STUB = new SourceStub();

    @AfterAll
    static void stop() {
        STUB.close();
    }

    final List<Duration> waits = new ArrayList<>();

    PoliteClient client(int attempts, Duration timeout) {
        RateLimiter.Sleeper recorded = waits::add;
        return new PoliteClient("pubmed", HttpClient.newHttpClient(), new RateLimiter(100, Duration.ofSeconds(1), System::nanoTime, d -> { }),
                new RetryPolicy(attempts, Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(30)), recorded,
                () -> 1.0, Clock.systemUTC(), timeout, "Plainpaper/0.1 (mailto:editors@example.org)");
    }

    @Test
    void fiveHundredsAreRetriedWithExponentialBackoffThenGiveA502() {
        STUB.failNext("/backoff.fcgi", new SourceStub.Failure(500, null), new SourceStub.Failure(502, null),
                new SourceStub.Failure(503, null), new SourceStub.Failure(503, null));

        assertThatThrownBy(() -> client(4, Duration.ofSeconds(5)).get(URI.create(STUB.ncbiBaseUrl() + "/backoff.fcgi"), "*/*"))
                .isInstanceOfSatisfying(UpstreamFailure.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.source()).isEqualTo("pubmed");
                    assertThat(e.getMessage()).isEqualTo("pubmed answered 503; gave up after 4 attempts");
                });
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(STUB.requestsTo("/backoff.fcgi")).hasSize(4)
                .allSatisfy(r -> assertThat(r.headers().getFirst("User-Agent")).isEqualTo("Plainpaper/0.1 (mailto:editors@example.org)"));
    }

    @Test
    void aRetryAfterLongerThanWeWaitFailsAtOnce() {
        STUB.failNext("/busy.fcgi", new SourceStub.Failure(429, "3600"));

        assertThatThrownBy(() -> client(4, Duration.ofSeconds(5)).get(URI.create(STUB.ncbiBaseUrl() + "/busy.fcgi"), "*/*"))
                .isInstanceOfSatisfying(UpstreamFailure.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.getMessage()).contains("answered 429", "asks to wait 3600 s");
                });
        assertThat(waits).isEmpty();
        assertThat(STUB.requestsTo("/busy.fcgi")).hasSize(1);
    }

    @Test
    void aSourceThatDoesNotAnswerInTimeGivesA504() {
        STUB.failNext("/slow.fcgi", new SourceStub.Failure(200, null, Duration.ofSeconds(2)),
                new SourceStub.Failure(200, null, Duration.ofSeconds(2)));

        assertThatThrownBy(() -> client(2, Duration.ofMillis(300)).get(URI.create(STUB.ncbiBaseUrl() + "/slow.fcgi"), "*/*"))
                .isInstanceOfSatisfying(UpstreamFailure.class, e -> {
                    assertThat(e.status()).isEqualTo(504);
                    assertThat(e.getMessage()).contains("did not answer within");
                });
        assertThat(waits).hasSize(1);
    }

    @Test
    void aSourceThatCannotBeReachedGivesA502() throws Exception {
        int port;
        try (var free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        int closed = port;
        assertThatThrownBy(() -> client(2, Duration.ofSeconds(2)).get(URI.create("http://127.0.0.1:" + closed + "/x"), "*/*"))
                .isInstanceOfSatisfying(UpstreamFailure.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.getMessage()).contains("could not be reached");
                });
    }

    @Test
    void a404IsAnAnswerNotAFailure() {
        var response = client(3, Duration.ofSeconds(5)).get(URI.create(STUB.crossrefBaseUrl() + "/works/10.5555/unknown"), "application/json");

        assertThat(response.status()).isEqualTo(404);
        assertThat(waits).isEmpty();
    }
}
