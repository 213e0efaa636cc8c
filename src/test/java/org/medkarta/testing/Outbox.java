package org.medkarta.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.medkarta.notification.DevOutbox;
import org.medkarta.notification.OutboundMessage;

/** Reads what the app "sent" from the dev outbox, as a person would read their phone or mailbox. */
public final class Outbox {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Pattern LINK = Pattern.compile("(https?://\\S+)");

    private Outbox() {}

    /**
     * The messages to a recipient, newest first, once at least {@code atLeast} have arrived and
     * nothing more is on its way to them (delivery runs on a background thread after commit).
     */
    public static List<OutboundMessage> to(DevOutbox outbox, String recipient, int atLeast) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            // Asked before reading: when nothing was on its way, everything sent is in what is read.
            boolean onItsWay = outbox.awaitingDelivery(recipient);
            List<OutboundMessage> messages = outbox.sentTo(recipient);
            if ((!onItsWay && messages.size() >= atLeast) || !Instant.now().isBefore(deadline)) {
                return messages;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
    }

    /**
     * The newest 6-digit code sent to a phone. A reminder or notice may arrive after the code (the
     * demo patients have appointments), so the newest message that carries a code is read.
     */
    public static String latestCode(DevOutbox outbox, String phone) {
        var messages = to(outbox, phone, 1);
        return messages.stream()
                .filter(message -> CODE.matcher(message.body()).find())
                .findFirst()
                .map(message -> find(CODE, message.body()))
                .orElseGet(() -> find(CODE, messages.get(0).body()));
    }

    /** The newest link e-mailed to an address. */
    public static String latestLink(DevOutbox outbox, String address) {
        return find(LINK, to(outbox, address, 1).get(0).body());
    }

    private static String find(Pattern pattern, String text) {
        var matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("Nothing like " + pattern + " in: " + text);
        }
        return matcher.group(1);
    }
}
