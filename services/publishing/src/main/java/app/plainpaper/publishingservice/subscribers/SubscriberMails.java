package app.plainpaper.publishingservice.subscribers;

import app.plainpaper.publishingservice.readerapi.PublishedSummaries;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The texts of the mails to subscribers: plain text only (no HTML to inject into), titles stripped of control
 * characters and line breaks, and every mail with a one-click unsubscribe (RFC 8058) and the link in the body.
 */
public final class SubscriberMails {

    private final String siteUrl;
    private final String siteName;

    public SubscriberMails(String siteUrl, String siteName) {
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
        this.siteName = siteName;
    }

    public String confirmUrl(String token) {
        return siteUrl + "/api/subscribe/confirm?token=" + token;
    }

    public String unsubscribeUrl(String token) {
        return siteUrl + "/api/unsubscribe?token=" + token;
    }

    public ReaderMail.Mail confirmation(EmailAddress to, String confirmToken, String unsubscribeToken) {
        String text = """
                Please confirm that you want the %s e-mail digest of new research summaries:

                %s

                If you did not ask for this, ignore this mail: without confirmation we erase your address within days.
                To erase it now: %s
                """.formatted(siteName, confirmUrl(confirmToken), unsubscribeUrl(unsubscribeToken));
        return new ReaderMail.Mail(to.value(), "Confirm your subscription to " + siteName, text, unsubscribe(unsubscribeToken));
    }

    public ReaderMail.Mail digest(EmailAddress to, List<PublishedSummaries.Live> summaries, String unsubscribeToken) {
        StringBuilder text = new StringBuilder("New plain-language research summaries on ").append(siteName).append(":\n\n");
        for (var summary : summaries) {
            text.append("- ").append(oneLine(summary.title())).append('\n').append("  ").append(oneLine(summary.url())).append("\n\n");
        }
        text.append("Summaries explain research; they are not medical advice.\n\n")
                .append("You get this mail because you subscribed at ").append(siteUrl).append("/subscribe/.\n")
                .append("Unsubscribe (this also erases your address): ").append(unsubscribeUrl(unsubscribeToken)).append('\n');
        String subject = summaries.size() == 1 ? "1 new research summary" : summaries.size() + " new research summaries";
        return new ReaderMail.Mail(to.value(), subject + " | " + siteName, text.toString(), unsubscribe(unsubscribeToken));
    }

    private Map<String, String> unsubscribe(String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribeUrl(token) + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return headers;
    }

    /** Text from a summary cannot start a new line or carry control characters into the mail. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}\\s]+", " ").strip();
    }
}
