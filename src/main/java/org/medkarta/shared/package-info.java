/**
 * Building blocks every module uses: typed identifiers, the domain exception kinds, the
 * application {@link java.time.Clock} and the demo-data contract.
 *
 * <p>It is not a dumping ground: nothing here knows about patients, clinics or appointments as
 * behaviour, owns no tables and calls no other module. A type belongs here only when at least two
 * modules need the very same meaning (an id, a phone number, an error kind).
 */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
package org.medkarta.shared;

import org.springframework.modulith.ApplicationModule;
