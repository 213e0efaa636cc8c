/**
 * Sends what the platform has to tell people: one-time codes, confirmations, reminders and
 * notices, by SMS and e-mail. In the default profile every message lands in the dev outbox
 * ({@code /dev/outbox}), where it can be read instead of being delivered.
 *
 * <p>It does not decide <em>when</em> to tell someone (the module that owns the event does) and
 * keeps no medical data beyond the text of a message.
 */
@ApplicationModule(displayName = "Notifications")
package org.medkarta.notification;

import org.springframework.modulith.ApplicationModule;
