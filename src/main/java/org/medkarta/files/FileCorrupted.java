package org.medkarta.files;

import org.medkarta.shared.DomainException;

/**
 * Stored bytes no longer match their checksum, or are gone. They are never served; the file has to
 * be restored from a backup.
 */
public class FileCorrupted extends DomainException {

    private final String address;

    public FileCorrupted(String address, String reason) {
        super(Kind.UNAVAILABLE, "file-corrupted", "files.problem.corrupted");
        this.address = address;
        initCause(new IllegalStateException("file " + address + ": " + reason));
    }

    public String address() {
        return address;
    }
}
