package org.medkarta.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.Relation;
import org.medkarta.identity.PatientRecords;
import org.medkarta.record.ImportedSources;
import org.medkarta.record.RecordReading;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Patients' records as Patients. A read opens the record through the access module (audited, 404 for
 * a record the caller may not see); a search covers the records the caller reaches (a patient: their
 * own, their children's, the ones granted to them), or, named by {@code _id}, {@code identifier} or
 * {@code phone}, the records those lead to that the caller may see: staff must name the patient that
 * way, as at the registry desk. Each record a search opens is one audit entry.
 */
@Component
class PatientProvider implements IResourceProvider {

    private final PatientScope scope;
    private final PatientRecords records;
    private final RecordReading record;
    private final FhirImport importer;
    private final ImportedSources imports;
    private final FhirContext context;
    private final LocaleResolver locales;
    private final TransactionTemplate transaction;

    PatientProvider(
            PatientScope scope,
            PatientRecords records,
            RecordReading record,
            FhirImport importer,
            LocaleResolver locales,
            ImportedSources imports,
            FhirContext context,
            TransactionTemplate transaction) {
        this.transaction = transaction;
        this.imports = imports;
        this.context = context;
        this.scope = scope;
        this.records = records;
        this.record = record;
        this.importer = importer;
        this.locales = locales;
    }

    /**
     * {@code POST Patient/{id}/$import} with a Parameters resource whose {@code bundle} is a {@code
     * batch} or {@code transaction} Bundle (SPEC I3): a file the patient brought from another system,
     * imported into their own record only and marked patient-reported (staff importing this way file
     * it as the clinic's). Answers an OperationOutcome: the counts first, then what was kept, refused
     * or looks like a duplicate, entry by entry.
     */
    @Operation(name = "$import", idempotent = false)
    public OperationOutcome importInto(
            @IdParam IdType id,
            @OperationParam(name = "bundle", min = 1, max = 1) Bundle bundle,
            HttpServletRequest request,
            HttpServletResponse response) {
        var caller = FhirCaller.required();
        var patient = FhirIds.parse(id, PatientId::new);
        var imported = importer.run(bundle, caller, patient, locales.resolveLocale(request));
        response.setHeader(ImportProvider.REPORT_HEADER, imported.report().header());
        var outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                .setCode(OperationOutcome.IssueType.INFORMATIONAL)
                .setDiagnostics(imported.report().header());
        for (var entry : imported.bundle().getEntry()) {
            if (entry.getResponse().getOutcome() instanceof OperationOutcome each) {
                outcome.getIssue().addAll(each.getIssue());
            }
        }
        return outcome;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id) {
        return patient(scope.read(FhirIds.parse(id, PatientId::new)));
    }

    /**
     * {@code identifier} SNILS ({@code urn:oid:1.2.643.100.3|...}), OMS policy ({@code
     * https://medkarta.org/fhir/sid/oms-enp|...}) or Medkarta id; {@code family}, {@code given}, {@code name}
     * as FHIR string search; {@code birthdate} with prefixes; {@code gender}; {@code phone} as typed.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = "_id") TokenParam id,
            @OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = Patient.SP_FAMILY) StringParam family,
            @OptionalParam(name = Patient.SP_GIVEN) StringParam given,
            @OptionalParam(name = Patient.SP_NAME) StringParam name,
            @OptionalParam(name = Patient.SP_BIRTHDATE) DateRangeParam birthdate,
            @OptionalParam(name = Patient.SP_GENDER) TokenParam gender,
            @OptionalParam(name = Patient.SP_PHONE) TokenParam phone,
            @Offset Integer offset,
            @Count Integer count) {
        Set<PatientId> named = null;
        if (id != null) {
            named = narrow(
                    named,
                    PatientScope.uuid(id.getValue()).map(PatientId::new).stream()
                            .toList());
        }
        if (identifier != null) {
            named = narrow(named, holdersOf(identifier));
        }
        if (phone != null) {
            named = narrow(named, records.holders(phone.getValue()));
        }
        List<AccessDecision> visible = named == null ? scope.reachable(FhirCaller.required()) : scope.search(named);
        var born = scope.range(birthdate);
        // Every record's header, card and imported source in one transaction, not three each.
        var patients = transaction.execute(
                status -> visible.stream().map(this::patient).toList());
        var found = new ArrayList<Patient>();
        for (var patient : patients) {
            if (matchesIdentifier(identifier, patient)
                    && (family == null
                            || patient.getName().stream().anyMatch(n -> Strings.matches(family, n.getFamily())))
                    && (given == null
                            || patient.getName().stream()
                                    .flatMap(n -> n.getGiven().stream())
                                    .anyMatch(g -> Strings.matches(given, g.getValue())))
                    && (name == null || patient.getName().stream().anyMatch(n -> matchesName(name, n)))
                    && (birthdate == null
                            || patient.hasBirthDate()
                                    && born.contains(LocalDate.parse(
                                            patient.getBirthDateElement().getValueAsString())))
                    && (gender == null
                            || PatientScope.matches(
                                    gender,
                                    "http://hl7.org/fhir/administrative-gender",
                                    patient.hasGender() ? patient.getGender().toCode() : null))
                    && (phone == null || matchesPhone(phone, patient))) {
                found.add(patient);
            }
        }
        return Pages.of(found, offset, count);
    }

    /**
     * The Patient a decision lets its holder see: a grantee the header, everyone else the whole card;
     * also what other searches {@code _include} as their subject, under the decision they took.
     */
    Patient patient(AccessDecision decision) {
        var header = record.header(decision);
        if (decision.relation() == Relation.GRANTEE) {
            return PatientTranslator.toFhir(decision.patient(), header);
        }
        var card = records.find(decision.patient()).orElseThrow(NotFound::new);
        var translated = PatientTranslator.toFhir(card, header.sex());
        return imports.patientSource(decision)
                .map(json -> withImported(translated, context.newJsonParser().parseResource(Patient.class, json)))
                .orElse(translated);
    }

    /**
     * A record imported from another system (SPEC I3) keeps what Medkarta does not model (addresses,
     * the other system's identifiers, extensions) from the Patient it came with; what Medkarta keeps
     * (its identifiers, the birth date and sex, and the name once staff changed it) is the record's.
     */
    private static Patient withImported(Patient translated, Patient source) {
        source.setIdElement(translated.getIdElement());
        source.setMeta(translated.getMeta());
        for (var identifier : translated.getIdentifier()) {
            boolean present = source.getIdentifier().stream()
                    .anyMatch(own -> identifier.getSystem().equals(own.getSystem()));
            if (!present) {
                source.addIdentifier(identifier);
            }
        }
        var name = translated.getNameFirstRep();
        var sent = source.getNameFirstRep();
        boolean sameName = name.hasFamily()
                && name.getFamily().equalsIgnoreCase(sent.getFamily())
                && !sent.getGiven().isEmpty()
                && name.getGiven().stream()
                        .anyMatch(given -> given.getValue()
                                .equalsIgnoreCase(sent.getGiven().get(0).getValue()));
        if (!sameName) {
            source.setName(translated.getName());
        }
        if (translated.hasBirthDate()) {
            source.setBirthDateElement(translated.getBirthDateElement());
        }
        if (translated.hasGender()) {
            source.setGender(translated.getGender());
        }
        return source;
    }

    private List<PatientId> holdersOf(TokenParam identifier) {
        String system = identifier.getSystem();
        String value = identifier.getValue();
        if (value == null || value.isBlank()) {
            return List.of();
        }
        if (Systems.PATIENT.equals(system)) {
            return PatientScope.uuid(value.strip()).map(PatientId::new).stream().toList();
        }
        if (system == null || system.isEmpty()) {
            var found = new ArrayList<PatientId>();
            PatientScope.uuid(value.strip()).map(PatientId::new).ifPresent(found::add);
            found.addAll(records.holders(value));
            return found;
        }
        return Systems.SNILS.equals(system) || Systems.OMS.equals(system) ? records.holders(value) : List.of();
    }

    private static Set<PatientId> narrow(Set<PatientId> named, List<PatientId> found) {
        var kept = new LinkedHashSet<>(found);
        if (named != null) {
            kept.retainAll(named);
        }
        return kept;
    }

    private static boolean matchesIdentifier(TokenParam wanted, Patient patient) {
        if (wanted == null) {
            return true;
        }
        // A SNILS or policy as typed, with spaces and dashes ("112-233-445 95"), or an id as is.
        String value = wanted.getValue() == null ? null : wanted.getValue().replaceAll("[\\s\\-]", "");
        var typed = new TokenParam(wanted.getSystem(), value);
        return patient.getIdentifier().stream()
                .anyMatch(identifier -> PatientScope.matches(wanted, identifier.getSystem(), identifier.getValue())
                        || PatientScope.matches(typed, identifier.getSystem(), identifier.getValue()));
    }

    private static boolean matchesName(StringParam wanted, org.hl7.fhir.r4.model.HumanName name) {
        var parts = new ArrayList<String>();
        parts.add(name.getFamily());
        name.getGiven().stream().map(StringType::getValue).forEach(parts::add);
        parts.add(name.getText());
        return parts.stream().anyMatch(part -> Strings.matches(wanted, part));
    }

    private static boolean matchesPhone(TokenParam wanted, Patient patient) {
        String digits = wanted.getValue() == null ? "" : wanted.getValue().replaceAll("\\D", "");
        if (digits.length() < 10) {
            return false;
        }
        String tail = digits.substring(digits.length() - 10);
        return patient.getTelecom().stream()
                .filter(point -> point.getSystem() == ContactPointSystem.PHONE)
                .anyMatch(point -> point.getValue().replaceAll("\\D", "").endsWith(tail));
    }
}
