package org.medkarta.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.IdType;
import org.medkarta.identity.PolicyView;
import org.medkarta.identity.RegistryIdentifiers;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Component;

/**
 * OMS and DMS policies as Coverages, under identity's rule for them (SPEC F4, issue 12): the patient
 * sees their own; a doctor, registrar or clinic administrator only a patient a clinic of theirs cares
 * for (attached, booked, referred, being registered); anyone else gets 404 on read and nothing from a
 * search. Each read and search of a record's policies is one entry in the audit trail, as in the
 * policies API.
 */
@Component
class CoverageProvider implements IResourceProvider {

    private final RegistryIdentifiers records;

    CoverageProvider(RegistryIdentifiers records) {
        this.records = records;
    }

    @Override
    public Class<Coverage> getResourceType() {
        return Coverage.class;
    }

    @Read
    public Coverage read(@IdParam IdType id) {
        var caller = FhirCaller.required();
        return CoverageTranslator.toFhir(records.policy(caller, FhirIds.parse(id, Function.identity())));
    }

    /**
     * {@code patient}/{@code beneficiary} the record (without it, the caller's own); {@code type} OMS
     * ({@code PUBLICPOL}) or DMS ({@code HIP}) as {@code system|code}; {@code identifier} a policy
     * number, as {@code system|value}.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = Coverage.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Coverage.SP_BENEFICIARY) ReferenceParam beneficiary,
            @OptionalParam(name = Coverage.SP_TYPE) TokenOrListParam type,
            @OptionalParam(name = Coverage.SP_IDENTIFIER) TokenOrListParam identifier,
            @Offset Integer offset,
            @Count Integer count) {
        var caller = FhirCaller.required();
        var found = policies(caller, patient, beneficiary).stream()
                .filter(policy -> PatientScope.matches(
                        type, CoverageTranslator.TYPE_SYSTEM, CoverageTranslator.type(policy.kind())))
                .filter(policy -> identifier == null
                        || CoverageTranslator.toFhir(policy).getIdentifier().stream()
                                .anyMatch(id -> PatientScope.matches(identifier, id.getSystem(), id.getValue())))
                .toList();
        return CareSearch.page(found, offset, count, CoverageTranslator::toFhir);
    }

    /** The policies of the record the search names, or of the caller's own; none where identity refuses. */
    private List<PolicyView> policies(SignedInUser caller, ReferenceParam patient, ReferenceParam beneficiary) {
        PatientId record;
        if (patient == null && beneficiary == null) {
            record = caller.patientId();
        } else {
            var named = CareSearch.named(patient, beneficiary);
            record = named.orElse(null);
        }
        if (record == null) {
            return List.of();
        }
        try {
            return records.policies(caller, record);
        } catch (NotFound refused) {
            return List.of();
        }
    }
}
