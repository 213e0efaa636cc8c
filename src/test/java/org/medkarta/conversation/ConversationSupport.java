package org.medkarta.conversation;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.medkarta.identity.ClientInfo;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.Delegations;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;

/** People with real accounts and API tokens, and rooms opened through the facade. */
abstract class ConversationSupport extends ApiSupport {

    static final ClientInfo CLIENT = new ClientInfo("127.0.0.1", "conversation-tests");

    @Autowired
    protected IdentityFacades identity;

    @Autowired
    protected ConversationRooms conversationRooms;

    @Autowired
    protected ChatMessages chatMessages;

    @Autowired
    protected ConversationCalls conversationCalls;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A person with an account and an access token. */
    record Person(UserId id, String name, String token, String phone, PatientId patient, SignedInUser user) {

        Member as(String role) {
            return new Member(id, role, name);
        }

        Delegations.Holder holder() {
            return new Delegations.Holder(token, phone);
        }
    }

    /** The same person with a token issued at the clock's current time. */
    Person again(Person person) {
        return new Person(
                person.id(),
                person.name(),
                identity.tokens().tokensFor(person.user()).accessToken(),
                person.phone(),
                person.patient(),
                person.user());
    }

    Person person(String firstName) {
        String phone = Phones.unique();
        var account = TestPatients.register(identity, "Собеседников", firstName, null, phone, "1980-01-02");
        var user = new SignedInUser(
                account.userId(),
                firstName,
                account.patientId(),
                List.of(new RoleGrant(Role.PATIENT, null)),
                "SMS_CODE");
        return new Person(
                account.userId(),
                firstName,
                identity.tokens().tokensFor(user).accessToken(),
                phone,
                account.patientId(),
                user);
    }

    RoomId room(Person patient, Person doctor) {
        var id = new RoomId(UUID.randomUUID());
        conversationRooms.open(id, "Консультация терапевта", List.of(patient.as("PATIENT"), doctor.as("DOCTOR")));
        return id;
    }

    String messagesPath(RoomId room) {
        return "/api/v1/consultations/" + room.value() + "/messages";
    }
}
