package app.plainpaper.publishingservice.personaldata;

import java.util.List;
import java.util.Map;

/** Writes reader records together: all of them or none (one Kafka transaction in production). */
public interface ReaderRecords {

    /** A record; a null value is a tombstone. Headers travel with the record and leave with it at compaction. */
    record Entry(String topic, String key, Object value, Map<String, byte[]> headers) {

        public Entry(String topic, String key, Object value) {
            this(topic, key, value, Map.of());
        }

        public Entry {
            headers = Map.copyOf(headers);
        }
    }

    /** Returns once every entry is committed; throws if they could not be. */
    void write(List<Entry> entries);
}
