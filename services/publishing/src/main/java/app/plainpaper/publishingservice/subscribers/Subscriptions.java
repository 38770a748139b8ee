package app.plainpaper.publishingservice.subscribers;

import app.plainpaper.events.Subscriber;
import app.plainpaper.events.SubscriberState;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.publishingservice.personaldata.DataKeyring;
import app.plainpaper.publishingservice.personaldata.ReaderRecords;
import app.plainpaper.publishingservice.personaldata.ReaderRecords.Entry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Double opt-in. A subscription starts PENDING with the address encrypted under the subscriber's own data key, and
 * only a click on the mailed confirmation link makes it CONFIRMED. Unsubscribing erases: a tombstone for the
 * subscriber and one for the data key, after which the encrypted address left in the log can no longer be read.
 */
public final class Subscriptions {

    /** How soon the same address may be sent another confirmation mail (limits mail-bombing a stranger). */
    static final Duration RESEND_AFTER = Duration.ofMinutes(5);

    /** Subscribers whose last confirmation mail failed to send (in memory, as is the rest of this instance's state). */
    private final java.util.Set<String> undelivered = new java.util.HashSet<>();

    public enum Confirmation { CONFIRMED, EXPIRED, UNKNOWN }

    private final SubscriberBook book;
    private final DataKeyring keyring;
    private final ReaderRecords records;
    private final Tokens tokens;
    private final ReaderMail mail;
    private final SubscriberMails mails;
    private final Clock clock;
    private final Duration confirmWithin;

    public Subscriptions(SubscriberBook book, DataKeyring keyring, ReaderRecords records, Tokens tokens, ReaderMail mail,
            SubscriberMails mails, Clock clock, Duration confirmWithin) {
        this.book = book;
        this.keyring = keyring;
        this.records = records;
        this.tokens = tokens;
        this.mail = mail;
        this.mails = mails;
        this.clock = clock;
        this.confirmWithin = confirmWithin;
    }

    /** Asks for a subscription. Says nothing about whether the address was known: the answer is always the same. */
    public synchronized void subscribe(EmailAddress address) {
        Instant now = clock.instant();
        String addressHash = tokens.addressHash(address);
        Optional<Subscriber> existing = book.byAddressHash(addressHash);
        if (existing.isPresent() && (existing.get().getState() == SubscriberState.CONFIRMED
                || existing.get().getSince().plus(RESEND_AFTER).isAfter(now)
                && !undelivered.contains(existing.get().getSubscriberId()))) {
            return;
        }
        String confirm = Tokens.random();
        Subscriber subscriber;
        if (existing.isPresent()) {
            subscriber = Subscriber.newBuilder(existing.get()).setConfirmTokenHash(Tokens.hash(confirm)).setSince(now).build();
            records.write(List.of(new Entry(Topics.SUBSCRIBERS, subscriber.getSubscriberId(), subscriber)));
        } else {
            String id = UUID.randomUUID().toString();
            DataKeyring.NewKey key = keyring.create("subscriber-" + id, "subscriber", now);
            subscriber = Subscriber.newBuilder()
                    .setSubscriberId(id)
                    .setState(SubscriberState.PENDING)
                    .setEmail(key.encrypt(address.value()))
                    .setEmailHash(addressHash)
                    .setConfirmTokenHash(Tokens.hash(confirm))
                    .setUnsubscribeTokenHash(Tokens.hash(tokens.unsubscribeToken(id)))
                    .setSince(now)
                    .build();
            records.write(List.of(new Entry(Topics.DATA_KEYS, key.record().getKeyId(), key.record()),
                    new Entry(Topics.SUBSCRIBERS, id, subscriber)));
            keyring.remember(key);
        }
        book.put(subscriber);
        // a confirmation that could not be sent (the reader saw 503) is sent again on the next ask, however soon
        undelivered.add(subscriber.getSubscriberId());
        mail.send(mails.confirmation(address, confirm, tokens.unsubscribeToken(subscriber.getSubscriberId())));
        undelivered.remove(subscriber.getSubscriberId());
    }

    public synchronized Confirmation confirm(String token) {
        if (!Tokens.wellFormed(token)) {
            return Confirmation.UNKNOWN;
        }
        Optional<Subscriber> pending = book.byConfirmTokenHash(Tokens.hash(token));
        if (pending.isEmpty() || pending.get().getState() != SubscriberState.PENDING) {
            return Confirmation.UNKNOWN;
        }
        Instant now = clock.instant();
        if (pending.get().getSince().plus(confirmWithin).isBefore(now)) {
            erase(pending.get());
            return Confirmation.EXPIRED;
        }
        Subscriber confirmed = Subscriber.newBuilder(pending.get())
                .setState(SubscriberState.CONFIRMED)
                .setConfirmTokenHash(null)
                .setConfirmedAt(now)
                .setLastDigestAt(now)
                .build();
        records.write(List.of(new Entry(Topics.SUBSCRIBERS, confirmed.getSubscriberId(), confirmed)));
        book.put(confirmed);
        return Confirmation.CONFIRMED;
    }

    /** Whether the token belongs to a current subscription (for the confirmation page). */
    public boolean knows(String unsubscribeToken) {
        return Tokens.wellFormed(unsubscribeToken) && book.byUnsubscribeTokenHash(Tokens.hash(unsubscribeToken)).isPresent();
    }

    /** Unsubscribes and erases. @return false if there was nothing (left) to erase */
    public synchronized boolean unsubscribe(String token) {
        if (!Tokens.wellFormed(token)) {
            return false;
        }
        Optional<Subscriber> subscriber = book.byUnsubscribeTokenHash(Tokens.hash(token));
        subscriber.ifPresent(this::erase);
        return subscriber.isPresent();
    }

    /** Erases pending subscriptions that were never confirmed in time. @return how many */
    public synchronized int expirePending() {
        Instant cutoff = clock.instant().minus(confirmWithin);
        List<Subscriber> stale = book.all().stream()
                .filter(s -> s.getState() != SubscriberState.CONFIRMED && s.getSince().isBefore(cutoff)).toList();
        stale.forEach(this::erase);
        return stale.size();
    }

    private void erase(Subscriber subscriber) {
        String keyId = subscriber.getEmail().getKeyId();
        synchronized (book) {  // the digest marks subscribers under the same lock: it cannot bring one back
            records.write(List.of(new Entry(Topics.SUBSCRIBERS, subscriber.getSubscriberId(), null),
                    new Entry(Topics.DATA_KEYS, keyId, null)));
            keyring.forget(keyId);
            book.remove(subscriber.getSubscriberId());
        }
    }
}
