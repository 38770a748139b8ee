package app.plainpaper.publishingservice.readers;

import app.plainpaper.events.Subscriber;
import app.plainpaper.publishingservice.PublishingApplication;
import app.plainpaper.publishingservice.personaldata.DataKeyring;
import app.plainpaper.publishingservice.subscribers.DigestRun;
import app.plainpaper.publishingservice.subscribers.SubscriberBook;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The local stack's mail transport: with plainpaper.readers.mail.transport=files every reader mail becomes an .eml file
 * in a pickup directory, and a developer can go through subscribe, confirm, digest and unsubscribe with no SMTP server.
 * The files are read back as any mail client would, with Jakarta Mail; the links in them are followed on the real site.
 */
class MailPickupDirectoryTest extends ReaderSite {

    static final Path MAIL = DATA.resolve("mail-" + UUID.randomUUID());

    @DynamicPropertySource
    static void pickupDirectory(DynamicPropertyRegistry registry) {
        registry.add("plainpaper.readers.mail.transport", () -> "files");
        registry.add("plainpaper.readers.mail.directory", MAIL::toString);
        // No SMTP server at all: the file transport must not need one, and health must not ask for one.
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> "1");
    }

    @Autowired
    DataKeyring keyring;
    @Autowired
    SubscriberBook book;
    @Autowired
    DigestRun digest;
    @Value("${local.server.port}")
    int servicePort;

    /** The finished mails, in file-name order (which is sending order); temporary files are hidden and never listed. */
    static List<Path> mailFiles() throws Exception {
        try (Stream<Path> files = Files.list(MAIL)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml") && !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    static MimeMessage read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    List<Path> mailsTo(String address) throws Exception {
        List<Path> to = new java.util.ArrayList<>();
        for (Path file : mailFiles()) {
            if (read(file).getAllRecipients()[0].toString().equals(address)) {
                to.add(file);
            }
        }
        return to;
    }

    @Test
    void subscribeConfirmDigestAndUnsubscribeThroughMailFiles() throws Exception {
        String address = "local." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String client = freshClient();

        // 1. Subscribe: the confirmation arrives as one .eml file, a complete RFC 5322 message.
        var asked = postForm("/api/subscribe", "email=" + URLEncoder.encode(address, StandardCharsets.UTF_8), client, "application/json");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        assertThat(asked.body()).isEqualTo("{\"status\":\"pending\"}");
        Path confirmationFile = await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address), m -> m.size() == 1).get(0);
        assertThat(confirmationFile.getFileName().toString()).matches("\\d{8}T\\d{6}\\.\\d{9}Z-[0-9a-f]{8}\\.eml");
        byte[] raw = Files.readAllBytes(confirmationFile);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n') {
                assertThat(i > 0 && raw[i - 1] == '\r').as("line %d ends in CRLF", i).isTrue();
            }
        }
        MimeMessage confirmation = read(confirmationFile);
        assertThat(confirmation.getSubject()).isEqualTo("Confirm your subscription to Spinal Cord Research Help");
        assertThat(confirmation.getFrom()[0].toString()).isEqualTo("Spinal Cord Research Help <digest@spinalcord.help>");
        assertThat(confirmation.getSentDate()).isNotNull();
        assertThat(confirmation.getMessageID()).endsWith("@spinalcord.help>");
        assertThat(confirmation.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(confirmation.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        String text = SubscriberLifecycleTest.body(confirmation);
        String unsubscribe = SubscriberLifecycleTest.link(text, "/api/unsubscribe");
        assertThat(confirmation.getHeader("List-Unsubscribe")).containsExactly("<http://localhost:8080" + unsubscribe + ">");
        assertThat(confirmation.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        if (MAIL.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(confirmationFile)))
                    .as("the file holds an address: owner only").isEqualTo("rw-------");
        }
        Subscriber pending = book.all().stream().filter(s -> keyring.decrypt(s.getEmail()).orElse("").equals(address)).findFirst().orElseThrow();

        // 2. Follow the confirmation link from the file.
        var confirmed = get(SubscriberLifecycleTest.link(text, "/api/subscribe/confirm"));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Subscription confirmed");

        // 3. A summary published after confirming comes in the digest: a second file, sorting after the first.
        String title = "Standing frames at home " + UUID.randomUUID();
        publish(title);
        assertThat(digest.send()).isGreaterThanOrEqualTo(1);
        List<Path> both = await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address), m -> m.size() == 2);
        assertThat(both.get(0)).isEqualTo(confirmationFile);
        MimeMessage digestMail = read(both.get(1));
        assertThat(digestMail.getSubject()).endsWith("| Spinal Cord Research Help");
        assertThat(SubscriberLifecycleTest.body(digestMail)).contains("- " + title)
                .contains("Unsubscribe (this also erases your address): http://localhost:8080" + unsubscribe);
        assertThat(digestMail.getHeader("List-Unsubscribe")).containsExactly("<http://localhost:8080" + unsubscribe + ">");
        assertThat(digestMail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(digestMail.getMessageID()).isNotEqualTo(confirmation.getMessageID());

        // 4. The one-click unsubscribe (what a mail client sends for List-Unsubscribe-Post) erases the subscriber and key.
        var oneClick = HTTP.send(HttpRequest.newBuilder(site(unsubscribe))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.body()).contains("You are unsubscribed");
        assertThat(book.byId(pending.getSubscriberId())).isEmpty();
        assertThat(keyring.knows(pending.getEmail().getKeyId())).isFalse();

        // No temporary file is left behind, and no further mail was written.
        try (Stream<Path> files = Files.list(MAIL)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.startsWith(".") || name.endsWith(".tmp"));
        }
        assertThat(mailsTo(address)).hasSize(2);
    }

    @Test
    void aConfirmationThatCouldNotBeSentIsSentWhenTheReaderAsksAgain() throws Exception {
        String address = "retry." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String client = freshClient();
        String form = "email=" + URLEncoder.encode(address, StandardCharsets.UTF_8);
        Path away = MAIL.resolveSibling(MAIL.getFileName() + ".away");
        Files.move(MAIL, away);
        Files.writeString(MAIL, "not a directory: every mail fails");
        try {
            var failed = postForm("/api/subscribe", form, client, "application/json");
            assertThat(failed.statusCode()).as(failed.body()).isEqualTo(503);
        } finally {
            Files.delete(MAIL);
            Files.move(away, MAIL);
        }
        // within the five minutes in which a repeated ask normally sends nothing
        var again = postForm("/api/subscribe", form, client, "application/json");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address), m -> m.size() == 1);
        // and once it went out, asking again soon sends no second one
        assertThat(postForm("/api/subscribe", form, client, "application/json").statusCode()).isEqualTo(200);
        assertThat(mailsTo(address)).hasSize(1);
    }

    @Test
    void healthDoesNotDependOnMail() throws Exception {
        var health = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + servicePort + "/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void theProductionProfileRefusesTheFileTransport() {
        assertThatThrownBy(() -> SpringApplication.run(PublishingApplication.class, BED.serviceArgs(
                "--spring.profiles.active=prod",
                "--plainpaper.site.port=0",
                "--plainpaper.data-dir=" + DATA.resolve("prod-" + UUID.randomUUID()),
                "--plainpaper.readers.kek=" + TEST_KEK,
                "--plainpaper.readers.mail.transport=files",
                "--plainpaper.readers.mail.directory=" + DATA.resolve("prod-mail"),
                "--spring.kafka.listener.auto-startup=false")).close())
                .rootCause().hasMessageContaining("plainpaper.readers.mail.transport=files is refused in the production profile");
        assertThat(DATA.resolve("prod-mail")).doesNotExist();
    }
}
