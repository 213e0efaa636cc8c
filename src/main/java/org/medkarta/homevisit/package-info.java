/**
 * Home visit requests (вызов врача на дом, issue 23; seed 002: the EMIAS call centre "действует и
 * для вызова врачей на дом"): a patient attached to a clinic — or a parent of a child under 15, or
 * a FULL grantee, for the person they act for — asks that clinic for a doctor at home with the
 * address, the reason, the temperature and a contact phone, for today or tomorrow; the clinic's
 * registry works the queue oldest first and assigns an active doctor of the clinic and a time
 * window; the patient is told; the doctor sees the visits of the day, marks one visited and writes
 * its protocol, which the record module files as an exam protocol entry like any other, or marks the
 * patient not at home.
 *
 * <p>It is not a consultation: a consultation is opened by a booked slot and lives in a chat room,
 * while a home visit has no slot, no room, a window instead of a start, and a registry in between;
 * bending the consultation's states and desk to it would change the telemedicine flows. It shares
 * with them the record's one path for protocols ({@link org.medkarta.record.VisitProtocols}) and the
 * ICD-10 dictionary. Who may act for a patient is the access module's decision; attachment is the
 * clinic module's.
 */
@ApplicationModule(displayName = "Home visits")
package org.medkarta.homevisit;

import org.springframework.modulith.ApplicationModule;
