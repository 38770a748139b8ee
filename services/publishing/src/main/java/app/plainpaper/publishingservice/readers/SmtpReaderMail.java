package app.plainpaper.publishingservice.readers;

import app.plainpaper.publishingservice.subscribers.ReaderMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import java.nio.charset.StandardCharsets;

/** Sends reader mails over SMTP (spring.mail.*). */
class SmtpReaderMail implements ReaderMail {

    private final JavaMailSender sender;
    private final String from;

    SmtpReaderMail(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(Mail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            message.setFrom(new InternetAddress(from, true));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setText(mail.text(), StandardCharsets.UTF_8.name());
            for (var header : mail.headers().entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            // Bulk mail: no vacation auto-replies.
            message.setHeader("Auto-Submitted", "auto-generated");
        } catch (MessagingException e) {
            throw new MailSendException("Could not build the mail", e);
        }
        sender.send(message);
    }
}
