package org.medkarta.access;

import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * One line of the patient's access log (SPEC G3), ready to be said in plain words: who ({@code
 * readerName}, null for an anonymous caller; {@code clinicName} for clinic staff), what kind of
 * reader, what they opened ({@code subject}, a message key's last part), when in the zone the line
 * is told in, whether they were let in, and for an emergency opening its reason.
 */
public record AccessLogLine(
        ZonedDateTime at,
        UUID readerId,
        String readerName,
        String role,
        ReaderKind kind,
        String clinicName,
        String action,
        String subject,
        boolean allowed,
        boolean emergency,
        String reason) {}
