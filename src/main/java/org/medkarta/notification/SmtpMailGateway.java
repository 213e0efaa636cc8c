package org.medkarta.notification;

import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends e-mail over SMTP through Spring's {@link JavaMailSender} ({@code spring.mail.*}). Subject
 * and body are UTF-8, so Russian text arrives intact.
 */
class SmtpMailGateway implements MailGateway {

    private final Optional<JavaMailSender> sender;
    private final String from;

    SmtpMailGateway(Optional<JavaMailSender> sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(Envelope email) throws MessagingException {
        JavaMailSender smtp = sender.orElseThrow(
                () -> new ChannelUnavailable(Channel.EMAIL, "spring.mail.host is not set, so there is no SMTP server"));
        var message = smtp.createMimeMessage();
        var helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(email.to());
        helper.setSubject(email.subject() == null ? "" : email.subject());
        helper.setText(email.body(), false);
        // Lets a mail log or a receiving system recognise a retried message.
        message.setHeader("X-Medkarta-Message-Key", email.idempotencyKey());
        smtp.send(message);
    }
}
