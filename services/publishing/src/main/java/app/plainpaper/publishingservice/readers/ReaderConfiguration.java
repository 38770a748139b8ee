package app.plainpaper.publishingservice.readers;

import app.plainpaper.events.DataKey;
import app.plainpaper.events.Subscriber;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.pipeline.kafka.EventLog;
import app.plainpaper.publishingservice.feedback.CommentErasure;
import app.plainpaper.publishingservice.feedback.CommentErasureEndpoint;
import app.plainpaper.publishingservice.feedback.FeedbackEndpoint;
import app.plainpaper.publishingservice.feedback.FeedbackIntake;
import app.plainpaper.publishingservice.personaldata.DataKeyring;
import app.plainpaper.publishingservice.personaldata.KeyEncryptionKey;
import app.plainpaper.publishingservice.personaldata.ReaderRecords;
import app.plainpaper.publishingservice.readerapi.ClientAddresses;
import app.plainpaper.publishingservice.readerapi.PublicEndpoint;
import app.plainpaper.publishingservice.readerapi.PublishedSummaries;
import app.plainpaper.publishingservice.readerapi.RateLimiter;
import app.plainpaper.publishingservice.site.SiteServer;
import app.plainpaper.publishingservice.subscribers.DigestRun;
import app.plainpaper.publishingservice.subscribers.ReaderMail;
import app.plainpaper.publishingservice.subscribers.SubscriberBook;
import app.plainpaper.publishingservice.subscribers.SubscriberEndpoints;
import app.plainpaper.publishingservice.subscribers.SubscriberMails;
import app.plainpaper.publishingservice.subscribers.Subscriptions;
import app.plainpaper.publishingservice.subscribers.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The reader side of the site: feedback, subscribers and their personal data, wired to Kafka, mail (SMTP, or a pickup directory locally) and port 8080. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReaderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReaderConfiguration.class);
    private static final Duration REPLAY = Duration.ofSeconds(60);

    @Bean
    KeyEncryptionKey keyEncryptionKey(@Value("${plainpaper.readers.kek:}") String configured,
            @Value("${plainpaper.readers.kek-file:${plainpaper.data-dir}/reader-kek}") Path file) {
        return configured.isBlank() ? KeyEncryptionKey.fromFile(file) : KeyEncryptionKey.fromBase64(configured);
    }

    /** Rebuilt from reader.data-keys on start, tombstones applied: an erased key never comes back. */
    @Bean
    DataKeyring dataKeyring(KeyEncryptionKey kek, ConsumerFactory<?, ?> consumers) {
        DataKeyring keyring = new DataKeyring(kek);
        CompactedReplay.replay(consumers.getConfigurationProperties(), Topics.DATA_KEYS, REPLAY, (keyId, value) -> {
            if (value instanceof DataKey key) {
                try {
                    keyring.remember(key);
                } catch (IllegalArgumentException e) {
                    log.warn("Data key {} cannot be unwrapped with the configured key-encryption key: {}", keyId, e.getMessage());
                }
            } else if (value == null) {
                keyring.forget(keyId);
            }
        });
        return keyring;
    }

    @Bean
    SubscriberBook subscriberBook(ConsumerFactory<?, ?> consumers) {
        SubscriberBook book = new SubscriberBook();
        CompactedReplay.replay(consumers.getConfigurationProperties(), Topics.SUBSCRIBERS, REPLAY, (id, value) -> {
            if (value instanceof Subscriber subscriber) {
                book.put(subscriber);
            } else if (value == null) {
                book.remove(id);
            }
        });
        return book;
    }

    @Bean
    PublishedSummaries publishedSummaries(ConsumerFactory<?, ?> consumers) {
        PublishedSummaries summaries = new PublishedSummaries();
        EventLog.replay(consumers.getConfigurationProperties(), List.of(Topics.PUBLISHED, Topics.UNPUBLISHED, Topics.RETRACTED),
                REPLAY, record -> apply(summaries, record.topic(), record.value()));
        return summaries;
    }

    static void apply(PublishedSummaries summaries, String topic, Object value) {
        if (!(value instanceof SummaryEvent event)) {
            return;
        }
        if (topic.equals(Topics.PUBLISHED) && event.getPublication() != null) {
            summaries.published(event.getSummaryId(), event.getSequence(), event.getPaper().getTitle(),
                    event.getPublication().getUrl(), event.getPublication().getPublishedAt());
        } else if (topic.equals(Topics.UNPUBLISHED) || topic.equals(Topics.RETRACTED)) {
            summaries.withdrawn(event.getSummaryId(), event.getSequence());
        }
    }

    @Bean
    LiveSummariesListener liveSummariesListener(PublishedSummaries summaries) {
        return new LiveSummariesListener(summaries);
    }

    /** Keeps {@link PublishedSummaries} current after the replay on start (idempotent by sequence). */
    static class LiveSummariesListener {
        private final PublishedSummaries summaries;

        LiveSummariesListener(PublishedSummaries summaries) {
            this.summaries = summaries;
        }

        @KafkaListener(id = "publishing-readers", topics = {Topics.PUBLISHED, Topics.UNPUBLISHED, Topics.RETRACTED})
        void on(ConsumerRecord<String, Object> record) {
            apply(summaries, record.topic(), record.value());
        }
    }

    @Bean
    ReaderRecords readerRecords(KafkaTemplate<Object, Object> kafka) {
        return new KafkaReaderRecords(kafka);
    }

    @Bean
    ClientAddresses clientAddresses(@Value("${plainpaper.readers.trusted-proxies:}") Set<String> trustedProxies) {
        return new ClientAddresses(trustedProxies);
    }

    @Bean
    Tokens tokens(KeyEncryptionKey kek) {
        return new Tokens(kek);
    }

    /**
     * SMTP by default; {@code plainpaper.readers.mail.transport=files} writes each mail as an .eml file into
     * {@code plainpaper.readers.mail.directory} instead (the local stack: no SMTP server needed). The production
     * profile refuses the file transport: mails would pile up on a disk instead of reaching readers.
     */
    @Bean
    ReaderMail readerMail(ObjectProvider<JavaMailSender> sender, @Value("${plainpaper.readers.mail.from}") String from,
            @Value("${plainpaper.readers.mail.transport:smtp}") String transport,
            @Value("${plainpaper.readers.mail.directory:}") String directory, Environment environment, Clock clock) {
        switch (transport) {
            case "files" -> {
                if (environment.acceptsProfiles(Profiles.of("prod"))) {
                    throw new IllegalStateException("plainpaper.readers.mail.transport=files is refused in the production "
                            + "profile: reader mail must go to an SMTP server");
                }
                if (directory.isBlank()) {
                    throw new IllegalStateException("plainpaper.readers.mail.transport=files needs plainpaper.readers.mail.directory");
                }
                PickupDirectoryMail files = new PickupDirectoryMail(Path.of(directory), from, clock);
                log.info("Reader mail is written as .eml files into {} (no SMTP server)", files.directory());
                return files;
            }
            case "smtp" -> {
                JavaMailSender smtp = sender.getIfAvailable();
                if (smtp == null) {
                    return mail -> {
                        throw new IllegalStateException("No SMTP server configured (spring.mail.host): cannot send reader mail");
                    };
                }
                return new SmtpReaderMail(smtp, from);
            }
            default -> throw new IllegalStateException("plainpaper.readers.mail.transport must be smtp or files, was '" + transport + "'");
        }
    }

    @Bean
    SubscriberMails subscriberMails(@Value("${plainpaper.site.base-url}") String baseUrl) {
        return new SubscriberMails(baseUrl, "Spinal Cord Research Help");
    }

    @Bean
    Subscriptions subscriptions(SubscriberBook book, DataKeyring keyring, ReaderRecords records, Tokens tokens, ReaderMail mail,
            SubscriberMails mails, Clock clock, @Value("${plainpaper.readers.confirm-within:7d}") Duration confirmWithin) {
        return new Subscriptions(book, keyring, records, tokens, mail, mails, clock, confirmWithin);
    }

    @Bean
    DigestRun digestRun(SubscriberBook book, PublishedSummaries summaries, DataKeyring keyring, ReaderRecords records,
            Tokens tokens, ReaderMail mail, SubscriberMails mails, Clock clock) {
        return new DigestRun(book, summaries, keyring, records, tokens, mail, mails, clock);
    }

    @Bean
    DigestSchedule digestSchedule(DigestRun digest, Subscriptions subscriptions) {
        return new DigestSchedule(digest, subscriptions);
    }

    /** The digest on its cron (plainpaper.readers.digest.cron, "-" turns it off); unconfirmed addresses expire hourly. */
    static class DigestSchedule {
        private final DigestRun digest;
        private final Subscriptions subscriptions;

        DigestSchedule(DigestRun digest, Subscriptions subscriptions) {
            this.digest = digest;
            this.subscriptions = subscriptions;
        }

        @Scheduled(cron = "${plainpaper.readers.digest.cron:0 0 8 * * MON}", zone = "UTC")
        void sendDigest() {
            try {
                log.info("Sent {} digest mails", digest.send());
            } catch (RuntimeException e) {
                log.warn("Digest run failed: {}", e.toString());
            }
        }

        @Scheduled(fixedDelayString = "${plainpaper.readers.expire-every:1h}", initialDelayString = "${plainpaper.readers.expire-every:1h}")
        void expireUnconfirmed() {
            int erased = subscriptions.expirePending();
            if (erased > 0) {
                log.info("Erased {} unconfirmed subscriptions", erased);
            }
        }
    }

    /** The erasure tokens' hashes, rebuilt from the headers of reader.data-keys (tombstones applied). */
    @Bean
    CommentErasure commentErasure(DataKeyring keyring, ReaderRecords records, ConsumerFactory<?, ?> consumers) {
        CommentErasure erasure = new CommentErasure(keyring, records);
        CompactedReplay.replay(consumers.getConfigurationProperties(), Topics.DATA_KEYS, REPLAY, (keyId, value, headers) -> {
            var hash = headers.lastHeader(CommentErasure.TOKEN_HASH_HEADER);
            if (value == null) {
                erasure.forget(keyId);
            } else if (hash != null) {
                erasure.remember(keyId, new String(hash.value(), StandardCharsets.US_ASCII));
            }
        });
        return erasure;
    }

    @Bean
    FeedbackIntake feedbackIntake(PublishedSummaries summaries, DataKeyring keyring, ReaderRecords records, CommentErasure erasure,
            Clock clock) {
        return new FeedbackIntake(summaries, keyring, records, erasure, clock);
    }

    private static RateLimiter limiter(int perWindow, Duration window, Clock clock) {
        return new RateLimiter(perWindow, window, 100_000, clock);
    }

    @Bean
    SiteServer.Endpoint feedbackEndpoint(FeedbackIntake intake, ClientAddresses clients, Clock clock,
            @Value("${plainpaper.readers.feedback.per-window:20}") int perWindow,
            @Value("${plainpaper.readers.rate-window:10m}") Duration window,
            @Value("${plainpaper.readers.max-body-bytes:32768}") int maxBody,
            @Value("${plainpaper.site.base-url}") String baseUrl) {
        var rules = new PublicEndpoint.Rules(Set.of("POST"), limiter(perWindow, window, clock), maxBody, true);
        return new SiteServer.Endpoint("/api/feedback", new FeedbackEndpoint(intake, rules, clients, baseUrl));
    }

    /** Its own context: the server picks the longest matching path, so /api/feedback does not take it. */
    @Bean
    SiteServer.Endpoint commentErasureEndpoint(CommentErasure erasure, ClientAddresses clients, Clock clock,
            @Value("${plainpaper.readers.erase.per-window:20}") int perWindow,
            @Value("${plainpaper.readers.rate-window:10m}") Duration window) {
        var rules = new PublicEndpoint.Rules(Set.of("GET", "POST", "DELETE"), limiter(perWindow, window, clock), 2048, false);
        return new SiteServer.Endpoint(CommentErasureEndpoint.PATH, new CommentErasureEndpoint(erasure, rules, clients));
    }

    @Bean
    SiteServer.Endpoint subscribeEndpoint(Subscriptions subscriptions, ClientAddresses clients, Clock clock,
            @Value("${plainpaper.readers.subscribe.per-window:5}") int perWindow,
            @Value("${plainpaper.readers.rate-window:10m}") Duration window) {
        var rules = new PublicEndpoint.Rules(Set.of("POST"), limiter(perWindow, window, clock), 2048, true);
        return new SiteServer.Endpoint("/api/subscribe", new SubscriberEndpoints.Subscribe(subscriptions, rules, clients));
    }

    @Bean
    SiteServer.Endpoint confirmEndpoint(Subscriptions subscriptions, ClientAddresses clients) {
        var rules = new PublicEndpoint.Rules(Set.of("GET"), null, 0, false);
        return new SiteServer.Endpoint("/api/subscribe/confirm", new SubscriberEndpoints.Confirm(subscriptions, rules, clients));
    }

    /** Not rate limited: one-click unsubscribes arrive from a few big mail providers' addresses. */
    @Bean
    SiteServer.Endpoint unsubscribeEndpoint(Subscriptions subscriptions, ClientAddresses clients) {
        var rules = new PublicEndpoint.Rules(Set.of("GET", "POST"), null, 2048, false);
        return new SiteServer.Endpoint("/api/unsubscribe", new SubscriberEndpoints.Unsubscribe(subscriptions, rules, clients));
    }
}
