package org.medkarta.access;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.medkarta.audit.AuditEntry;
import org.medkarta.audit.AuditTrail;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.AccountView;
import org.medkarta.identity.Registered;
import org.medkarta.identity.Registration;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.Ages;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Parents and children (SPEC E11, F3; seed 003 §23.2, seed 002 «Дети до 15 лет прикреплены к профилю
 * родителей»): a link made by clinic staff, or by a parent registering their child with the birth
 * certificate, which creates the child's record. A child has no phone of their own: from 15 the
 * clinic's staff give the record the child's phone, and the child signs in by SMS code like anyone.
 */
@Service
public class Guardianship {

    private final AccountDirectory identity;
    private final Registration registration;
    private final Guardianships links;
    private final RecordAccess access;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final AccessProperties properties;
    private final Clock clock;

    Guardianship(
            AccountDirectory identity,
            Registration registration,
            Guardianships links,
            RecordAccess access,
            AuditTrail audit,
            TransactionTemplate transaction,
            AccessProperties properties,
            Clock clock) {
        this.identity = identity;
        this.registration = registration;
        this.links = links;
        this.access = access;
        this.audit = audit;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A parent registers their child under 15 with the birth certificate: the child's record is
     * created and linked to the parent.
     *
     * @throws InvalidInput naming every wrong field
     * @throws AccessRefusal {@code child-of-age} for a child of 15 or older, {@code certificate-used}
     */
    public PatientId registerChild(SignedInUser parent, ChildForm form) {
        if (parent == null || !parent.has(Role.PATIENT)) {
            throw new NotFound();
        }
        var errors = new FieldErrors();
        var certificate = BirthCertificate.parse(form.certificateSeries(), form.certificateNumber(), errors);
        LocalDate born = null;
        try {
            born = form.birthDate() == null
                    ? null
                    : LocalDate.parse(form.birthDate().strip());
        } catch (java.time.format.DateTimeParseException ignored) {
            // AccountDirectory names the field below.
        }
        if (born != null && !Ages.under(born, properties.adultAge(), clock.instant(), properties.zone())) {
            errors.reject("birthDate", "access.validation.child-of-age", properties.adultAge());
        }
        if (form.lastName() == null || form.lastName().isBlank()) {
            errors.reject("lastName", "validation.required");
        }
        if (form.firstName() == null || form.firstName().isBlank()) {
            errors.reject("firstName", "validation.required");
        }
        if (form.birthDate() == null || form.birthDate().isBlank()) {
            errors.reject("birthDate", "validation.required");
        }
        // AccountDirectory checks the names and the date in detail when it creates the person.
        errors.throwIfAny();
        return transaction.execute(status -> {
            if (links.certificateUsed(certificate)) {
                throw AccessRefusal.certificateUsed();
            }
            Registered child =
                    registration.registerChild(form.lastName(), form.firstName(), form.patronymic(), form.birthDate());
            links.link(
                    parent.userId(),
                    child.patientId(),
                    Guardianships.Basis.BIRTH_CERTIFICATE,
                    certificate,
                    parent.userId(),
                    clock.instant());
            rights(parent, child.patientId(), "GUARDIAN_LINKED", "birth-certificate " + certificate);
            return child.patientId();
        });
    }

    /**
     * Clinic staff link a parent (found by phone) and a child: an existing patient found by phone or
     * SNILS, or a new record from the child's names and birth date.
     *
     * @throws NotFound for anyone but a clinic or platform administrator, or an unknown parent or child
     */
    public PatientId linkByStaff(SignedInUser staff, String parentPhone, String childQuery, ChildForm newChild) {
        if (staff == null || !(staff.has(Role.CLINIC_ADMIN) || staff.has(Role.PLATFORM_ADMIN))) {
            throw new NotFound();
        }
        var errors = new FieldErrors();
        var parent = errors.check(() -> identity.findPatients(parentPhone).stream()
                .findFirst()
                .orElseThrow(() -> new InvalidInput("parentPhone", "access.validation.parent-unknown")));
        Optional<AccountView> existing = Optional.empty();
        boolean byQuery = childQuery != null && !childQuery.isBlank();
        if (byQuery) {
            existing = identity.findPatients(childQuery).stream().findFirst();
            if (existing.isEmpty()) {
                errors.reject("childQuery", "access.validation.child-unknown");
            }
        }
        errors.throwIfAny();
        if (existing.isPresent()) {
            var child = existing.get();
            if (child.birthDate() == null
                    || !Ages.under(child.birthDate(), properties.adultAge(), clock.instant(), properties.zone())) {
                throw AccessRefusal.childOfAge();
            }
            if (child.patientId().equals(parent.patientId())) {
                throw new InvalidInput("childQuery", "access.validation.child-unknown");
            }
        }
        var found = existing;
        return transaction.execute(status -> {
            PatientId child;
            if (found.isPresent()) {
                child = found.get().patientId();
            } else {
                var birth = newChild.birthDate();
                try {
                    if (birth != null
                            && !birth.isBlank()
                            && !Ages.under(
                                    LocalDate.parse(birth.strip()),
                                    properties.adultAge(),
                                    clock.instant(),
                                    properties.zone())) {
                        throw new InvalidInput("birthDate", "access.validation.child-of-age", properties.adultAge());
                    }
                } catch (java.time.format.DateTimeParseException ignored) {
                    // AccountDirectory names the field.
                }
                child = registration
                        .registerChild(newChild.lastName(), newChild.firstName(), newChild.patronymic(), birth)
                        .patientId();
            }
            if (!links.link(parent.userId(), child, Guardianships.Basis.STAFF, null, staff.userId(), clock.instant())) {
                throw AccessRefusal.alreadyLinked();
            }
            rights(staff, child, "GUARDIAN_LINKED", "parent:" + parent.userId().value());
            return child;
        });
    }

    /** The parent's children, of any age, with the day their access ends. */
    public List<ChildView> children(SignedInUser parent) {
        Instant now = clock.instant();
        return links.childrenOf(parent.userId()).stream()
                .map(child -> identity.patient(child).map(account -> {
                    LocalDate ends = Ages.birthday(account.birthDate(), properties.adultAge());
                    return new ChildView(
                            child,
                            account.lastName() + " " + account.firstName()
                                    + (account.patronymic() == null ? "" : " " + account.patronymic()),
                            account.birthDate(),
                            ends,
                            access.isChildUnderAge(child, now));
                }))
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * Clinic staff give a child of 15 or older the phone they will sign in with by SMS code.
     *
     * @throws AccessRefusal {@code child-under-age} before the 15th birthday
     */
    public void givePhone(SignedInUser staff, PatientId child, String phone) {
        if (staff == null || !(staff.has(Role.CLINIC_ADMIN) || staff.has(Role.PLATFORM_ADMIN))) {
            throw new NotFound();
        }
        var account = identity.patient(child).orElseThrow(NotFound::new);
        if (account.birthDate() != null
                && Ages.under(account.birthDate(), properties.adultAge(), clock.instant(), properties.zone())) {
            throw AccessRefusal.childUnderAge();
        }
        registration.assignPhone(child, phone);
        transaction.executeWithoutResult(status -> rights(staff, child, "OWN_PHONE_GIVEN", null));
    }

    private void rights(SignedInUser actor, PatientId child, String action, String resource) {
        String address = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr()
                : null;
        audit.record(
                AuditEntry.of(actor.userId().value(), "RIGHTS", child.value(), action, resource, "SUCCESS", address));
    }
}
