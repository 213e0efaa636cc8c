package org.medkarta.record;

import org.medkarta.shared.DomainException;

/** The upload was verified or rejected already (perhaps by another doctor a moment ago). */
public class UploadDecided extends DomainException {

    public UploadDecided() {
        super(Kind.CONFLICT, "upload-decided", "problem.upload-decided");
    }
}
