package org.medkarta.clinic;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.notification.Notifications;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attachment of patients to clinics (SPEC B6; seed 002): a patient asks to be attached for a kind of
 * care, the clinic's administrators confirm (ending the patient's earlier attachment of that kind) or
 * refuse with a reason the patient may answer once. Other modules ask here whether a patient is
 * attached to a clinic.
 */
@Service
public class PatientAttachments {

    private final Attachments attachments;
    private final ClinicAccess access;
    private final Notifications notifications;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PatientAttachments(
            Attachments attachments,
            ClinicAccess access,
            Notifications notifications,
            MessageSource messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.attachments = attachments;
        this.access = access;
        this.notifications = notifications;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A patient asks to be attached to a clinic for a kind of care; the clinic confirms or refuses.
     *
     * @throws ClinicRefusal {@code already-attached} or {@code attachment-pending} for this clinic and kind
     */
    @Transactional
    public AttachmentView requestAttachment(SignedInUser patient, ClinicId clinic, String kind) {
        if (patient == null || patient.patientId() == null) {
            throw ClinicRefusal.patientOnly();
        }
        access.requireClinic(clinic);
        var errors = new FieldErrors();
        var chosen = Fields.choice(AttachmentKind.class, kind, "kind", true, null, errors);
        errors.throwIfAny();
        for (var existing : attachments.ofPatientLocked(patient.patientId())) {
            if (existing.clinicId().equals(clinic) && existing.kind() == chosen) {
                if (existing.status() == AttachmentStatus.CONFIRMED) {
                    throw ClinicRefusal.alreadyAttached();
                }
                if (existing.status() == AttachmentStatus.REQUESTED) {
                    throw ClinicRefusal.attachmentPending();
                }
            }
        }
        var id = UUID.randomUUID();
        attachments.request(id, patient.patientId(), patient.userId(), clinic, chosen, clock.instant());
        return attachments.find(id).orElseThrow().view();
    }

    /**
     * Confirms an attachment request; the patient's earlier attachment of the same kind ends (one
     * active attachment per kind, seed 002: no need to detach from the previous clinic first).
     */
    @Transactional
    public AttachmentView confirmAttachment(SignedInUser actor, UUID attachment, Locale locale) {
        var row = decidable(actor, attachment);
        var request = row.view();
        var now = clock.instant();
        for (var existing : attachments.ofPatientLocked(request.patientId())) {
            if (existing.kind() == request.kind() && existing.status() == AttachmentStatus.CONFIRMED) {
                attachments.end(existing.id(), now);
            }
        }
        if (attachments.find(attachment).orElseThrow().view().status() != AttachmentStatus.REQUESTED) {
            throw ClinicRefusal.alreadyDecided();
        }
        attachments.confirm(attachment, request.patientId(), request.kind(), now);
        events.publishEvent(
                new PatientAttached(attachment, request.patientId(), request.clinicId(), request.kind(), now));
        notifications.notify(
                row.user(),
                text("clinic.attachment.confirmed.title", locale),
                text("clinic.attachment.confirmed.body", locale).formatted(request.clinicName()),
                "/attachments");
        return attachments.find(attachment).orElseThrow().view();
    }

    /** Refuses an attachment request with a reason the patient reads. */
    @Transactional
    public AttachmentView refuseAttachment(SignedInUser actor, UUID attachment, String reason, Locale locale) {
        var row = decidable(actor, attachment);
        var errors = new FieldErrors();
        String why = Fields.text(reason, "reason", 1000, true, errors);
        errors.throwIfAny();
        if (!attachments.refuse(attachment, why, clock.instant())) {
            throw ClinicRefusal.alreadyDecided();
        }
        notifications.notify(
                row.user(),
                text("clinic.attachment.refused.title", locale),
                text("clinic.attachment.refused.body", locale)
                        .formatted(row.view().clinicName(), why),
                "/attachments");
        return attachments.find(attachment).orElseThrow().view();
    }

    /**
     * The patient answers a refusal, once (issue 23, seed 002: a refusal states its reason and the
     * patient may answer it): the request waits for the clinic's decision again, the refusal it answers
     * shown beside the answer; a second refusal is final.
     *
     * @throws NotFound unless the request is the patient's own
     * @throws ClinicRefusal {@code already-appealed} when answered before, {@code already-decided} when
     *     not refused, {@code attachment-pending} or {@code already-attached} when another request for
     *     the clinic and kind waits or holds
     */
    @Transactional
    public AttachmentView appealAttachment(SignedInUser patient, UUID attachment, String text) {
        if (patient == null || patient.patientId() == null) {
            throw new NotFound();
        }
        var row = attachments.find(attachment).orElseThrow(NotFound::new);
        if (!row.view().patientId().equals(patient.patientId())) {
            throw new NotFound();
        }
        var errors = new FieldErrors();
        String answer = Fields.text(text, "text", 2000, true, errors);
        errors.throwIfAny();
        var request = row.view();
        for (var other : attachments.ofPatientLocked(patient.patientId())) {
            if (!other.id().equals(attachment)
                    && other.clinicId().equals(request.clinicId())
                    && other.kind() == request.kind()) {
                if (other.status() == AttachmentStatus.CONFIRMED) {
                    throw ClinicRefusal.alreadyAttached();
                }
                if (other.status() == AttachmentStatus.REQUESTED) {
                    throw ClinicRefusal.attachmentPending();
                }
            }
        }
        if (!attachments.appeal(attachment, answer, clock.instant())) {
            var now = attachments.find(attachment).orElseThrow().view();
            throw now.appealedAt() != null ? ClinicRefusal.alreadyAppealed() : ClinicRefusal.alreadyDecided();
        }
        return attachments.find(attachment).orElseThrow().view();
    }

    /** A patient's attachments and requests, newest first. */
    @Transactional(readOnly = true)
    public List<AttachmentView> attachmentsOf(PatientId patient) {
        return attachments.ofPatient(patient);
    }

    /** A clinic's attachment requests and attachments, for its administrators; all when status is null. */
    @Transactional(readOnly = true)
    public List<AttachmentView> attachmentsOf(SignedInUser actor, ClinicId clinic, AttachmentStatus status) {
        access.administer(actor, clinic);
        return attachments.ofClinic(clinic, status);
    }

    /** Whether the patient holds an active attachment of any kind to the clinic. */
    @Transactional(readOnly = true)
    public boolean isAttached(PatientId patient, ClinicId clinic) {
        return attachments.ofPatient(patient).stream()
                .anyMatch(a -> a.clinicId().equals(clinic) && a.status() == AttachmentStatus.CONFIRMED);
    }

    private Attachments.Row decidable(SignedInUser actor, UUID attachment) {
        var row = attachments.find(attachment).orElseThrow(NotFound::new);
        if (!access.administers(actor, row.view().clinicId())) {
            throw new NotFound();
        }
        if (row.view().status() != AttachmentStatus.REQUESTED) {
            throw ClinicRefusal.alreadyDecided();
        }
        return row;
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }
}
