package app.plainpaper.serde.subject;

import org.apache.avro.Schema;

/** The record's full name: one lineage per record type, shared by every topic carrying it. */
public final class RecordNameStrategy implements SubjectNameStrategy {

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return schema.getFullName();
    }
}
