package org.medkarta.conversation;

import org.medkarta.shared.DomainException;

/** Refusals of the conversations module, named as the API names them. */
public class ConversationRefusal extends DomainException {

    private ConversationRefusal(Kind kind, String problem, String messageCode) {
        super(kind, problem, messageCode);
    }

    /** 409 {@code room-closed}: the consultation is over; its history can be read, nothing added. */
    public static ConversationRefusal roomClosed() {
        return new ConversationRefusal(Kind.CONFLICT, "room-closed", "problem.room-closed");
    }
}
