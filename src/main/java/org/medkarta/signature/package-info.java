/**
 * Electronic signatures with legal weight (SPEC D9, E10; issue 16): detached CMS SignedData
 * (CAdES-BES) with GOST R 34.10-2012 (256 and 512) and GOST R 34.11-2012 digests through
 * BouncyCastle, RSA and ECDSA accepted too.
 *
 * <p>{@link org.medkarta.signature.Signatures} verifies a signature over the exact bytes of a
 * document (chain up to a clinic's trust anchors, CRLs, validity at the time of signing, key usage,
 * the expected signer's SNILS) and signs on the server through a {@code Signer} port (a PKCS#12
 * keystore, or a remote signing service over HTTP). {@link org.medkarta.signature.SignedDocuments}
 * keeps every signed document Medkarta issued, so that anyone holding its QR code can check it on
 * the public page {@code /signatures/verify}. {@link org.medkarta.signature.TrustAnchors} is the
 * trust store a clinic administrator manages.
 *
 * <p>It knows nothing of protocols or extracts: the consultation module (and later the record's
 * extracts) reserve a signed document, render the PDF with its stamp and QR code, and file it here.
 */
@ApplicationModule(displayName = "Signatures")
package org.medkarta.signature;

import org.springframework.modulith.ApplicationModule;
