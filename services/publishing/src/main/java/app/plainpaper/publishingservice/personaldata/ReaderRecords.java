package app.plainpaper.publishingservice.personaldata;

import java.util.List;

/** Writes reader records together: all of them or none (one Kafka transaction in production). */
public interface ReaderRecords {

    /** A record; a null value is a tombstone. */
    record Entry(String topic, String key, Object value) {
    }

    /** Returns once every entry is committed; throws if they could not be. */
    void write(List<Entry> entries);
}
