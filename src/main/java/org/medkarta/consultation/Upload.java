package org.medkarta.consultation;

/** A file as it came in a form or a request, for {@link ConsultationAttachments} and {@link ProtocolWriting}. */
public record Upload(String name, byte[] content) {}
