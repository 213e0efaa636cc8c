package org.medkarta.conversation;

/** A gateway's webhook whose signature holds but whose body is no event (answered 400). */
public class MalformedWebhook extends RuntimeException {

    MalformedWebhook(String reason) {
        super(reason);
    }
}
