package org.medkarta.notification;

import java.time.Instant;

/** A message as it was sent: to a phone (E.164) for SMS, to an address for e-mail. */
public record OutboundMessage(Channel channel, String to, String subject, String body, Instant sentAt) {}
