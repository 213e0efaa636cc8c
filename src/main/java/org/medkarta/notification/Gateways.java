package org.medkarta.notification;

import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Picks each channel's gateway from configuration. A gateway that is chosen but not configured
 * still starts: its messages wait in the outbox with the missing setting as their last error.
 */
@Configuration(proxyBeanMethods = false)
class Gateways {

    @Bean
    SmsGateway smsGateway(NotificationProperties properties, ObjectProvider<DevOutbox> devOutbox, Clock clock) {
        var sms = properties.sms();
        return switch (sms.gateway()) {
            case OUTBOX -> new DevOutboxGateway(Optional.ofNullable(devOutbox.getIfAvailable()), clock)::keep;
            case SMPP -> new SmppSmsGateway(sms.smpp());
            case HTTP -> new HttpSmsGateway(sms.http());
            case NONE ->
                message -> {
                    throw new ChannelUnavailable(Channel.SMS, "medkarta.notification.sms.gateway is none");
                };
        };
    }

    @Bean
    MailGateway mailGateway(
            NotificationProperties properties,
            ObjectProvider<DevOutbox> devOutbox,
            ObjectProvider<JavaMailSender> smtp,
            Clock clock) {
        var mail = properties.mail();
        return switch (mail.gateway()) {
            case OUTBOX -> new DevOutboxGateway(Optional.ofNullable(devOutbox.getIfAvailable()), clock)::keep;
            case SMTP -> new SmtpMailGateway(Optional.ofNullable(smtp.getIfAvailable()), mail.from());
            case NONE ->
                message -> {
                    throw new ChannelUnavailable(Channel.EMAIL, "medkarta.notification.mail.gateway is none");
                };
        };
    }
}
