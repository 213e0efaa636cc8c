package org.medkarta.record;

import java.util.List;

/**
 * A record as its reader may see it: the header of Appendix 1 and one page of the entries, newest
 * first.
 *
 * @param patientAccount true when shown by the rules of the patient account (the patient, a parent
 *     or a grantee), false for a clinician who sees the whole record
 * @param sameSnilsElsewhere for clinicians: another record carries the same SNILS or policy (E7)
 * @param next where the next page starts, or null when this page is the last
 */
public record RecordView(
        PatientHeader patient,
        List<EntrySummary> entries,
        boolean patientAccount,
        boolean sameSnilsElsewhere,
        EntryCursor next) {}
