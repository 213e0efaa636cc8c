package org.medkarta.access;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.audit.AuditRecord;
import org.medkarta.audit.AuditTrail;
import org.medkarta.clinic.ClinicCard;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.AccountView;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The patient's access log (SPEC G3): who opened the record, for the patient or their parent. The
 * API and the patient's page both read it here, filtered and paged alike.
 */
@Service
public class AccessAudit {

    /** What part of a record a request opened, by a word of its address; the first match names it. */
    private static final List<Map.Entry<String, String>> SUBJECTS = List.of(
            Map.entry("/access-log", "access-log"),
            Map.entry("/grants", "grants"),
            Map.entry("protocol", "protocols"),
            Map.entry("/labs", "labs"),
            Map.entry("/diary", "diary"),
            Map.entry("/uploads", "documents"),
            Map.entry("/files", "documents"),
            Map.entry("/documents", "documents"),
            Map.entry("/extracts", "extracts"),
            Map.entry("/fhir", "fhir"),
            Map.entry("/contacts", "contacts"),
            Map.entry("/questionnaires", "questionnaires"),
            Map.entry("/identity", "identity"),
            Map.entry("/entries", "entries"),
            Map.entry("consultation", "consultations"));

    private final RecordAccess access;
    private final AuditTrail audit;
    private final AccountDirectory identity;
    private final ClinicCatalogue clinics;
    private final AccessProperties properties;
    private final TransactionTemplate transaction;

    AccessAudit(
            RecordAccess access,
            AuditTrail audit,
            AccountDirectory identity,
            ClinicCatalogue clinics,
            AccessProperties properties,
            TransactionTemplate transaction) {
        this.access = access;
        this.audit = audit;
        this.identity = identity;
        this.clinics = clinics;
        this.properties = properties;
        this.transaction = transaction;
    }

    /** The newest 500 entries about the record, this reading included. */
    public List<AuditRecord> of(SignedInUser actor, PatientId patient) {
        return transaction.execute(status -> {
            access.require(actor, patient, RecordAction.MANAGE_ACCESS);
            return audit.ofPatient(patient.value(), 500);
        });
    }

    /**
     * One page of who opened the record, newest first, filtered by {@code query}: for the patient or
     * their legal representative, as {@link #of} (anyone else gets 404). Days are the patient's
     * (order 003's zone); each line's time is told in the zone of the clinic of a staff reader, else
     * in that zone too.
     */
    public AccessLogPage page(SignedInUser actor, PatientId patient, AccessLogQuery query) {
        var found = transaction.execute(status -> {
            access.require(actor, patient, RecordAction.MANAGE_ACCESS);
            ZoneId zone = properties.zone();
            Instant from = query.from() == null
                    ? Instant.EPOCH
                    : query.from().atStartOfDay(zone).toInstant();
            Instant to = query.to() == null
                    ? LocalDate.of(9999, 1, 1).atStartOfDay(ZoneId.of("UTC")).toInstant()
                    : query.to().plusDays(1).atStartOfDay(zone).toInstant();
            List<String> roles = query.kind() == null ? List.of() : query.kind().roles();
            return audit.ofPatient(patient.value(), from, to, roles, query.before(), AccessLogQuery.PAGE_SIZE + 1);
        });
        boolean hasNext = found.size() > AccessLogQuery.PAGE_SIZE;
        var readers = new HashMap<UUID, Reader>();
        var lines = found.stream()
                .limit(AccessLogQuery.PAGE_SIZE)
                .map(entry -> line(
                        entry, entry.actor() == null ? null : readers.computeIfAbsent(entry.actor(), this::reader)))
                .toList();
        return new AccessLogPage(lines, query, hasNext, properties.zone());
    }

    private AccessLogLine line(AuditRecord entry, Reader reader) {
        ReaderKind kind = entry.emergency() ? ReaderKind.EMERGENCY : ReaderKind.of(entry.role());
        boolean staff = kind == ReaderKind.CLINIC || kind == ReaderKind.EMERGENCY;
        ZoneId zone = staff && reader != null && reader.zone() != null ? reader.zone() : properties.zone();
        return new AccessLogLine(
                entry.seq(),
                entry.at().atZone(zone),
                entry.actor(),
                reader == null ? null : reader.name(),
                entry.role(),
                kind,
                staff && reader != null ? reader.clinic() : null,
                entry.action(),
                deed(entry.action(), entry.resource()),
                subjectOf(entry.action(), entry.resource()),
                "SUCCESS".equals(entry.outcome()),
                entry.emergency(),
                entry.emergency() ? entry.reason() : null);
    }

    /**
     * What the reader did, said by the action decided and, for the access settings (read and changed
     * under one action), by the request's method: a write is not told as an opening.
     */
    static String deed(String action, String resource) {
        if (action == null) {
            return "opened";
        }
        return switch (action) {
            case "RECORD_DOWNLOAD" -> "downloaded";
            case "RECORD_WRITE", "RECORD_CONTRIBUTE", "RECORD_IMPORT" -> "added";
            case "RECORD_MANAGE_ACCESS" -> resource == null || resource.startsWith("GET ") ? "opened" : "changed";
            case "RECORD_ACT_FOR" -> "acted";
            case "RECORD_ACCESS_BOUND" -> "bound";
            default -> "opened";
        };
    }

    private static String subjectOf(String action, String resource) {
        if ("RECORD_ACT_FOR".equals(action)) {
            return "on-behalf";
        }
        if ("RECORD_ACCESS_BOUND".equals(action)) {
            return "binding";
        }
        return subject(resource);
    }

    static String subject(String resource) {
        if (resource == null) {
            return "record";
        }
        String path = resource.toLowerCase(java.util.Locale.ROOT);
        return SUBJECTS.stream()
                .filter(subject -> path.contains(subject.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("record");
    }

    /** A reader's name as «Петров И. И.», the clinic of their staff role and its zone. */
    private record Reader(String name, String clinic, ZoneId zone) {}

    private Reader reader(UUID id) {
        Optional<AccountView> account = identity.account(new UserId(id));
        if (account.isEmpty()) {
            return new Reader(null, null, null);
        }
        var person = account.get();
        var clinic = person.roles().stream()
                .filter(grant -> grant.clinic() != null && grant.role() != Role.PATIENT)
                .map(RoleGrant::clinic)
                .filter(Objects::nonNull)
                .findFirst()
                .flatMap(this::card);
        return new Reader(
                shortName(person.lastName(), person.firstName(), person.patronymic()),
                clinic.map(ClinicCard::name).orElse(null),
                clinic.map(card -> zoneOf(card.timezone())).orElse(null));
    }

    private Optional<ClinicCard> card(org.medkarta.shared.ClinicId clinic) {
        try {
            return Optional.of(clinics.card(clinic));
        } catch (DomainException gone) {
            return Optional.empty();
        }
    }

    private static ZoneId zoneOf(String timezone) {
        try {
            return timezone == null ? null : ZoneId.of(timezone);
        } catch (java.time.DateTimeException unknown) {
            return null;
        }
    }

    static String shortName(String last, String first, String patronymic) {
        var name = new StringBuilder(last == null ? "" : last.strip());
        for (String part : new String[] {first, patronymic}) {
            if (part != null && !part.isBlank()) {
                name.append(name.isEmpty() ? "" : " ")
                        .append(part.strip().charAt(0))
                        .append('.');
            }
        }
        return name.toString();
    }
}
