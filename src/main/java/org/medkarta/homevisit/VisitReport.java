package org.medkarta.homevisit;

/**
 * The protocol of a home visit as the doctor writes it: complaints and anamnesis, the examination,
 * the diagnosis as an ICD-10 code of the dictionary, the recommendations.
 */
public record VisitReport(String complaints, String examination, String diagnosis, String recommendations) {}
