package app.plainpaper.cli.dlt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A record on a dead-letter topic and why it is there, read from the headers that spring-kafka's
 * DeadLetterPublishingRecoverer writes ({@code kafka_dlt-*}) and our own {@code plainpaper-dlt-reason}.
 */
public record DeadLetter(ConsumerRecord<byte[], byte[]> record, Optional<String> originalTopic,
                         Optional<Integer> originalPartition, Optional<Long> originalOffset,
                         Optional<String> exceptionClass, Optional<String> exceptionMessage, Optional<String> reason) {

    public static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    public static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    public static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    public static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
    public static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    public static final String REASON = "plainpaper-dlt-reason";

    /** Headers that describe the dead-lettering, not the event; they are not replayed. */
    public static boolean isDeadLetterHeader(String name) {
        return name.startsWith("kafka_dlt-") || name.startsWith("plainpaper-dlt-");
    }

    public static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        return new DeadLetter(record,
                text(headers, ORIGINAL_TOPIC),
                number(headers, ORIGINAL_PARTITION).map(Long::intValue),
                number(headers, ORIGINAL_OFFSET),
                text(headers, EXCEPTION_FQCN),
                text(headers, EXCEPTION_MESSAGE),
                text(headers, REASON));
    }

    private static Optional<String> text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** spring-kafka writes partition and offset as big-endian int/long; a textual number is accepted too. */
    private static Optional<Long> number(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        byte[] value = header.value();
        if (value.length == Long.BYTES) {
            return Optional.of(ByteBuffer.wrap(value).getLong());
        }
        if (value.length == Integer.BYTES) {
            return Optional.of((long) ByteBuffer.wrap(value).getInt());
        }
        try {
            return Optional.of(Long.parseLong(new String(value, StandardCharsets.UTF_8).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** One line: where it sits, where it came from, and why. */
    public String describe() {
        StringBuilder line = new StringBuilder();
        line.append(record.topic()).append('[').append(record.partition()).append("]@").append(record.offset());
        line.append("  key=").append(printable(record.key()));
        line.append("  from=").append(originalTopic.orElse("?"));
        originalPartition.ifPresent(p -> line.append('[').append(p).append(']'));
        originalOffset.ifPresent(o -> line.append('@').append(o));
        line.append("  error=").append(exceptionClass.orElse("?"));
        exceptionMessage.ifPresent(m -> line.append(": ").append(oneLine(m, 200)));
        reason.ifPresent(r -> line.append("  reason=").append(oneLine(r, 200)));
        return line.toString();
    }

    static String printable(byte[] bytes) {
        if (bytes == null) {
            return "null";
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        boolean readable = text.chars().allMatch(c -> c >= 0x20 && c != 0x7f && c != 0xfffd);
        return readable ? text : "0x" + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 32))
                + (bytes.length > 32 ? "..." : "");
    }

    private static String oneLine(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max) + "...";
    }
}
