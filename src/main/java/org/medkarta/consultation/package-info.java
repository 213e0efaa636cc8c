/**
 * Telemedicine consultations (SPEC D1–D3, D7, D8, D10, D11; seed 004): the request (обращение) a
 * telemedicine booking opens, the doctor's desk ("New" with "Overdue" apart, "In work", "Closed")
 * and the patient's same view of their own, "Take into work" from 15 minutes before the start, the
 * protocol with ICD-10 diagnoses, its PDF and addenda, routing (referrals and bookings for the
 * patient) and doctor-to-doctor consultations.
 *
 * <p>It does not hold slots or appointments (scheduling, whose {@code AppointmentBooked} opens a
 * request), the dictionary (terminology), chat, calls or stored files (the conversation and files
 * modules, through their facades), nor the medical record: a sent protocol announces itself by
 * {@link org.medkarta.consultation.ProtocolSent} for the record module to file.
 */
@ApplicationModule(displayName = "Consultation")
package org.medkarta.consultation;

import org.springframework.modulith.ApplicationModule;
