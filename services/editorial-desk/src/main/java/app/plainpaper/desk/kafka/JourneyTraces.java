package app.plainpaper.desk.kafka;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.beans.factory.DisposableBean;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One summary's journey is one trace, from ingestion to publication. The desk keeps the trace context of each
 * summary's newest event and continues it when a person's decision is sent, so a human step does not cut the trace.
 */
public class JourneyTraces implements DisposableBean {

    private static final java.util.List<String> FIELDS = java.util.List.of("traceparent", "tracestate", "b3");

    private final Map<String, Map<String, String>> contexts = new ConcurrentHashMap<>();
    private final Tracer tracer;
    private final Propagator propagator;
    private final ExecutorService senders = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "journey-sender");
        thread.setDaemon(true);
        return thread;
    });

    public JourneyTraces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    void remember(String summaryId, Headers headers) {
        Map<String, String> context = new java.util.HashMap<>();
        for (String field : FIELDS) {
            Header header = headers.lastHeader(field);
            if (header != null) {
                context.put(field, new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        if (!context.isEmpty()) {
            contexts.put(summaryId, context);
        }
    }

    /**
     * Runs {@code work} inside a span that continues the summary's trace, when the desk knows it. The work runs on a
     * thread of its own: there the HTTP request's observation is not current, so what it sends joins the journey.
     */
    public <T> T continueJourney(String summaryId, Callable<T> work) throws Exception {
        Map<String, String> context = contexts.get(summaryId);
        if (context == null) {
            return work.call();
        }
        try {
            return senders.submit(() -> {
                Span span = propagator.extract(context, Map::get).name("editorial decision").start();
                try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                    return work.call();
                } finally {
                    span.end();
                }
            }).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public void destroy() {
        senders.shutdown();
    }
}
