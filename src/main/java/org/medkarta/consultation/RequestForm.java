package org.medkarta.consultation;

/**
 * What the patient (or the referring doctor) tells the consulting doctor (SPEC D1; seed 004:
 * «Укажите основной вопрос… опишите анамнез, жалобы, данные осмотра»).
 */
public record RequestForm(String question, String anamnesis, String complaints) {}
