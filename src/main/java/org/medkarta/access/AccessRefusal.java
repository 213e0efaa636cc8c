package org.medkarta.access;

import org.medkarta.shared.DomainException;

/** The refusals of delegation and guardianship, named as the API names them. */
public final class AccessRefusal extends DomainException {

    private AccessRefusal(Kind kind, String problem, Object... arguments) {
        super(kind, problem, "problem." + problem, arguments);
    }

    /** The person may read the record but not enter or correct clinical data: clinicians only. */
    static AccessRefusal clinicalEntriesReadOnly() {
        return new AccessRefusal(Kind.FORBIDDEN, "clinical-entries-read-only");
    }

    /** The person may read the record, but their relation does not carry this action. */
    static AccessRefusal notAllowed() {
        return new AccessRefusal(Kind.FORBIDDEN, "action-not-allowed");
    }

    /** The grant is not in the state the step needs (confirmed already, revoked, not yet accepted). */
    static AccessRefusal grantNotPending(GrantStatus status) {
        return new AccessRefusal(Kind.CONFLICT, "grant-state").with("status", status.name());
    }

    /** A grant of the same record to the same person is pending or in force already. */
    static AccessRefusal grantExists() {
        return new AccessRefusal(Kind.CONFLICT, "grant-exists");
    }

    /** The parent and the child are linked already. */
    static AccessRefusal alreadyLinked() {
        return new AccessRefusal(Kind.CONFLICT, "already-linked");
    }

    /** The birth certificate was used to register a child already. */
    static AccessRefusal certificateUsed() {
        return new AccessRefusal(Kind.CONFLICT, "certificate-used");
    }

    /** The child is 15 or older: they manage their record themselves (order 003 §23.2). */
    static AccessRefusal childOfAge() {
        return new AccessRefusal(Kind.CONFLICT, "child-of-age");
    }

    /** Only a child of 15 or older gets a phone to sign in with. */
    static AccessRefusal childUnderAge() {
        return new AccessRefusal(Kind.CONFLICT, "child-under-age");
    }

    /** There is no way to send the person a code: no phone and no confirmed e-mail. */
    static AccessRefusal noContact() {
        return new AccessRefusal(Kind.CONFLICT, "no-contact");
    }

    /**
     * The record-access request is not in the state the step needs: taken already, or decided
     * (SPEC E0: submitted → in work → approved or refused).
     */
    static AccessRefusal requestState(RecordRequestState state) {
        return new AccessRefusal(Kind.CONFLICT, "request-state").with("state", state.name());
    }

    /** An open request of the same account for the same person to the same clinic exists (SPEC E0). */
    static AccessRefusal requestOpen() {
        return new AccessRefusal(Kind.CONFLICT, "request-open");
    }

    /** Only a patient files a record-access request, for themself or their child. */
    static AccessRefusal patientOnly() {
        return new AccessRefusal(Kind.FORBIDDEN, "patient-only");
    }
}
