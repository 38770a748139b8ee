package app.plainpaper.desk.kafka;

/**
 * A desk record (claim, comment, profile, decision) could not be written because Kafka or the schema registry is not
 * answering. Nothing was applied: the caller may try again once they are back.
 */
public class KafkaUnavailable extends RuntimeException {

    private final String topic;

    KafkaUnavailable(String topic, Throwable cause) {
        super("Could not write to " + topic + ": " + cause.getMessage(), cause);
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }
}
