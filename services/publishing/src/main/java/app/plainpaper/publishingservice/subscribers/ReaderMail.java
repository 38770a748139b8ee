package app.plainpaper.publishingservice.subscribers;

import java.util.Map;

/** Sends one plain-text mail (SMTP in production). */
public interface ReaderMail {

    /** @param headers extra headers such as List-Unsubscribe; names and values must hold no CR or LF */
    record Mail(String to, String subject, String text, Map<String, String> headers) {
        public Mail {
            for (var header : headers.entrySet()) {
                if ((header.getKey() + header.getValue()).matches("(?s).*[\\r\\n].*")) {
                    throw new IllegalArgumentException("A mail header may not hold a line break");
                }
            }
            if ((to + subject).matches("(?s).*[\\r\\n].*")) {
                throw new IllegalArgumentException("A recipient or subject may not hold a line break");
            }
        }
    }

    void send(Mail mail);
}
