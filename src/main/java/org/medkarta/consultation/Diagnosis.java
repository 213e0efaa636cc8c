package org.medkarta.consultation;

/** A diagnosis in a protocol: the ICD-10 code and its name as they were when the protocol was sent. */
public record Diagnosis(String code, String name) {}
