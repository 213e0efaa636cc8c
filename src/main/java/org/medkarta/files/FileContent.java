package org.medkarta.files;

/** A stored file with its bytes, checked against their checksum when read. */
public record FileContent(StoredFile file, byte[] content) {}
