package org.medkarta.fhir;

import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.access.RecordRef;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The patient compartment of {@code /fhir}: whose records a request may touch, decided by the access
 * module's policy point ({@link RecordAccess}) exactly as the REST API decides it, one audited
 * decision per record opened.
 *
 * <p>How a provider of a patient-compartment resource (Encounter, Condition, Observation, ...) uses it:
 *
 * <pre>{@code
 * @Read
 * public Condition read(@IdParam IdType id) {
 *     var entry = ...find the resource's patient without reading its data...;
 *     AccessDecision decision = scope.read(entry.patient());      // 404 unless the caller may VIEW
 *     return ConditionTranslator.toFhir(facade.entry(decision, ...));
 * }
 *
 * @Search
 * public IBundleProvider search(@OptionalParam(name = "patient") ReferenceParam patient,
 *                               @OptionalParam(name = "subject") ReferenceParam subject, ...) {
 *     List<AccessDecision> records = scope.search(patient, subject); // visible records only
 *     ...ask the facade with each decision, filter with PatientScope.range/matches, page...
 * }
 * }</pre>
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>A {@code patient}/{@code subject} reference is {@code Patient/{id}}, a bare id, or an absolute
 *       URL ending in {@code Patient/{id}}. Any other type, a chain or an id that is not a Medkarta
 *       UUID names nobody: the search finds nothing (never 400 or 500, which would tell ids apart).
 *   <li>A read asks for {@link RecordAction#VIEW}; a record the caller may not see is the domain's
 *       {@link NotFound} (404), audited as a refusal by the access module.
 *   <li>A search naming a patient opens that record if the caller may see it, else finds nothing
 *       (the refusal is audited, the answer is the same empty Bundle as for an unknown patient).
 *   <li>A search without a patient, by a patient or representative: every record they reach (their
 *       own, children under 15, grants by level), each opened and audited.
 *   <li>A search without a patient by staff (doctor, registrar, administrator): 400, the patient must
 *       be named. Medkarta offers no list of "everyone in my care" to clinicians anywhere else either;
 *       a clinician opens one patient at a time, as on the doctor's desk.
 * </ul>
 *
 * <p>The static helpers are shared by every provider: {@link #range} turns a {@link DateRangeParam}
 * into a half-open {@code [from, to)} interval of instants in Medkarta's zone, {@link #matches} does
 * {@code system|code} token matching, and {@link #patient}, {@link #practitioner}, {@link
 * #practitionerRole}, {@link #organization} build references.
 */
@Component
class PatientScope {

    /**
     * Where a date without a time zone is read: Moscow, the zone the record's dates are written in
     * (order 003), as the access module reads birthdays.
     */
    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

    private static final Set<Role> STAFF = Set.of(Role.DOCTOR, Role.REGISTRAR, Role.CLINIC_ADMIN);

    private final RecordAccess access;
    private final MessageSource messages;
    private final LocaleResolver locales;

    PatientScope(RecordAccess access, MessageSource messages, LocaleResolver locales) {
        this.access = access;
        this.messages = messages;
        this.locales = locales;
    }

    // --- whose records ---

    /**
     * The caller's decision to read {@code patient}'s record.
     *
     * @throws NotFound when they may not see it (audited as a refusal), or {@code patient} is null
     */
    AccessDecision read(PatientId patient) {
        if (patient == null) {
            throw new NotFound();
        }
        return access.require(FhirCaller.required(), patient, RecordAction.VIEW);
    }

    /**
     * The records a search of a patient-compartment resource covers: the one {@code patient} and
     * {@code subject} name (both, when given, must name the same one), or without them the records
     * the caller reaches as a patient or representative.
     *
     * @throws ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException 400 for staff who name no patient
     */
    List<AccessDecision> search(ReferenceParam patient, ReferenceParam subject) {
        var caller = FhirCaller.required();
        if (patient == null && subject == null) {
            return reachable(caller);
        }
        var named = new LinkedHashSet<Optional<PatientId>>();
        if (patient != null) {
            named.add(patientOf(patient));
        }
        if (subject != null) {
            named.add(patientOf(subject));
        }
        if (named.size() != 1) {
            return List.of();
        }
        return named.iterator().next().map(id -> visible(caller, id)).orElse(List.of());
    }

    /**
     * The records of {@code patients} the caller may see, each opened and audited; for a search that
     * found its candidates by something other than a reference (Patient by {@code _id} or identifier).
     */
    List<AccessDecision> search(Collection<PatientId> patients) {
        var caller = FhirCaller.required();
        var found = new ArrayList<AccessDecision>();
        for (var patient : new LinkedHashSet<>(patients)) {
            found.addAll(visible(caller, patient));
        }
        return found;
    }

    /**
     * Without a patient named: the records a patient or representative reaches (their own first,
     * then children, then grants); staff are asked to name one.
     */
    List<AccessDecision> reachable(SignedInUser caller) {
        if (STAFF.stream().anyMatch(caller::has)) {
            throw FhirErrors.failure(400, IssueType.REQUIRED, text("fhir.patient-required"), "patient-required");
        }
        var found = new ArrayList<AccessDecision>();
        for (RecordRef record : access.records(caller)) {
            found.addAll(visible(caller, record.patientId()));
        }
        return found;
    }

    private List<AccessDecision> visible(SignedInUser caller, PatientId patient) {
        try {
            return List.of(access.require(caller, patient, RecordAction.VIEW));
        } catch (NotFound hidden) {
            return List.of();
        }
    }

    /**
     * The patient a reference search parameter names: {@code Patient/{id}}, {@code {id}}, {@code
     * http://host/fhir/Patient/{id}}, or with the {@code :Patient} modifier. Empty for another
     * resource type, a chain, or an id that is no Medkarta UUID.
     */
    static Optional<PatientId> patientOf(ReferenceParam reference) {
        if (reference == null || reference.hasChain() || reference.getValue() == null) {
            return Optional.empty();
        }
        String value = reference.getValue().strip();
        if (reference.getResourceType() != null && !value.contains("/")) {
            value = reference.getResourceType() + "/" + value;
        }
        if (value.isEmpty()) {
            return Optional.empty();
        }
        var id = new IdType(value);
        if (id.getResourceType() != null && !"Patient".equals(id.getResourceType())) {
            return Optional.empty();
        }
        return uuid(id.getIdPart()).map(PatientId::new);
    }

    static Optional<UUID> uuid(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** A message in the request's language (as the REST API chooses it). */
    String text(String key, Object... args) {
        Locale locale = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? locales.resolveLocale(attributes.getRequest())
                : LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, locale);
    }

    // --- dates ---

    /**
     * A date search as a half-open interval {@code [from, to)} of instants; null ends are open. The
     * parameter's precision sets the period each value stands for ({@code 2024} the whole year,
     * {@code 2024-03-05} that day in Moscow, a time with its zone that instant); its prefix where the
     * interval lies: {@code eq} (none) within, {@code ge} from its start, {@code gt}/{@code sa} after
     * its end, {@code le} up to its end, {@code lt}/{@code eb} before its start. Several values (an AND)
     * narrow each other.
     *
     * @param from inclusive, or null for no lower end
     * @param to exclusive, or null for no upper end
     */
    record Range(Instant from, Instant to) {

        static final Range ALL = new Range(null, null);

        /** Whether {@code instant} lies within; a null instant does only in an unbounded range. */
        boolean contains(Instant instant) {
            if (instant == null) {
                return from == null && to == null;
            }
            return (from == null || !instant.isBefore(from)) && (to == null || instant.isBefore(to));
        }

        /** Whether the day (its start in Moscow) lies within: a date-valued element. */
        boolean contains(LocalDate day) {
            return day == null
                    ? from == null && to == null
                    : contains(day.atStartOfDay(ZONE).toInstant());
        }

        /** The first day whose start lies within, or null: for facades that filter by dates, inclusive. */
        LocalDate fromDay() {
            return from == null ? null : ceilingDay(from);
        }

        /** The last day whose start lies within, or null: for facades that filter by dates, inclusive. */
        LocalDate toDay() {
            return to == null ? null : ceilingDay(to).minusDays(1);
        }

        /** Whether nothing can lie within. */
        boolean isEmpty() {
            return from != null && to != null && !from.isBefore(to);
        }

        private static LocalDate ceilingDay(Instant instant) {
            var start = instant.atZone(ZONE).toLocalDate();
            return start.atStartOfDay(ZONE).toInstant().equals(instant) ? start : start.plusDays(1);
        }

        private Range and(Range other) {
            Instant lower =
                    from == null ? other.from : other.from == null || from.isAfter(other.from) ? from : other.from;
            Instant upper = to == null ? other.to : other.to == null || to.isBefore(other.to) ? to : other.to;
            return new Range(lower, upper);
        }
    }

    /**
     * {@code param} as a {@link Range}; {@link Range#ALL} when absent.
     *
     * @throws ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException 400 for a date that is
     *     not one or a prefix that is not supported ({@code ne}, {@code ap})
     */
    Range range(DateRangeParam param) {
        if (param == null || param.isEmpty()) {
            return Range.ALL;
        }
        var range = Range.ALL;
        var seen = new LinkedHashSet<DateParam>();
        for (DateParam value : param.getValuesAsQueryTokens()) {
            if (value != null && !value.isEmpty() && seen.add(value)) {
                range = range.and(range(value));
            }
        }
        return range;
    }

    private Range range(DateParam value) {
        Instant[] period = period(value.getValueAsString());
        var prefix = value.getPrefix() == null ? ParamPrefixEnum.EQUAL : value.getPrefix();
        return switch (prefix) {
            case EQUAL -> new Range(period[0], period[1]);
            case GREATERTHAN_OR_EQUALS -> new Range(period[0], null);
            case GREATERTHAN, STARTS_AFTER -> new Range(period[1], null);
            case LESSTHAN_OR_EQUALS -> new Range(null, period[1]);
            case LESSTHAN, ENDS_BEFORE -> new Range(null, period[0]);
            default ->
                throw FhirErrors.failure(
                        400,
                        IssueType.NOTSUPPORTED,
                        text("fhir.date-prefix", prefix.getValue()),
                        "unsupported-date-prefix");
        };
    }

    /** The period a FHIR date, dateTime or instant stands for: {@code [start, end)}. */
    private Instant[] period(String text) {
        String value = text == null ? "" : text.strip();
        try {
            if (value.matches("\\d{4}")) {
                var start = LocalDate.of(Integer.parseInt(value), 1, 1);
                return days(start, start.plusYears(1));
            }
            if (value.matches("\\d{4}-\\d{2}")) {
                var month = YearMonth.parse(value);
                return days(month.atDay(1), month.plusMonths(1).atDay(1));
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                var day = LocalDate.parse(value);
                return days(day, day.plusDays(1));
            }
            if (value.matches(".*T.*(Z|[+-]\\d{2}:\\d{2})$")) {
                return moment(OffsetDateTime.parse(value).toInstant(), value);
            }
            if (value.contains("T")) {
                return moment(LocalDateTime.parse(value).atZone(ZONE).toInstant(), value);
            }
        } catch (DateTimeParseException | IllegalArgumentException malformed) {
            // Answered below.
        }
        throw FhirErrors.failure(400, IssueType.INVALID, text("fhir.date-invalid", value), "invalid-date");
    }

    private static Instant[] days(LocalDate start, LocalDate end) {
        return new Instant[] {
            start.atStartOfDay(ZONE).toInstant(), end.atStartOfDay(ZONE).toInstant()
        };
    }

    /** A time stands for its second (or minute, when written without seconds). */
    private static Instant[] moment(Instant at, String written) {
        String time = written.substring(written.indexOf('T') + 1);
        boolean seconds = time.matches("\\d{2}:\\d{2}:\\d{2}.*");
        boolean fraction = time.matches("\\d{2}:\\d{2}:\\d{2}\\.\\d+.*");
        if (fraction) {
            return new Instant[] {at, at.plusMillis(1)};
        }
        return new Instant[] {at, at.plus(1, seconds ? ChronoUnit.SECONDS : ChronoUnit.MINUTES)};
    }

    // --- tokens ---

    /**
     * FHIR token matching of one coded value: {@code code} any system, {@code system|code} that
     * system, {@code |code} no system, {@code system|} any code of the system. Codes compare
     * case-insensitively (ICD-10 {@code j06.9} finds {@code J06.9}); systems exactly.
     */
    static boolean matches(TokenParam wanted, String system, String code) {
        if (wanted == null) {
            return true;
        }
        String wantedSystem = wanted.getSystem();
        String wantedCode = wanted.getValue();
        if (wantedSystem != null) {
            if (wantedSystem.isEmpty() ? system != null : !wantedSystem.equals(system)) {
                return false;
            }
        }
        if (wantedCode == null || wantedCode.isEmpty()) {
            return wantedSystem != null && !wantedSystem.isEmpty();
        }
        return code != null && wantedCode.equalsIgnoreCase(code);
    }

    /** Whether any of the alternatives (a comma list, an OR) matches; an absent list matches everything. */
    static boolean matches(TokenOrListParam wanted, String system, String code) {
        if (wanted == null || wanted.getValuesAsQueryTokens().isEmpty()) {
            return true;
        }
        return wanted.getValuesAsQueryTokens().stream().anyMatch(token -> matches(token, system, code));
    }

    // --- references ---

    /** {@code Patient/{id}}: the Patient resource of a record. */
    static Reference patient(PatientId patient, String display) {
        return reference("Patient", patient.value(), display);
    }

    /** {@code Practitioner/{id}}: a clinician as a person, by their Medkarta user id. */
    static Reference practitioner(UserId clinician, String display) {
        return reference("Practitioner", clinician.value(), display);
    }

    /** {@code PractitionerRole/{id}}: a doctor's profile in one clinic. */
    static Reference practitionerRole(DoctorId doctor, String display) {
        return reference("PractitionerRole", doctor.value(), display);
    }

    /** {@code Organization/{id}}: a clinic. */
    static Reference organization(ClinicId clinic, String display) {
        return reference("Organization", clinic.value(), display);
    }

    private static Reference reference(String type, UUID id, String display) {
        var reference = new Reference(type + "/" + Objects.requireNonNull(id));
        if (display != null && !display.isBlank()) {
            reference.setDisplay(display.strip());
        }
        return reference;
    }
}
