/**
 * The audit trail (SPEC G1-G3): who, in what role, did what to whose medical data or rights,
 * when, from where and with what outcome, in an append-only table whose entries are chained by
 * hashes, with a verification that names the first broken entry.
 *
 * <p>It does not decide who may do what (the {@code access} module does) and keeps no medical
 * data itself: an entry names a record and an action, never its content.
 */
@ApplicationModule(displayName = "Audit")
package org.medkarta.audit;

import org.springframework.modulith.ApplicationModule;
