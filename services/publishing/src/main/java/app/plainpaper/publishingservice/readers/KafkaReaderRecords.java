package app.plainpaper.publishingservice.readers;

import app.plainpaper.publishingservice.personaldata.ReaderRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.List;

/** Reader records in one Kafka transaction: a key and the data it encrypts land together or not at all. */
class KafkaReaderRecords implements ReaderRecords {

    private final KafkaTemplate<Object, Object> kafka;

    KafkaReaderRecords(KafkaTemplate<Object, Object> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void write(List<Entry> entries) {
        kafka.executeInTransaction(t -> {
            for (var entry : entries) {
                var record = new ProducerRecord<Object, Object>(entry.topic(), entry.key(), entry.value());
                entry.headers().forEach((name, value) -> record.headers().add(name, value));
                t.send(record);
            }
            return null;
        });
    }
}
