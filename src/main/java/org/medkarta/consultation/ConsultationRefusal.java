package org.medkarta.consultation;

import org.medkarta.shared.DomainException;

/** The refusals of the consultation module, named as the API's ProblemDetail types name them. */
public final class ConsultationRefusal extends DomainException {

    private ConsultationRefusal(Kind kind, String problem, Object... arguments) {
        super(kind, problem, "problem." + problem, arguments);
    }

    /** «Обращение можно взять в работу за 15 минут до времени приёма» (seed 004). */
    static ConsultationRefusal tooEarly(long minutesBefore) {
        return new ConsultationRefusal(Kind.CONFLICT, "too-early", minutesBefore).with("minutesBefore", minutesBefore);
    }

    static ConsultationRefusal notNew() {
        return new ConsultationRefusal(Kind.CONFLICT, "consultation-not-new");
    }

    static ConsultationRefusal notInWork() {
        return new ConsultationRefusal(Kind.CONFLICT, "consultation-not-in-work");
    }

    static ConsultationRefusal protocolSent() {
        return new ConsultationRefusal(Kind.CONFLICT, "protocol-already-sent");
    }

    static ConsultationRefusal notClosed() {
        return new ConsultationRefusal(Kind.CONFLICT, "consultation-not-closed");
    }

    static ConsultationRefusal notTheDoctor() {
        return new ConsultationRefusal(Kind.FORBIDDEN, "not-the-consulting-doctor");
    }

    static ConsultationRefusal cancelled() {
        return new ConsultationRefusal(Kind.CONFLICT, "consultation-cancelled");
    }
}
