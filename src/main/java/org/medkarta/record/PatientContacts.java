package org.medkarta.record;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.IdentityDocument;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.Email;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.Phone;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's own data in the record (SPEC E1; seed 002): extra phones and e-mails, the actual
 * and the registration address, and the identity document, each change logged with its author.
 * The patient, a parent or a full-control grantee change them (a decision to contribute).
 */
@Service
public class PatientContacts {

    private final Patients patients;
    private final RecordFiling filing;
    private final Clock clock;

    PatientContacts(Patients patients, RecordFiling filing, Clock clock) {
        this.patients = patients;
        this.filing = filing;
        this.clock = clock;
    }

    /** The patient's extra contacts, addresses and the history of their changes. */
    @Transactional
    public ContactsView contacts(AccessDecision decision) {
        RecordRules.expect(decision, RecordAction.VIEW);
        var patient = filing.open(decision.patient());
        return new ContactsView(
                patients.contacts(decision.patient()).stream()
                        .map(c -> new ContactsView.Contact(c.id(), c.kind(), c.contact(), c.addedAt()))
                        .toList(),
                patient.actualAddress(),
                patient.registrationAddress(),
                patients.changes(decision.patient()).stream()
                        .map(c -> new ContactsView.Change(
                                c.field(), c.oldValue(), c.newValue(), c.reason(), c.authorName(), c.at()))
                        .toList());
    }

    /**
     * Adds an extra phone or e-mail (seed 002).
     *
     * @param kind {@code PHONE} or {@code EMAIL}
     */
    @Transactional
    public void addContact(AccessDecision decision, SignedInUser actor, String kind, String value) {
        RecordRules.expect(decision, RecordAction.CONTRIBUTE);
        filing.open(decision.patient());
        String normalised;
        if ("PHONE".equals(kind)) {
            normalised = Phone.parse(value, "value").e164();
        } else if ("EMAIL".equals(kind)) {
            normalised = Email.parse(value, "value").address();
        } else {
            throw new InvalidInput("kind", "record.validation.contact-kind");
        }
        boolean known = patients.contacts(decision.patient()).stream()
                .anyMatch(c -> c.contact().equalsIgnoreCase(normalised));
        if (known) {
            throw new InvalidInput("value", "record.validation.contact-known");
        }
        Instant now = clock.instant();
        patients.addContact(decision.patient(), kind, normalised, now);
        patients.logChange(decision.patient(), kind, null, normalised, null, actor.userId(), actor.displayName(), now);
    }

    @Transactional
    public void removeContact(AccessDecision decision, SignedInUser actor, UUID contact) {
        RecordRules.expect(decision, RecordAction.CONTRIBUTE);
        Instant now = clock.instant();
        String removed =
                patients.removeContact(decision.patient(), contact, now).orElseThrow(NotFound::new);
        patients.logChange(
                decision.patient(), "CONTACT", removed, null, null, actor.userId(), actor.displayName(), now);
    }

    /**
     * Changes the actual or the registration address (seed 002).
     *
     * @param which {@code ACTUAL} or {@code REGISTRATION}
     */
    @Transactional
    public void changeAddress(AccessDecision decision, SignedInUser actor, String which, String address) {
        RecordRules.expect(decision, RecordAction.CONTRIBUTE);
        var patient = filing.open(decision.patient());
        String text = address == null ? "" : address.strip();
        if (text.isEmpty()) {
            throw new InvalidInput("address", "validation.required");
        }
        if (text.length() > 500) {
            throw new InvalidInput("address", "record.validation.too-long", 500);
        }
        String column;
        String old;
        if ("ACTUAL".equals(which)) {
            column = "actual_address";
            old = patient.actualAddress();
        } else if ("REGISTRATION".equals(which)) {
            column = "registration_address";
            old = patient.registrationAddress();
        } else {
            throw new InvalidInput("which", "record.validation.address-kind");
        }
        if (!text.equals(old)) {
            patients.change(
                    decision.patient(),
                    which + "_ADDRESS",
                    column,
                    text,
                    old,
                    text,
                    null,
                    actor.userId(),
                    actor.displayName(),
                    clock.instant());
        }
    }
    /**
     * The patient, their parent or a full-control grantee records the identity document (SPEC E1):
     * a Russian passport, a birth certificate or another document, each checked for its own form; it
     * replaces the one the record held, the change logged with its author.
     *
     * @throws InvalidInput naming each wrong field ({@code documentType}, {@code documentSeries},
     *     {@code documentNumber}, {@code documentIssuedOn}, {@code documentIssuer})
     */
    @Transactional
    public IdentityDocument changeIdentityDocument(
            AccessDecision decision, SignedInUser actor, IdentityDocumentForm form) {
        RecordRules.expect(decision, RecordAction.CONTRIBUTE);
        var errors = new FieldErrors();
        var document = document(decision.patient(), form, errors);
        errors.throwIfAny();
        store(decision.patient(), document, null, actor, clock.instant());
        return document;
    }

    /** The document as typed, checked against the record's birth date; null when any field is wrong. */
    private IdentityDocument document(PatientId patient, IdentityDocumentForm form, FieldErrors errors) {
        var row = filing.open(patient);
        // Not issued later than today anywhere on Earth: the patient's zone is not the server's.
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.ofHours(14));
        return IdentityDocument.read(
                form.type(),
                form.series(),
                form.number(),
                form.issuedOn(),
                form.issuer(),
                row.birthDate(),
                today,
                errors);
    }

    private void store(PatientId patient, IdentityDocument document, String reason, SignedInUser actor, Instant at) {
        var was = filing.open(patient).document();
        if (!document.equals(was)) {
            patients.changeDocument(
                    patient, document, Patients.text(was), reason, actor.userId(), actor.displayName(), at);
        }
    }
}
