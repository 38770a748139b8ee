package app.plainpaper.publishingservice.readers;

import app.plainpaper.publishingservice.subscribers.ReaderMail;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** File names sort in sending order even when the clock does not move; each file is one whole message. */
class PickupDirectoryMailTest {

    @Test
    void mailsWrittenInTheSameClockTickStillSortInSendingOrder(@TempDir Path dir) throws Exception {
        Clock stopped = Clock.fixed(Instant.parse("2026-11-27T16:42:33.123456789Z"), ZoneOffset.UTC);
        var mail = new PickupDirectoryMail(dir.resolve("mail"), "Spinal Cord Research Help <digest@spinalcord.help>", stopped);
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            subjects.add("Mail " + i);
            mail.send(new ReaderMail.Mail("reader@example.org", "Mail " + i, "Body " + i + "\n", Map.of("List-Id", "<digest.spinalcord.help>")));
        }

        List<Path> files;
        try (Stream<Path> listed = Files.list(dir.resolve("mail"))) {
            files = listed.sorted().toList();
        }
        assertThat(files).hasSize(12);
        assertThat(files.get(0).getFileName().toString()).startsWith("20261127T164233.123456789Z-");
        assertThat(files.get(1).getFileName().toString()).startsWith("20261127T164233.123456790Z-");
        List<String> read = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                read.add(message.getSubject());
                assertThat(message.getHeader("List-Id")).containsExactly("<digest.spinalcord.help>");
                assertThat(message.getSentDate().toInstant().getEpochSecond()).isEqualTo(stopped.instant().getEpochSecond());
            }
        }
        assertThat(read).isEqualTo(subjects);
    }
}
