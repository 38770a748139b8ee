package app.plainpaper.ingestion.lookup;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How often and how long to wait before asking a third-party API again after a 429, a 5xx or a broken connection:
 * exponential backoff with jitter (so that many clients do not retry in step), or the server's Retry-After.
 *
 * @param maxAttempts   attempts in all, the first included
 * @param baseDelay     the wait after the first failure, doubled after each further one
 * @param maxDelay      no computed wait is longer
 * @param maxRetryAfter a Retry-After longer than this is not waited for: the request fails instead
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait after failed attempt {@code attempt} (1-based): half the exponential step, plus up to as much again at random. */
    public Duration backoff(int attempt, DoubleSupplier random) {
        long base = baseDelay.toMillis();
        long step = base << Math.min(attempt - 1, 20);
        long capped = Math.min(step, maxDelay.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + Math.round(random.getAsDouble() * (capped - half)));
    }

    /** Retry-After as seconds or as an HTTP date; empty when absent or unreadable. */
    public static Optional<Duration> retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            var at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
