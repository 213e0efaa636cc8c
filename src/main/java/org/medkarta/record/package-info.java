/**
 * The medical record (SPEC E): who the patient is (E1), the clinical entries clinicians file with
 * full version history (E2, E6, E7), the patient view of order 003 Appendix 1 (E3) with its charts
 * (E4), patient uploads and their verification (E5) and self-monitoring diaries with doctors'
 * thresholds and alerts (E8).
 *
 * <p>It does not decide who may open a record: every public method that reads or writes a patient's
 * record data takes an {@link org.medkarta.access.AccessDecision}, which only the access module's
 * policy point makes. It keeps no files itself: uploads go to the {@code files} module.
 *
 * <p>Its public facades, one per use case:
 *
 * <ul>
 *   <li>{@link org.medkarta.record.RecordReading}: the record page by page, one entry, lab charts
 *       (E2–E4),
 *       tested by {@code RecordReadingIT};
 *   <li>{@link org.medkarta.record.ClinicalEntries}: clinicians' entries, corrections, «entered in
 *       error» (E6, E7),
 *       tested by {@code ClinicalEntriesIT};
 *   <li>{@link org.medkarta.record.PatientContacts}: contacts, addresses, the identity document (E1),
 *       tested by {@code PatientContactsIT};
 *   <li>{@link org.medkarta.record.PatientIdentifiers}: sex, SNILS, OMS policy, shared policy
 *       numbers (E1, E7, F4),
 *       tested by {@code PatientIdentifiersIT};
 *   <li>{@link org.medkarta.record.RecordUploads}: uploads and their verification (E5),
 *       tested by {@code RecordUploadsIT};
 *   <li>{@link org.medkarta.record.Diary}: diaries, thresholds and alerts (E8),
 *       tested by {@code DiaryIT};
 *   <li>{@link org.medkarta.record.Extracts}: extracts as signed PDFs (E10),
 *       tested by {@code ExtractsIT};
 *   <li>{@link org.medkarta.record.SignedProtocols}, {@link org.medkarta.record.VisitProtocols}:
 *       signed consultation protocols and other modules' visit protocols,
 *       tested by {@code SignedProtocolsIT};
 *   <li>{@link org.medkarta.record.ClinicalResults}, {@link org.medkarta.record.LivingRegion}: results
 *       across records, the living region,
 *       tested by {@code ClinicalResultsIT};
 *   <li>{@link org.medkarta.record.RecordImport}: the FHIR import's way in, one resource or a whole
 *       import's in batches, with duplicates found (I3, E7),
 *       tested by {@code RecordImportIT};
 *   <li>{@link org.medkarta.record.ImportedSources}: what was imported, read back as it came, and the
 *       kept source documents (I3),
 *       tested by {@code ImportedSourcesIT}.
 * </ul>
 *
 * <p>Entries enter through the one package-private {@code RecordFiling}; the shared checks (which
 * decision serves which action, clinicians only for clinical entries) are {@code RecordRules}.
 */
@ApplicationModule(displayName = "Record")
package org.medkarta.record;

import org.springframework.modulith.ApplicationModule;
