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
 *
 * <p>Its public facades, one per use case:
 *
 * <ul>
 *   <li>{@link org.medkarta.consultation.ConsultationRequests}: a request from opening (a booking) to
 *       taking into work, telling about the case, its room and calls (D1, D3–D5),
 *       tested by {@code ConsultationRequestsIT};
 *   <li>{@link org.medkarta.consultation.ConsultationDesk}: the desk by state and its counts (D2),
 *       tested by {@code ConsultationDeskIT};
 *   <li>{@link org.medkarta.consultation.ConsultationAttachments}: the request's files (D1, D7),
 *       tested by {@code ConsultationAttachmentsIT};
 *   <li>{@link org.medkarta.consultation.ProtocolWriting}: the protocol, addenda and its PDF (D7, D8),
 *       tested by {@code ProtocolWritingIT};
 *   <li>{@link org.medkarta.consultation.ProtocolSigning}: the signed protocol (D9),
 *       tested by {@code ProtocolSigningIT};
 *   <li>{@link org.medkarta.consultation.ConsultationPhoneCalls}: calls to the patient's phone,
 *       tested by {@code ConsultationPhoneCallsIT};
 *   <li>{@link org.medkarta.consultation.ConsultationRouting}: referrals and bookings from a
 *       consultation (D10),
 *       tested by {@code ConsultationRoutingIT};
 *   <li>{@link org.medkarta.consultation.ColleagueQuestions}: doctor-to-doctor questions (D11),
 *       tested by {@code ColleagueQuestionsIT};
 *   <li>{@link org.medkarta.consultation.ConsultationFigures}: the read figures the dashboards use,
 *       tested by {@code ConsultationFiguresIT}.
 * </ul>
 *
 * <p>Every facade checks who sees a request through the one package-private {@code
 * ConsultationAccess}.
 */
@ApplicationModule(displayName = "Consultation")
package org.medkarta.consultation;

import org.springframework.modulith.ApplicationModule;
