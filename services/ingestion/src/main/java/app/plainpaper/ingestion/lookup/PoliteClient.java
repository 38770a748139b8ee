package app.plainpaper.ingestion.lookup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * GETs from one third-party API the way it asks to be used: under its rate limit, with our User-Agent, and retrying
 * 429 and 5xx answers and broken connections with backoff (or after the Retry-After it gives) a bounded number of
 * times. What it still cannot get becomes an {@link UpstreamFailure}.
 */
public final class PoliteClient {

    private static final Logger log = LoggerFactory.getLogger(PoliteClient.class);

    public record Response(int status, byte[] body) {
    }

    private final String source;
    private final HttpClient http;
    private final RateLimiter limiter;
    private final RetryPolicy retry;
    private final RateLimiter.Sleeper sleeper;
    private final DoubleSupplier random;
    private final Clock clock;
    private final Duration timeout;
    private final String userAgent;

    public PoliteClient(String source, HttpClient http, RateLimiter limiter, RetryPolicy retry, RateLimiter.Sleeper sleeper,
                        DoubleSupplier random, Clock clock, Duration timeout, String userAgent) {
        this.source = source;
        this.http = http;
        this.limiter = limiter;
        this.retry = retry;
        this.sleeper = sleeper;
        this.random = random;
        this.clock = clock;
        this.timeout = timeout;
        this.userAgent = userAgent;
    }

    /** Any answer that is not a 429 or 5xx is returned as it is (404 included); the caller decides what it means. */
    public Response get(URI uri, String accept) {
        String failure = null;
        Exception cause = null;
        boolean timedOut = false;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            Optional<Duration> retryAfter = Optional.empty();
            try {
                RateLimiter.Permit permit = limiter.acquire();
                HttpResponse<byte[]> response;
                try {
                    response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET()
                            .header("User-Agent", userAgent).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofByteArray());
                } finally {
                    limiter.release(permit);
                }
                int status = response.statusCode();
                if (status != 429 && status < 500) {
                    return new Response(status, response.body());
                }
                failure = source + " answered " + status;
                timedOut = status == 504;
                cause = null;
                retryAfter = RetryPolicy.retryAfter(response.headers().firstValue("Retry-After").orElse(null), clock);
                if (retryAfter.isPresent() && retryAfter.get().compareTo(retry.maxRetryAfter()) > 0) {
                    throw new UpstreamFailure(502, source, failure + " and asks to wait " + retryAfter.get().toSeconds()
                            + " s before trying again", null);
                }
            } catch (HttpTimeoutException e) {
                failure = source + " did not answer within " + timeout.toSeconds() + " s";
                timedOut = true;
                cause = e;
            } catch (IOException e) {
                failure = source + " could not be reached: " + e.getMessage();
                timedOut = false;
                cause = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UpstreamFailure(504, source, "Interrupted while waiting for " + source, e);
            }
            if (attempt < retry.maxAttempts()) {
                Duration wait = retryAfter.isPresent() ? retryAfter.get() : retry.backoff(attempt, random);
                log.info("{} (attempt {} of {}), trying again in {} ms: {}", failure, attempt, retry.maxAttempts(),
                        wait.toMillis(), redacted(uri));
                pause(wait);
            }
        }
        throw new UpstreamFailure(timedOut ? 504 : 502, source,
                failure + "; gave up after " + retry.maxAttempts() + " attempts", cause);
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamFailure(504, source, "Interrupted while waiting for " + source, e);
        }
    }

    /** An API key never goes into a log line. */
    static String redacted(URI uri) {
        return uri.toString().replaceAll("([?&]api_key=)[^&]*", "$1***");
    }
}
