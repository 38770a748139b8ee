package app.plainpaper.publishingservice.subscribers;

import app.plainpaper.events.Subscriber;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.publishingservice.personaldata.DataKeyring;
import app.plainpaper.publishingservice.personaldata.ReaderRecords;
import app.plainpaper.publishingservice.readerapi.PublishedSummaries;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Sends each confirmed subscriber the summaries first published since their last digest, then records the new
 * mark on the subscriber. A crash between the mail and the mark sends that digest again (at least once).
 */
public final class DigestRun {

    private final SubscriberBook book;
    private final PublishedSummaries summaries;
    private final DataKeyring keyring;
    private final ReaderRecords records;
    private final Tokens tokens;
    private final ReaderMail mail;
    private final SubscriberMails mails;
    private final Clock clock;

    public DigestRun(SubscriberBook book, PublishedSummaries summaries, DataKeyring keyring, ReaderRecords records,
            Tokens tokens, ReaderMail mail, SubscriberMails mails, Clock clock) {
        this.book = book;
        this.summaries = summaries;
        this.keyring = keyring;
        this.records = records;
        this.tokens = tokens;
        this.mail = mail;
        this.mails = mails;
        this.clock = clock;
    }

    /** @return how many digests were sent */
    public synchronized int send() {
        Instant now = clock.instant();
        int sent = 0;
        for (Subscriber subscriber : book.confirmed()) {
            Instant since = subscriber.getLastDigestAt() != null ? subscriber.getLastDigestAt() : subscriber.getConfirmedAt();
            List<PublishedSummaries.Live> fresh = summaries.publishedBetween(since == null ? subscriber.getSince() : since, now);
            if (fresh.isEmpty()) {
                continue;
            }
            var address = keyring.decrypt(subscriber.getEmail()).flatMap(EmailAddress::parse);
            if (address.isEmpty()) {
                continue;  // erased meanwhile: nobody left to write to
            }
            mail.send(mails.digest(address.get(), fresh, tokens.unsubscribeToken(subscriber.getSubscriberId())));
            Subscriber marked = Subscriber.newBuilder(subscriber).setLastDigestAt(now).build();
            synchronized (book) {
                if (book.byId(marked.getSubscriberId()).isEmpty()) {
                    continue;  // unsubscribed while the mail went out: do not write the subscriber back
                }
                records.write(List.of(new ReaderRecords.Entry(Topics.SUBSCRIBERS, marked.getSubscriberId(), marked)));
                book.put(marked);
            }
            sent++;
        }
        return sent;
    }
}
