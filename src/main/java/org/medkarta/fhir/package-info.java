/**
 * FHIR R4 (SPEC I2, ADR 0004): a HAPI FHIR plain server at {@code /fhir} over the other modules.
 * One thin {@code *Provider} per resource type answers the FHIR interactions by calling the owning
 * module's facade, and one {@code *Translator} per resource maps that module's public records to
 * FHIR and back. Nothing is stored here: the same access rules, audit and validation apply as in the
 * pages and the REST API, and every refusal comes back as an OperationOutcome.
 *
 * <p>Identifier and code system URIs are listed in one place, {@link org.medkarta.fhir.Systems}
 * (ADR 0009 gives the source of each).
 */
@ApplicationModule(displayName = "FHIR R4")
package org.medkarta.fhir;

import org.springframework.modulith.ApplicationModule;
