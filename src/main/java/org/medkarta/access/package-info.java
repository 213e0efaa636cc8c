/**
 * Who may see and change whose medical record (SPEC F1-F5): the patient themself, a parent of a
 * child under 15, a person the patient granted access to, a clinician within a care relationship,
 * and an emergency opening with a stated reason. Every read and write of record data asks
 * {@link org.medkarta.access.RecordAccess} first; a record the asker may not see answers 404.
 */
@ApplicationModule(displayName = "Access")
package org.medkarta.access;

import org.springframework.modulith.ApplicationModule;
