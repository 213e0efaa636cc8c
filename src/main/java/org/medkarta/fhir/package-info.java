/**
 * FHIR R4 (SPEC I2, ADR 0004): a HAPI FHIR plain server at {@code /fhir} over the other modules.
 * One thin {@code *Provider} per resource type answers the FHIR interactions by calling the owning
 * module's facade, and one {@code *Translator} per resource maps that module's public records to
 * FHIR and back. Nothing of a record is stored here: the same access rules, audit and validation
 * apply as in the pages and the REST API, and every refusal comes back as an OperationOutcome.
 *
 * <p>Export: {@link org.medkarta.fhir.PatientEverything} composes a whole record once, for {@code
 * Patient/{id}/$everything}, the record page's FHIR download ({@link org.medkarta.fhir.RecordExport})
 * and the clinic's bulk export, whose jobs and NDJSON files are the only thing this module keeps
 * ({@code fhir_export_job}, {@code fhir_export_file}).
 *
 * <p>Import: {@link org.medkarta.fhir.FhirImport} takes one Bundle in ({@code POST /fhir}, {@code
 * Patient/{id}/$import}) through the record module; the bulk import feeds it a clinic's whole set,
 * file by file or patient by patient, on a package-private worker thread, and keeps its jobs and the
 * units they have done ({@code fhir_import_job}, {@code fhir_import_unit}, {@code
 * fhir_import_refusal}) so an interrupted job continues where it stopped.
 *
 * <p>Its public facades, one per use case, for its own pages (the FHIR interactions themselves are
 * HAPI's):
 *
 * <ul>
 *   <li>{@link org.medkarta.fhir.RecordExport}: a patient's whole record as one Bundle file,
 *       tested by {@code RecordExportIT};
 *   <li>{@link org.medkarta.fhir.BulkImportUploads}: starting a clinic's bulk import from an NDJSON
 *       set or a zip of Bundles uploaded on its page (issue 15);
 *   <li>{@link org.medkarta.fhir.BulkImport}: the clinic's jobs, their progress and refusals,
 *       continuing and cancelling them, and the {@code --fhir-import} command's folder; the two halves
 *       of one use case (an upload starts the job the other runs), tested together by {@code
 *       FhirBulkImportIT}.
 * </ul>
 *
 * <p>Only a clinic's registrars and administrators import into it, checked by the one
 * package-private {@code BulkImportStaff}.
 *
 * <p>Identifier and code system URIs are listed in one place, {@link org.medkarta.fhir.Systems}
 * (ADR 0009 gives the source of each).
 */
@ApplicationModule(displayName = "FHIR R4")
package org.medkarta.fhir;

import org.springframework.modulith.ApplicationModule;
