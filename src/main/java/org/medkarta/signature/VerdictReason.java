package org.medkarta.signature;

/** Why a signature is not valid; each has a message {@code signature.reason.<name in kebab case>}. */
public enum VerdictReason {
    /** Not a CMS SignedData, not detached, no signer, or an unsupported algorithm. */
    MALFORMED,
    /** The signature does not match the document's bytes: the document was changed. */
    ALTERED,
    /** The chain does not end at a trusted root. */
    UNKNOWN_ROOT,
    /** The signer's (or a chain) certificate was not valid at the time of signing. */
    EXPIRED,
    /** A certificate of the chain is on its issuer's CRL. */
    REVOKED,
    /** The signer's certificate may not sign documents (key usage). */
    KEY_USAGE,
    /** The certificate's SNILS is not the expected signer's (the protocol's doctor). */
    SIGNER_MISMATCH,
    /** A stored document was asked for with a wrong or no token, or it is not signed yet. */
    NOT_FOUND
}
