/**
 * Who a person is and how they prove it: accounts and roles (SPEC A1), patient registration (A2),
 * sign-in by one-time SMS code (A5, order 003 §12-14, §22), staff passwords with an optional TOTP
 * second factor (A4, A6), sign-in through ESIA (A3), browser sessions, API tokens and the
 * sign-in history (A7).
 *
 * <p>It does not decide whose medical record a person may open (the {@code access} module does)
 * and keeps no clinical data: a patient account only points at its record by {@code PatientId}.
 *
 * <p>Its public facades, one per use case:
 *
 * <ul>
 *   <li>{@link org.medkarta.identity.Registration}: a patient's registration and e-mail
 *       confirmation, a child's record and the phone given to it later (A2, E11, F3),
 *       tested by {@code RegistrationIT};
 *   <li>{@link org.medkarta.identity.SignIn}: sign-in by one-time code, by password with TOTP and
 *       through ESIA (A3–A6),
 *       tested by {@code SignInIT};
 *   <li>{@link org.medkarta.identity.StaffAccounts}: staff invitations, passwords and their resets,
 *       the authenticator app (A4, A6, A8),
 *       tested by {@code StaffAccountsIT};
 *   <li>{@link org.medkarta.identity.ApiTokens}: access and refresh tokens, signing out (A7),
 *       tested by {@code ApiTokensIT};
 *   <li>{@link org.medkarta.identity.AccountDirectory}: who a person is, where they are reached, the
 *       patients staff find, one's sign-in history (A1, A7, C6),
 *       tested by {@code AccountDirectoryIT};
 *   <li>{@link org.medkarta.identity.PatientRecords}: finding and creating patient records as the
 *       registry does (C6),
 *       tested by {@code PatientRecordsIT};
 *   <li>{@link org.medkarta.identity.RegistryIdentifiers}: a patient's SNILS and insurance policies
 *       (C6, E1, F4),
 *       tested by {@code RegistryIdentifiersIT};
 *   <li>{@link org.medkarta.identity.PatientRegions}: where a patient lives (B5),
 *       tested by {@code PatientRegionsIT};
 *   <li>{@link org.medkarta.identity.AccountClosure}: closing one's account (A9),
 *       tested by {@code org.medkarta.access.AccountClosureIT}.
 * </ul>
 *
 * <p>Roles are granted through the one package-private {@code RoleGrants}; who sees a patient's
 * identity data is the package-private {@code PatientRecordAccess}.
 */
@ApplicationModule(displayName = "Identity")
package org.medkarta.identity;

import org.springframework.modulith.ApplicationModule;
