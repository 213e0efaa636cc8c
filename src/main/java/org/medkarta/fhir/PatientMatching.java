package org.medkarta.fhir;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.fhir.ImportEntry.Result;
import org.medkarta.identity.PatientRecordForm;
import org.medkarta.identity.PatientRecords;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.RecordImport;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Component;

/**
 * Which record each Patient of an imported Bundle is ({@link FhirImport}): the record its entry names
 * ({@code PUT Patient/{id}}, {@code ifNoneExist}), the one the same patient was imported into before,
 * the record with its SNILS, then its OMS policy; a namesake in the importer's care is a candidate the
 * importer confirms by naming it, never merged silently; otherwise a new record at the importer's
 * clinic. Also the record a conditional reference ({@code Patient?identifier=…}) names.
 */
@Component
class PatientMatching {

    private final RecordImport imports;
    private final RecordAccess access;
    private final PatientRecords patients;

    PatientMatching(RecordImport imports, RecordAccess access, PatientRecords patients) {
        this.imports = imports;
        this.access = access;
        this.patients = patients;
    }

    /** Matches or creates the record of the Patient {@code item}, or refuses it. */
    void resolve(
            ImportEntry item,
            Patient patient,
            SignedInUser actor,
            PatientId into,
            ImportWords words,
            Map<PatientId, AccessDecision> decisions) {
        try {
            if (into != null) {
                item.patient = into;
                item.result = Result.MATCHED;
                return;
            }
            var request = item.entry.getRequest();
            if (request.getMethod() == HTTPVerb.PUT
                    && request.getUrl() != null
                    && request.getUrl().startsWith("Patient/")) {
                var named = PatientScope.uuid(new IdType(request.getUrl()).getIdPart())
                        .map(PatientId::new)
                        .orElseThrow(NotFound::new);
                decideImport(actor, named, decisions);
                item.patient = named;
                item.result = Result.MATCHED;
                return;
            }
            if (request.hasIfNoneExist()) {
                var found = patientByIdentifier(request.getIfNoneExist());
                if (found != null) {
                    decideImport(actor, found, decisions);
                    item.patient = found;
                    item.result = Result.MATCHED;
                    return;
                }
            }
            // The same patient sent again by the same system: the record it was imported into.
            String idPart = patient.getIdElement().getIdPart();
            String identity = idPart != null ? idPart : item.entry.getFullUrl();
            var imported = identity == null
                    ? java.util.Optional.<PatientId>empty()
                    : imports.recordImportedAs(ImportFingerprints.sha256("Patient|" + identity));
            if (imported.isPresent()) {
                decideImport(actor, imported.get(), decisions);
                item.patient = imported.get();
                item.result = Result.MATCHED;
                return;
            }
            for (String system : List.of(Systems.SNILS, Systems.OMS)) {
                for (var identifier : patient.getIdentifier()) {
                    if (system.equals(identifier.getSystem()) && identifier.hasValue()) {
                        var holders = patients.holders(identifier.getValue());
                        if (!holders.isEmpty()) {
                            decideImport(actor, holders.get(0), decisions);
                            item.patient = holders.get(0);
                            item.result = Result.MATCHED;
                            return;
                        }
                    }
                }
            }
            var name = patient.getNameFirstRep();
            String family = name.getFamily();
            String given =
                    name.getGiven().isEmpty() ? null : name.getGiven().get(0).getValue();
            var born = patient.hasBirthDate()
                    ? patient.getBirthDateElement()
                            .getValue()
                            .toInstant()
                            .atZone(PatientScope.ZONE)
                            .toLocalDate()
                    : null;
            for (var candidate : patients.namesakes(family, given, born)) {
                if (mayImport(actor, candidate)) {
                    item.refuse(words.say("candidate", candidate.value()));
                    return;
                }
            }
            var created = patients.createImported(actor, form(patient, family, given, born));
            item.patient = created.patientId();
            item.result = Result.CREATED;
        } catch (DomainException refused) {
            item.refuse(
                    refused instanceof InvalidInput invalid
                            ? words.invalidText(invalid)
                            : words.say("patient-not-yours"));
        }
    }

    private boolean mayImport(SignedInUser actor, PatientId candidate) {
        try {
            access.require(actor, candidate, RecordAction.IMPORT);
            return true;
        } catch (DomainException notYours) {
            return false;
        }
    }

    private static PatientRecordForm form(Patient patient, String family, String given, java.time.LocalDate born) {
        var name = patient.getNameFirstRep();
        String patronymic = name.getGiven().size() > 1 ? name.getGiven().get(1).getValue() : null;
        String sex = patient.getGender() == AdministrativeGender.MALE
                ? "MALE"
                : patient.getGender() == AdministrativeGender.FEMALE ? "FEMALE" : null;
        String phone = patient.getTelecom().stream()
                .filter(point -> point.hasValue()
                        && "phone"
                                .equals(
                                        point.getSystem() == null
                                                ? null
                                                : point.getSystem().toCode()))
                .map(point -> point.getValue())
                .findFirst()
                .orElse(null);
        String snils = identifier(patient, Systems.SNILS);
        String oms = identifier(patient, Systems.OMS);
        return new PatientRecordForm(
                family, given, patronymic, born == null ? null : born.toString(), sex, phone, snils, oms, null, null);
    }

    private static String identifier(Patient patient, String system) {
        return patient.getIdentifier().stream()
                .filter(identifier -> system.equals(identifier.getSystem()))
                .map(Identifier::getValue)
                .findFirst()
                .orElse(null);
    }

    /** The record a {@code identifier=system|value} query names by SNILS or OMS policy, if one. */
    PatientId patientByIdentifier(String query) {
        for (String part : query.split("&")) {
            if (!part.startsWith("identifier=")) {
                continue;
            }
            String token = java.net.URLDecoder.decode(part.substring("identifier=".length()), StandardCharsets.UTF_8);
            int bar = token.indexOf('|');
            String system = bar < 0 ? null : token.substring(0, bar);
            String value = bar < 0 ? token : token.substring(bar + 1);
            if (Systems.PATIENT.equals(system)) {
                return PatientScope.uuid(value).map(PatientId::new).orElse(null);
            }
            if (system == null || Systems.SNILS.equals(system) || Systems.OMS.equals(system)) {
                var holders = patients.holders(value);
                if (holders.size() == 1) {
                    return holders.get(0);
                }
            }
        }
        return null;
    }

    private void decideImport(SignedInUser actor, PatientId patient, Map<PatientId, AccessDecision> decisions) {
        decisions.computeIfAbsent(patient, record -> access.require(actor, record, RecordAction.IMPORT));
    }
}
