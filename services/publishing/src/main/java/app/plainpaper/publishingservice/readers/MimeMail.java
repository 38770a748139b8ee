package app.plainpaper.publishingservice.readers;

import app.plainpaper.publishingservice.subscribers.ReaderMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;

/** A reader mail as a MIME message: the same headers and body whether it goes over SMTP or into a pickup directory. */
final class MimeMail {

    private MimeMail() {
    }

    static void fill(MimeMessage message, String from, ReaderMail.Mail mail) throws MessagingException {
        message.setFrom(new InternetAddress(from, true));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.text(), StandardCharsets.UTF_8.name());
        for (var header : mail.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        // Bulk mail: no vacation auto-replies.
        message.setHeader("Auto-Submitted", "auto-generated");
    }
}
