package org.medkarta.consultation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.medkarta.clinic.ServiceKind;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;

/**
 * A consultation request as stored: {@code state} is one of NEW, IN_WORK, CLOSED, CANCELLED; the
 * rules of seed 004 on who may do what and when are its methods.
 */
record Consultation(
        UUID id,
        UUID appointmentId,
        ServiceKind kind,
        Channel channel,
        ConsultationState state,
        PatientId patientId,
        UserId patientUserId,
        String patientName,
        DoctorId doctorId,
        UserId doctorUserId,
        String doctorName,
        ClinicId clinicId,
        String serviceName,
        DoctorId referringDoctorId,
        UserId referringUserId,
        String referringName,
        Instant start,
        Instant end,
        LocalDate startsOn,
        java.time.ZoneId zone,
        String question,
        String anamnesis,
        String complaints,
        Instant openedAt,
        Instant takenAt,
        Instant closedAt) {

    /** «Обращение можно взять в работу за 15 минут до времени приёма» (seed 004, SPEC D3). */
    static final Duration TAKE_WINDOW = Duration.ofMinutes(15);

    ConsultationState stateAt(Instant now) {
        return state == ConsultationState.NEW && !now.isBefore(start) ? ConsultationState.OVERDUE : state;
    }

    ConsultationView view(Instant now) {
        return new ConsultationView(
                id,
                appointmentId,
                kind,
                channel,
                stateAt(now),
                patientId,
                patientUserId,
                patientName,
                doctorId,
                doctorUserId,
                doctorName,
                clinicId,
                serviceName,
                referringDoctorId,
                referringUserId,
                referringName,
                start,
                end,
                startsOn,
                zone,
                question,
                anamnesis,
                complaints,
                openedAt,
                takenAt,
                closedAt);
    }

    /** The consulting doctor: the doctor of the appointment (the consultant in doctor-to-doctor). */
    boolean consultedBy(SignedInUser user) {
        return user != null && doctorUserId.equals(user.userId());
    }

    boolean referredBy(SignedInUser user) {
        return user != null && referringUserId != null && referringUserId.equals(user.userId());
    }

    /** The patient themself, by their own record; others on the patient's side are decided by the access module. */
    boolean ownedBy(SignedInUser user) {
        return user != null && patientId.equals(user.patientId());
    }

    /** Whether the patient is a party to its chat and calls (not in a doctor-to-doctor consultation). */
    boolean patientTalks() {
        return !(kind == ServiceKind.DOCTOR_TO_DOCTOR && referringUserId != null);
    }

    /**
     * Who talks in its room by name: the consulting doctor and, in a doctor-to-doctor consultation,
     * the referring doctor (SPEC D4, D11). On the patient's side of a doctor-patient consultation
     * talks whoever may act for the patient at the time (the room's subject), which is decided
     * afresh at each request.
     */
    java.util.List<UserId> members() {
        return patientTalks() ? java.util.List.of(doctorUserId) : java.util.List.of(doctorUserId, referringUserId);
    }

    /** Checks that the doctor may take it into work now (SPEC D3). */
    ConsultationTaken take(SignedInUser by, Instant now) {
        if (!consultedBy(by)) {
            throw ConsultationRefusal.notTheDoctor();
        }
        if (state == ConsultationState.CANCELLED) {
            throw ConsultationRefusal.cancelled();
        }
        if (state != ConsultationState.NEW) {
            throw ConsultationRefusal.notNew();
        }
        Instant opens = start.minus(TAKE_WINDOW);
        if (now.isBefore(opens)) {
            throw ConsultationRefusal.tooEarly(TAKE_WINDOW.toMinutes());
        }
        return new ConsultationTaken(id, patientId, doctorId, start, now);
    }

    /** Checks that the doctor may send the protocol now. */
    void checkProtocol(SignedInUser by) {
        if (!consultedBy(by)) {
            throw ConsultationRefusal.notTheDoctor();
        }
        if (state == ConsultationState.CLOSED) {
            throw ConsultationRefusal.protocolSent();
        }
        if (state != ConsultationState.IN_WORK) {
            throw ConsultationRefusal.notInWork();
        }
    }

    /** Routing is open from an open (in work) or closed consultation (seed 004, «Маршрутизация»). */
    void checkRouting(SignedInUser by) {
        if (!consultedBy(by)) {
            throw ConsultationRefusal.notTheDoctor();
        }
        if (state != ConsultationState.IN_WORK && state != ConsultationState.CLOSED) {
            throw ConsultationRefusal.notInWork();
        }
    }

    /**
     * Only the request's side tells about the case, and only until it is closed.
     *
     * @param patientSide whether the person is the patient or may act for them now
     */
    boolean describableBy(SignedInUser user, boolean patientSide) {
        boolean author = patientTalks() ? patientSide : referredBy(user);
        return author && (state == ConsultationState.NEW || state == ConsultationState.IN_WORK);
    }
}
