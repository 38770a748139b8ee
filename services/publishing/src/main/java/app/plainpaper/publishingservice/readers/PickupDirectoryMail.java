package app.plainpaper.publishingservice.readers;

import app.plainpaper.publishingservice.subscribers.ReaderMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Local development only: writes each reader mail as an RFC 5322 message ({@code .eml}, CRLF line ends) into a pickup
 * directory instead of sending it, so subscribe, confirm, digest and unsubscribe work without an SMTP server.
 * <p>
 * One file per message, named by the UTC time it was written ({@code 20261127T164233.123456789Z-<random>.eml}), so the
 * names sort in sending order. A file appears whole or not at all: it is written under a hidden temporary name in the
 * same directory, synced, then moved into place atomically. Files hold the reader's address in plain text, so the
 * directory and the files are owner-only.
 */
final class PickupDirectoryMail implements ReaderMail {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path directory;
    private final String from;
    private final Clock clock;
    private final Session session;
    private Instant last = Instant.EPOCH;

    PickupDirectoryMail(Path directory, String from, Clock clock) {
        this.directory = directory.toAbsolutePath().normalize();
        this.from = from;
        this.clock = clock;
        Properties properties = new Properties();
        try {
            // Message-IDs take their domain from the sender, not from a host name lookup.
            properties.setProperty("mail.from", new InternetAddress(from, true).getAddress());
        } catch (MessagingException e) {
            throw new IllegalArgumentException("plainpaper.readers.mail.from is not an address: " + from, e);
        }
        this.session = Session.getInstance(properties);
        try {
            Files.createDirectories(this.directory);
            if (POSIX) {
                Files.setPosixFilePermissions(this.directory, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the mail pickup directory " + this.directory, e);
        }
    }

    Path directory() {
        return directory;
    }

    @Override
    public void send(Mail mail) {
        Instant at = nextStamp();
        MimeMessage message = new MimeMessage(session);
        Path temporary = null;
        try {
            MimeMail.fill(message, from, mail);
            message.setSentDate(Date.from(at));
            message.saveChanges();
            Path target = directory.resolve(STAMP.format(at) + "-" + HexFormat.of().formatHex(randomBytes()) + ".eml");
            temporary = POSIX
                    ? Files.createTempFile(directory, ".", ".eml.tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(directory, ".", ".eml.tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = new CrlfLines(new java.io.BufferedOutputStream(Channels.newOutputStream(channel)))) {
                message.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not build the mail", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the mail into " + directory, e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the failure above is what matters; a hidden leftover is harmless
                }
            }
        }
    }

    /** Strictly increasing within this process, so two mails in the same clock tick still sort in sending order. */
    private synchronized Instant nextStamp() {
        Instant now = clock.instant();
        last = now.isAfter(last) ? now : last.plusNanos(1);
        return last;
    }

    /**
     * RFC 5322 lines end in CRLF. Jakarta Mail writes headers that way but leaves a 7-bit body's line ends as they
     * are (its SMTP transport fixes them on the wire), so bare CR or LF become CRLF here.
     */
    static final class CrlfLines extends java.io.FilterOutputStream {
        private int previous = -1;

        CrlfLines(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (b == '\r') {
                out.write('\r');
                out.write('\n');
            } else if (b == '\n') {
                if (previous != '\r') {
                    out.write('\r');
                    out.write('\n');
                }
            } else {
                out.write(b);
            }
            previous = b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
