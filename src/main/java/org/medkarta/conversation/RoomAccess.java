package org.medkarta.conversation;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.Representation;
import org.medkarta.shared.UserId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who takes part in a room (SPEC D4: the patient, a representative with full control, the doctor —
 * nobody else): the members the owning module put in it, and whoever may act for the room's
 * subject right now — the patient's own account, a parent of a child under 15, a grantee with full
 * control — as the access module answers through the {@link Representation} port, which audits
 * every answer.
 *
 * <p>Requests and frames a person sends (REST calls, SUBSCRIBE, SEND) are decided afresh each time,
 * so a revoked grant or a 15th birthday takes effect on the very next one. Deliveries to subscribers
 * would ask once per message and recipient, so a positive answer is remembered for {@link
 * #DELIVERY_TTL_SECONDS} per node (forgotten at once on the node that changes the room's members,
 * and for a person as soon as a request or frame of theirs is refused on that node): a person who
 * lost the right may still receive what is delivered within those seconds, and nothing after; no
 * audit entry is written per delivered message. The time is the machine's
 * monotonic clock: this is a cache, not a rule of the domain.
 */
@Component
class RoomAccess {

    static final long DELIVERY_TTL_SECONDS = 5;

    /** The role label of someone who acts for the room's subject and is not that patient. */
    static final String REPRESENTATIVE = "REPRESENTATIVE";

    private final Rooms rooms;
    private final Representation representation;
    private final AccountDirectory identity;
    private final Clock clock;
    private final Map<String, Long> receivers = new ConcurrentHashMap<>();

    private final TransactionTemplate savepoint;

    RoomAccess(
            Rooms rooms,
            Representation representation,
            AccountDirectory identity,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.rooms = rooms;
        this.representation = representation;
        this.identity = identity;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The person as a participant of the room now, or empty for anyone else (and for no room). */
    Optional<Member> participant(RoomId room, UserId user) {
        if (room == null || user == null) {
            return Optional.empty();
        }
        var row = rooms.memberRow(room, user);
        if (row.isPresent() && !row.get().delegated()) {
            return Optional.of(row.get().member());
        }
        var subject = rooms.subjectOf(room);
        if (subject.isEmpty() || !representation.mayActFor(user, subject.get())) {
            // A refused request also stops what this node would still deliver to them from memory.
            receivers.remove(key(room, user));
            return Optional.empty();
        }
        return Optional.of(row.map(Rooms.MemberRow::member).orElseGet(() -> delegate(user, subject.get())));
    }

    /**
     * The person as a participant, stored as a member when they act for the subject and are not one
     * yet, so that their read mark, their name on what they wrote and the call signals reach them.
     *
     * @throws NotFound for anyone who does not take part
     */
    Member admit(RoomId room, UserId user) {
        var member = participant(room, user).orElseThrow(NotFound::new);
        if (!rooms.isMember(room, user)) {
            try {
                // A savepoint: on PostgreSQL a refused insert would otherwise abort the caller's
                // whole transaction, and the message with it.
                savepoint.executeWithoutResult(status -> rooms.addMember(room, member, true, clock.instant()));
            } catch (DuplicateKeyException twice) {
                // Two frames of one person at once: the other one stored them.
            }
        }
        return member;
    }

    /** Whether a delivery to the room may reach the person (see the class comment for the cache). */
    boolean mayReceive(RoomId room, UserId user) {
        String key = key(room, user);
        long now = System.nanoTime();
        Long until = receivers.get(key);
        if (until != null && until - now > 0) {
            return true;
        }
        boolean allowed = participant(room, user).isPresent();
        if (allowed) {
            receivers.put(key, now + TimeUnit.SECONDS.toNanos(DELIVERY_TTL_SECONDS));
        } else {
            receivers.remove(key);
        }
        return allowed;
    }

    private static String key(RoomId room, UserId user) {
        return room.value() + "/" + user.value();
    }

    void forget(RoomId room) {
        String prefix = room.value() + "/";
        receivers.keySet().removeIf(key -> key.startsWith(prefix));
    }

    private Member delegate(UserId user, PatientId subject) {
        var account = identity.account(user);
        String name =
                account.map(found -> found.lastName() + " " + found.firstName()).orElse("");
        boolean self = account.map(found -> subject.equals(found.patientId())).orElse(false);
        return new Member(user, self ? "PATIENT" : REPRESENTATIVE, name);
    }
}
