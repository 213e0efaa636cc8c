package org.medkarta.consultation;

import org.medkarta.shared.DomainException;
import org.medkarta.signature.VerdictReason;

/** The refusals of the consultation module, named as the API's ProblemDetail types name them. */
public final class ConsultationRefusal extends DomainException {

    private ConsultationRefusal(Kind kind, String problem, Object... arguments) {
        super(kind, problem, "problem." + problem, arguments);
    }

    private ConsultationRefusal(Kind kind, String problem, String messageCode) {
        super(kind, problem, messageCode);
    }

    /** «Протоколы подписываются электронной подписью обязательно» (issue 16): the plain send is refused. */
    static ConsultationRefusal signatureRequired() {
        return new ConsultationRefusal(Kind.CONFLICT, "signature-required");
    }

    /**
     * The signature does not hold (issue 16): the problem names the verdict's reason, and the message
     * says it in the person's language.
     */
    static ConsultationRefusal signatureInvalid(VerdictReason reason, String detail) {
        String kebab = reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        ConsultationRefusal refusal = new ConsultationRefusal(
                Kind.INVALID_INPUT, "signature-invalid", "consultation.signature.reason." + kebab);
        refusal.<ConsultationRefusal>with("reason", reason.name());
        return detail == null ? refusal : refusal.with("reasonDetail", detail);
    }

    /** A doctor signs only once their SNILS is in their profile: the certificate is checked against it. */
    static ConsultationRefusal snilsMissing() {
        return new ConsultationRefusal(Kind.CONFLICT, "snils-missing");
    }

    /** A signature arrived with no protocol drafted for it. */
    static ConsultationRefusal draftMissing() {
        return new ConsultationRefusal(Kind.CONFLICT, "protocol-draft-missing");
    }

    /** «Обращение можно взять в работу за 15 минут до времени приёма» (seed 004). */
    static ConsultationRefusal tooEarly(long minutesBefore) {
        return new ConsultationRefusal(Kind.CONFLICT, "too-early", minutesBefore).with("minutesBefore", minutesBefore);
    }

    static ConsultationRefusal notNew() {
        return new ConsultationRefusal(Kind.CONFLICT, "consultation-not-new");
    }

    /** A doctor-to-doctor consultation has no patient on the line to call (SPEC D6, D11). */
    static ConsultationRefusal phoneCallDoctorToDoctor() {
        return new ConsultationRefusal(Kind.CONFLICT, "phone-call-doctor-to-doctor");
    }

    /** The patient's account has no phone to ring (SPEC D6). */
    static ConsultationRefusal patientPhoneMissing() {
        return new ConsultationRefusal(Kind.CONFLICT, "patient-phone-missing");
    }

    /** The doctor has not entered the phone they take calls on in their profile (SPEC D6). */
    static ConsultationRefusal doctorPhoneMissing() {
        return new ConsultationRefusal(Kind.CONFLICT, "doctor-phone-missing");
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
