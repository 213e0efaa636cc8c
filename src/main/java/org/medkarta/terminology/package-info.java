/**
 * Medical terminology (SPEC D7, E2): the ICD-10 (МКБ-10) classification as the Ministry of Health
 * publishes it in its NSI register (OID 1.2.643.5.1.13.13.11.1005), imported by an administrator
 * from the official file (a page upload or the {@code --import-icd10} command), and searched by code
 * prefix or Russian words for the protocol form and the medical record.
 *
 * <p>It is a module of its own (ADR 0006) so that both the consultation and the record module can
 * use it while the record module follows consultation events, without a cycle. It does not ship the
 * dictionary: clinics load the file they get from the register.
 */
@ApplicationModule(displayName = "Terminology")
package org.medkarta.terminology;

import org.springframework.modulith.ApplicationModule;
