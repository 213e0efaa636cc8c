package org.medkarta.clinic;

import org.medkarta.shared.DomainException;

/** The clinic module's refusals other than bad input and "not found". */
public final class ClinicRefusal extends DomainException {

    private ClinicRefusal(Kind kind, String problem) {
        super(kind, problem, "problem." + problem);
    }

    static ClinicRefusal doctorExists() {
        return new ClinicRefusal(Kind.CONFLICT, "doctor-exists");
    }

    static ClinicRefusal alreadyAttached() {
        return new ClinicRefusal(Kind.CONFLICT, "already-attached");
    }

    static ClinicRefusal attachmentPending() {
        return new ClinicRefusal(Kind.CONFLICT, "attachment-pending");
    }

    static ClinicRefusal alreadyAppealed() {
        return new ClinicRefusal(Kind.CONFLICT, "already-appealed");
    }

    static ClinicRefusal alreadyDecided() {
        return new ClinicRefusal(Kind.CONFLICT, "already-decided");
    }

    static ClinicRefusal forbidden() {
        return new ClinicRefusal(Kind.FORBIDDEN, "forbidden");
    }

    /** Co-signing needs the clinic's signing key on the server (issue 16). */
    static ClinicRefusal clinicKeyMissing() {
        return new ClinicRefusal(Kind.CONFLICT, "clinic-key-missing");
    }

    static ClinicRefusal patientOnly() {
        return new ClinicRefusal(Kind.FORBIDDEN, "patient-only");
    }
}
