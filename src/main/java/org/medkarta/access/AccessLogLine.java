package org.medkarta.access;

import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * One line of the patient's access log (SPEC G3), ready to be said in plain words: who ({@code
 * readerName}, null for an anonymous caller; {@code clinicName} for clinic staff), what kind of
 * reader, what they did ({@code deed}: opened, downloaded, added, changed, acted or bound) with
 * what ({@code subject}; both a message key's last part), when in the zone the line is told in,
 * whether they were let in, and for an emergency opening its reason. {@code seq} is the audit entry's
 * number: the next page starts below the last line's.
 */
public record AccessLogLine(
        long seq,
        ZonedDateTime at,
        UUID readerId,
        String readerName,
        String role,
        ReaderKind kind,
        String clinicName,
        String action,
        String deed,
        String subject,
        boolean allowed,
        boolean emergency,
        String reason) {}
