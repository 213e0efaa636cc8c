package org.medkarta.access.web;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.medkarta.access.AccessAudit;
import org.medkarta.access.AccessLogLine;
import org.medkarta.access.AccessLogQuery;
import org.medkarta.access.ReaderKind;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.PatientId;
import org.medkarta.web.PageErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * «Кто открывал мою карту» (SPEC G3): the patient's, or their legal representative's, page of who
 * opened the record, filtered by period and kind of reader and paged, each line said in plain words.
 * It reads the same {@link AccessAudit#page} as the API.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class AccessLogPages {

    /** One line as the page shows it: the sentence, and whether it was an emergency opening. */
    record Row(String text, boolean emergency, String reason, boolean allowed) {}

    private final AccessAudit log;
    private final MessageSource messages;
    private final PageErrors errors;
    private final Clock clock;

    AccessLogPages(AccessAudit log, MessageSource messages, PageErrors errors, Clock clock) {
        this.log = log;
        this.messages = messages;
        this.errors = errors;
        this.clock = clock;
    }

    @GetMapping("/record/{patientId}/access-log")
    String log(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String patientId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String before,
            Model model,
            Locale locale) {
        PatientId patient = PatientId.of(patientId);
        AccessLogQuery query;
        try {
            query = AccessLogQuery.parse(from, to, kind, before);
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", errors.of(invalid, locale));
            query = AccessLogQuery.all();
        }
        var found = log.page(user, patient, query);
        model.addAttribute("patientId", patient.value());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", ReaderKind.values());
        model.addAttribute("paged", found.query().before() != null);
        model.addAttribute("older", found.older());
        model.addAttribute(
                "rows",
                found.lines().stream()
                        .map(line -> row(line, found.zone(), locale))
                        .toList());
        return "access/log";
    }

    private Row row(AccessLogLine line, ZoneId patientZone, Locale locale) {
        String when = when(line, patientZone, locale);
        String subject = message("access.log.subject." + line.subject(), locale);
        String deed = "access.log.deed." + line.deed();
        String text;
        if (line.kind() == ReaderKind.SELF) {
            text = line.allowed()
                    ? message("access.log.line.self", locale, message(deed + ".you", locale), subject, when)
                    : message("access.log.line.self-denied", locale, message(deed + ".try", locale), subject, when);
        } else {
            String who = who(line, locale);
            text = line.allowed()
                    ? message("access.log.line.done", locale, who, message(deed + ".past", locale), subject, when)
                    : message("access.log.line.denied", locale, who, message(deed + ".try", locale), subject, when);
        }
        return new Row(text, line.emergency(), line.reason(), line.allowed());
    }

    /**
     * «4 декабря в 10:12», in the zone the line is told in; a staff reader's clinic in another zone
     * than the patient's adds which: «4 декабря в 12:12 (время клиники, UTC+5)».
     */
    private String when(AccessLogLine line, ZoneId patientZone, Locale locale) {
        String when = DateTimeFormatter.ofPattern(
                        message(
                                line.at().getYear()
                                                == clock.instant()
                                                        .atZone(line.at().getZone())
                                                        .getYear()
                                        ? "access.log.when"
                                        : "access.log.when-year",
                                locale),
                        locale)
                .format(line.at());
        var offset = line.at().getOffset();
        if (offset.equals(line.at().toInstant().atZone(patientZone).getOffset())) {
            return when;
        }
        int minutes = offset.getTotalSeconds() / 60;
        String utc = "UTC" + (minutes < 0 ? "−" : "+") + Math.abs(minutes) / 60
                + (minutes % 60 == 0 ? "" : String.format(":%02d", Math.abs(minutes) % 60));
        return message("access.log.clinic-time", locale, when, utc);
    }

    /** «Врач Петров И. И., поликлиника №3»: the kind of reader, their name and, for staff, the clinic. */
    private String who(AccessLogLine line, Locale locale) {
        String title = message("access.log.who." + title(line), locale);
        if ("someone".equals(title(line))) {
            // Somebody with no relation to the record (another patient refused, say): the log tells
            // that an attempt was made, not who the other person is.
            return title;
        }
        String name = line.readerName() == null || line.readerName().isBlank()
                ? message("access.log.who.unknown", locale)
                : line.readerName();
        // «Врач Петров И. И., поликлиника №3, открыл(а) …»: the clinic stands between commas.
        return line.clinicName() == null ? title + " " + name : title + " " + name + ", " + line.clinicName() + ",";
    }

    private static String title(AccessLogLine line) {
        if (line.role() == null) {
            return "someone";
        }
        return switch (line.role()) {
            case "CLINICIAN", "EMERGENCY", "DOCTOR" -> "doctor";
            case "PARENT" -> "parent";
            case "GRANTEE" -> "grantee";
            case "PLATFORM_ADMIN", "SUPPORT" -> "platform";
            case "STAFF", "CLINIC", "REGISTRAR", "CLINIC_ADMIN" -> "staff";
            default -> "someone";
        };
    }

    private String message(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, code, locale);
    }
}
