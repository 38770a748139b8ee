package app.plainpaper.publishingservice.readers;

import app.plainpaper.publishingservice.subscribers.ReaderMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

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
            MimeMail.fill(message, from, mail);
        } catch (MessagingException e) {
            throw new MailSendException("Could not build the mail", e);
        }
        sender.send(message);
    }
}
