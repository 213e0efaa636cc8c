package org.medkarta.signature;

import java.util.UUID;
import org.medkarta.files.FileId;
import org.medkarta.shared.ClinicId;
import org.springframework.stereotype.Service;

/**
 * Every signed document Medkarta issues, for verification by anyone who holds its QR code
 * (issue 16, "Verification for anyone"). The document and its signature are kept in the files
 * module; the public page shows the verdict and the certificate, never the document's content.
 * CONTRACT: the signature helper builds the bodies; callers code against these signatures.
 */
@Service
public class SignedDocuments {

    /**
     * Reserves an id and a QR token before the PDF is rendered.
     *
     * @param kind what it is ("PROTOCOL", "EXTRACT"), shown on the verification page
     * @param title a short title without medical content ("Протокол консультации от 05.12.2026")
     */
    public SignedDocumentRef reserve(String kind, ClinicId clinic, String title) {
        throw new UnsupportedOperationException("issue 16");
    }

    /**
     * Files the signed document once its signature has been verified valid by the caller; adds a
     * further signature (a clinic's co-signature) when called again for the same id. Audited.
     */
    public void file(UUID id, FileId document, FileId signature, Verdict verdict) {
        throw new UnsupportedOperationException("issue 16");
    }

    /**
     * Verifies a stored document again now (CRLs may have changed since). A wrong token, an unknown
     * id or a document not filed yet: {@link VerdictReason#NOT_FOUND}. A failed verification of a
     * stored document is audited.
     */
    public Verdict verifyStored(UUID id, String token) {
        throw new UnsupportedOperationException("issue 16");
    }
}
