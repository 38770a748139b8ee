package app.plainpaper.ingestion.lookup;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(60));

    @Test
    void backoffDoublesWithJitterWithinItsStepAndStopsAtTheCap() {
        assertThat(policy.backoff(1, () -> 0.0)).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.backoff(1, () -> 1.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoff(2, () -> 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoff(3, () -> 1.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(4, () -> 0.5)).isEqualTo(Duration.ofMillis(3000));
        assertThat(policy.backoff(30, () -> 1.0)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
        assertThat(RetryPolicy.retryAfter("3", clock)).contains(Duration.ofSeconds(3));
        assertThat(RetryPolicy.retryAfter("Fri, 27 Nov 2026 10:00:07 GMT", clock)).contains(Duration.ofSeconds(7));
        assertThat(RetryPolicy.retryAfter("Fri, 27 Nov 2026 09:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(RetryPolicy.retryAfter("soon", clock)).isEmpty();
        assertThat(RetryPolicy.retryAfter(null, clock)).isEmpty();
    }

    @Test
    void anApiKeyNeverReachesALogLine() {
        assertThat(PoliteClient.redacted(java.net.URI.create("http://x/efetch.fcgi?id=1&api_key=secret&tool=t")))
                .isEqualTo("http://x/efetch.fcgi?id=1&api_key=***&tool=t");
    }
}
