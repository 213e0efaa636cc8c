/**
 * Who a person is and how they prove it: accounts and roles (SPEC A1), patient registration (A2),
 * sign-in by one-time SMS code (A5, order 003 §12-14, §22), staff passwords with an optional TOTP
 * second factor (A4, A6), sign-in through ESIA (A3), browser sessions, API tokens and the
 * sign-in history (A7).
 *
 * <p>It does not decide whose medical record a person may open (the {@code access} module does)
 * and keeps no clinical data: a patient account only points at its record by {@code PatientId}.
 */
@ApplicationModule(displayName = "Identity")
package org.medkarta.identity;

import org.springframework.modulith.ApplicationModule;
