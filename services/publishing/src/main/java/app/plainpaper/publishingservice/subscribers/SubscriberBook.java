package app.plainpaper.publishingservice.subscribers;

import app.plainpaper.events.Subscriber;
import app.plainpaper.events.SubscriberState;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The subscribers as the compacted reader.subscribers holds them, with lookups by address hash and token hash. */
public final class SubscriberBook {

    private final Map<String, Subscriber> byId = new ConcurrentHashMap<>();
    private final Map<String, String> byAddress = new ConcurrentHashMap<>();
    private final Map<String, String> byConfirmToken = new ConcurrentHashMap<>();
    private final Map<String, String> byUnsubscribeToken = new ConcurrentHashMap<>();

    public synchronized void put(Subscriber subscriber) {
        remove(subscriber.getSubscriberId());
        byId.put(subscriber.getSubscriberId(), subscriber);
        byAddress.put(subscriber.getEmailHash(), subscriber.getSubscriberId());
        if (subscriber.getConfirmTokenHash() != null) {
            byConfirmToken.put(subscriber.getConfirmTokenHash(), subscriber.getSubscriberId());
        }
        byUnsubscribeToken.put(subscriber.getUnsubscribeTokenHash(), subscriber.getSubscriberId());
    }

    /** A tombstone. */
    public synchronized void remove(String subscriberId) {
        Subscriber old = byId.remove(subscriberId);
        if (old != null) {
            byAddress.remove(old.getEmailHash(), subscriberId);
            if (old.getConfirmTokenHash() != null) {
                byConfirmToken.remove(old.getConfirmTokenHash(), subscriberId);
            }
            byUnsubscribeToken.remove(old.getUnsubscribeTokenHash(), subscriberId);
        }
    }

    public Optional<Subscriber> byAddressHash(String hash) {
        return Optional.ofNullable(byAddress.get(hash)).map(byId::get);
    }

    public Optional<Subscriber> byConfirmTokenHash(String hash) {
        return Optional.ofNullable(byConfirmToken.get(hash)).map(byId::get);
    }

    public Optional<Subscriber> byUnsubscribeTokenHash(String hash) {
        return Optional.ofNullable(byUnsubscribeToken.get(hash)).map(byId::get);
    }

    public Optional<Subscriber> byId(String subscriberId) {
        return Optional.ofNullable(byId.get(subscriberId));
    }

    public List<Subscriber> confirmed() {
        return byId.values().stream().filter(s -> s.getState() == SubscriberState.CONFIRMED)
                .sorted(java.util.Comparator.comparing(Subscriber::getSubscriberId)).toList();
    }

    public List<Subscriber> all() {
        return List.copyOf(byId.values());
    }
}
