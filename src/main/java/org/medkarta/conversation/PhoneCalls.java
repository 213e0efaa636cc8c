package org.medkarta.conversation;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.Phone;
import org.medkarta.shared.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Calls to the patient's phone through a telephony gateway (SPEC D6; seed 004: «Аудиозвонок на
 * телефон» — «пациенту поступит звонок на мобильный телефон … пациент не видит при этом вашего
 * номера телефона»; «единственный способ связи с пациентом, если он на момент консультации не
 * авторизован в системе»). The owning module decides who may call whom and hands over both numbers;
 * this places the call (click-to-call: the doctor's phone rings first, then the patient's, and the
 * gateway bridges them) and records what the gateway reports. A call in which the two talked joins
 * the room's calls with mode {@link CallMode#PHONE}, its start, end and duration, and the same {@link
 * CallStarted} and {@link CallEnded} events as a call between browsers.
 *
 * <p>No phone number is stored, logged or shown: the gateway gets them with the request and nothing
 * else needs them.
 */
@Service
public class PhoneCalls {

    private static final Logger log = LoggerFactory.getLogger(PhoneCalls.class);

    private final Telephony telephony;
    private final PhoneCallRecords records;
    private final Rooms rooms;
    private final TelephonyProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PhoneCalls(
            Telephony telephony,
            PhoneCallRecords records,
            Rooms rooms,
            TelephonyProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.telephony = telephony;
        this.records = records;
        this.rooms = rooms;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Whether a telephony gateway is set up, so that the page offers the call at all. */
    public boolean available() {
        return telephony.available();
    }

    /**
     * Places a call from the doctor's phone to the patient's in the room. The call is recorded before
     * the gateway is asked, so that its events, however fast, find it; if the gateway cannot be
     * reached or refuses, the call is recorded as failed.
     *
     * @throws TelephonyRefusal {@code phone-calls-not-set-up} without a gateway, {@code
     *     call-in-progress} while a call rings or goes on in the room (to the phone or between
     *     browsers), {@code telephony-unavailable} when the gateway does not take the call
     * @throws ConversationRefusal {@code room-closed} when the room is closed
     * @throws NotFound when there is no such room
     */
    public PhoneCallView place(RoomId room, UserId doctor, Phone doctorPhone, Phone patientPhone) {
        if (!telephony.available()) {
            throw TelephonyRefusal.notSetUp();
        }
        PhoneCallView placed = transactions.execute(status -> {
            // The room row's lock orders two clicks at once: the second sees the first's call.
            if (!rooms.lockOpen(room).orElseThrow(NotFound::new)) {
                throw ConversationRefusal.roomClosed();
            }
            Instant now = clock.instant();
            boolean ringing = records.active(room).stream().anyMatch(call -> blocks(call, now));
            if (ringing || rooms.activeCall(room).isPresent()) {
                throw TelephonyRefusal.callInProgress();
            }
            var call = new PhoneCallView(
                    UUID.randomUUID(), room, doctor, now, PhoneCallStatus.REQUESTED, null, null, null);
            records.insert(call);
            return call;
        });
        try {
            telephony.dial(placed.id(), doctorPhone, patientPhone);
            return records.find(placed.id()).orElse(placed);
        } catch (IOException | RuntimeException refused) {
            log.warn("Phone call {} was not placed: {}", placed.id(), refused.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            log.warn("Phone call {} was not placed: interrupted", placed.id());
        }
        transactions.executeWithoutResult(status -> records.lock(placed.id()).ifPresent(call -> {
            if (call.status() == PhoneCallStatus.REQUESTED) {
                records.update(
                        call.after(new PhoneCallEvent(call.id(), PhoneCallEvent.Kind.FAILED, clock.instant(), null)),
                        clock.instant());
            }
        }));
        throw TelephonyRefusal.gatewayUnavailable();
    }

    /**
     * Whether a call keeps another from being placed: it rings, or goes on, and was heard of recently
     * enough (a gateway whose events were lost must not lock the button for good).
     */
    private boolean blocks(PhoneCallView call, Instant now) {
        if (call.status() == PhoneCallStatus.CONNECTED) {
            return now.isBefore(call.answeredAt().plus(properties.longestCall()));
        }
        return now.isBefore(call.requestedAt().plus(properties.ringTimeout()));
    }

    /** The latest phone call of the room, for the owning module's page. */
    public Optional<PhoneCallView> latest(RoomId room) {
        return records.latest(room);
    }

    /** One phone call by its id. */
    public Optional<PhoneCallView> call(UUID id) {
        return records.find(id);
    }

    /**
     * Records an event the gateway sent to the webhook. Gateways deliver twice and out of order: the
     * event is merged into the call under its row's lock ({@link PhoneCallView#after}), so a
     * duplicate changes nothing and a late one only fills in what was missing. The call's start is
     * announced when the answer becomes known, its end when both answer and end are.
     *
     * @return the call as it stands after the event
     * @throws TelephonyRefusal {@code webhook-signature-invalid} when the signature does not hold
     * @throws MalformedWebhook when the body is no event
     * @throws NotFound for a gateway not set up or a call not ours
     */
    public PhoneCallView receive(String provider, byte[] body, Function<String, String> header) {
        PhoneCallEvent event = telephony.event(provider, body, header);
        return transactions.execute(status -> apply(event));
    }

    private PhoneCallView apply(PhoneCallEvent event) {
        PhoneCallView before = records.lock(event.callId()).orElseThrow(NotFound::new);
        PhoneCallView after = before.after(event);
        if (after.equals(before)) {
            return before;
        }
        records.update(after, clock.instant());
        if (before.answeredAt() == null && after.answeredAt() != null) {
            events.publishEvent(new CallStarted(
                    after.roomId(), after.id(), CallMode.PHONE, after.requestedBy(), after.answeredAt()));
        }
        boolean endedNow = after.duration() != null && before.duration() == null;
        if (endedNow) {
            events.publishEvent(new CallEnded(
                    after.roomId(),
                    after.id(),
                    CallMode.PHONE,
                    after.answeredAt(),
                    after.endedAt(),
                    after.duration(),
                    null));
        }
        return after;
    }
}
