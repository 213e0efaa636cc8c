/**
 * The medical record (SPEC E): who the patient is (E1), the clinical entries clinicians file with
 * full version history (E2, E6, E7), the patient view of order 003 Appendix 1 (E3) with its charts
 * (E4), patient uploads and their verification (E5) and self-monitoring diaries with doctors'
 * thresholds and alerts (E8).
 *
 * <p>It does not decide who may open a record: every public method that reads or writes a patient's
 * record data takes an {@link org.medkarta.access.AccessDecision}, which only the access module's
 * policy point makes. It keeps no files itself: uploads go to the {@code files} module.
 */
@ApplicationModule(displayName = "Record")
package org.medkarta.record;

import org.springframework.modulith.ApplicationModule;
