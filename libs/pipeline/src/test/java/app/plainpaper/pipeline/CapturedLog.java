package app.plainpaper.pipeline;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/** Log lines of one logger, each with the MDC it was written with (copied on the writing thread). */
public final class CapturedLog extends ListAppender<ILoggingEvent> implements AutoCloseable {

    private final Logger logger;
    private final Level level;

    private CapturedLog(Logger logger) {
        this.logger = logger;
        this.level = logger.getLevel();
    }

    /** Captures INFO and above, whatever level another application in this JVM left behind. */
    public static CapturedLog of(Class<?> type) {
        var log = new CapturedLog((Logger) LoggerFactory.getLogger(type));
        log.start();
        log.logger.setLevel(Level.INFO);
        log.logger.addAppender(log);
        return log;
    }

    @Override
    protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing(); // the MDC is read lazily otherwise, on the test's thread
        super.append(event);
    }

    public List<Line> lines() {
        synchronized (this) { // AppenderBase.doAppend holds the same lock
            return list.stream().map(e -> new Line(e.getFormattedMessage(), Map.copyOf(e.getMDCPropertyMap()))).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        logger.setLevel(level);
        stop();
    }

    public record Line(String message, Map<String, String> mdc) {
    }
}
