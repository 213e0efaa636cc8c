/**
 * Sends what the platform has to tell people: one-time codes, confirmations, reminders and
 * notices, by SMS, e-mail and the in-app notification centre, by the channels each user chose.
 * Every SMS and e-mail goes through a transactional outbox (SPEC H3): written in the caller's
 * transaction, delivered after commit by a dispatcher that retries with back-off and that any
 * number of nodes may run. Gateways: the dev outbox ({@code /dev/outbox}, the default, where a
 * delivered message can be read), SMPP or an HTTP provider for SMS, SMTP for e-mail.
 *
 * <p>It does not decide <em>when</em> to tell someone (the module that owns the event does) and
 * keeps no medical data beyond the text of a message.
 */
@ApplicationModule(displayName = "Notifications")
package org.medkarta.notification;

import org.springframework.modulith.ApplicationModule;
