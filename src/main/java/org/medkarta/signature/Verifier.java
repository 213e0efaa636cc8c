package org.medkarta.signature;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.medkarta.shared.ClinicId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks a detached CMS signature in the order a person asks: can it be read; does it match the
 * document's bytes; does its certificate chain end at a trusted root; was every certificate valid at
 * the time of signing and is none revoked; may the certificate sign; is the signer the one expected.
 */
@Component
class Verifier {

    private static final Logger log = LoggerFactory.getLogger(Verifier.class);
    private static final int MAX_CHAIN = 10;

    private final TrustStore store;
    private final Crls crls;
    private final Clock clock;

    Verifier(TrustStore store, Crls crls, Clock clock) {
        this.store = store;
        this.crls = crls;
        this.clock = clock;
    }

    /** Thrown inside to end verification with a verdict. */
    private static final class Refused extends Exception {
        private final VerdictReason reason;

        Refused(VerdictReason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    Verdict verify(byte[] document, byte[] signature, Trust trust) {
        Trust checked = trust == null ? Trust.anyClinic() : trust;
        Instant received = checked.at() != null ? checked.at() : clock.instant();
        if (document == null || signature == null) {
            return new Verdict(false, VerdictReason.MALFORMED, "No document or no signature", null, received, false);
        }
        CMSSignedData cms;
        try {
            cms = read(document, signature);
        } catch (Refused refused) {
            return new Verdict(false, refused.reason, refused.getMessage(), null, received, false);
        }
        Verdict first = null;
        for (SignerInformation signer : cms.getSignerInfos().getSigners()) {
            Verdict verdict = verifySigner(cms, signer, checked);
            if (!verdict.valid()) {
                return verdict;
            }
            if (first == null) {
                first = verdict;
            }
        }
        return first;
    }

    private static CMSSignedData read(byte[] document, byte[] signature) throws Refused {
        byte[] der = Certificates.der(signature);
        if (der == null) {
            throw new Refused(VerdictReason.MALFORMED, "The signature is not DER, PEM or base64 of a CMS SignedData");
        }
        try {
            if (new CMSSignedData(der).getSignedContent() != null) {
                throw new Refused(
                        VerdictReason.MALFORMED, "The signature is attached; a detached signature is expected");
            }
            var cms = new CMSSignedData(new CMSProcessableByteArray(document), der);
            if (cms.getSignerInfos().size() == 0) {
                throw new Refused(VerdictReason.MALFORMED, "The signature has no signer");
            }
            return cms;
        } catch (CMSException | RuntimeException unreadable) {
            // The parser's own message names its exception classes: the verdict says what, not how.
            throw new Refused(VerdictReason.MALFORMED, "Not a CMS SignedData");
        }
    }

    private Verdict verifySigner(CMSSignedData cms, SignerInformation signer, Trust trust) {
        Instant signedAt = trust.at() != null ? trust.at() : clock.instant();
        X509Certificate certificate = null;
        CertificateView view = null;
        boolean revocationChecked = false;
        try {
            List<X509Certificate> carried = carried(cms);
            certificate = signerCertificate(cms, signer);
            view = Certificates.view(certificate);
            Instant signingTime = signingTime(signer);
            if (trust.at() == null && signingTime != null) {
                signedAt = signingTime;
            }
            checkSignature(signer, certificate);
            List<X509Certificate> path = new ArrayList<>();
            X509Certificate anchor = chain(certificate, carried, store.certificates(trust.clinic()), path);
            checkValidity(path, signedAt);
            validate(path, anchor, signedAt);
            revocationChecked = checkRevocation(path, anchor, trust.clinic(), trust.at());
            checkKeyUsage(certificate);
            if (trust.expectedSigner() != null
                    && !trust.expectedSigner().digits().equals(view.snils())) {
                throw new Refused(
                        VerdictReason.SIGNER_MISMATCH,
                        "The certificate's SNILS is " + (view.snils() == null ? "absent" : view.snils())
                                + ", not the expected signer's "
                                + trust.expectedSigner().digits());
            }
            return new Verdict(true, null, null, view, signedAt, revocationChecked);
        } catch (Refused refused) {
            return new Verdict(false, refused.reason, refused.getMessage(), view, signedAt, revocationChecked);
        } catch (RuntimeException unexpected) {
            log.warn("Signature not verifiable", unexpected);
            return new Verdict(
                    false,
                    VerdictReason.MALFORMED,
                    "The signature could not be verified: " + unexpected.getMessage(),
                    view,
                    signedAt,
                    false);
        }
    }

    private static List<X509Certificate> carried(CMSSignedData cms) throws Refused {
        var converter = new JcaX509CertificateConverter().setProvider(Certificates.provider());
        var certificates = new ArrayList<X509Certificate>();
        try {
            for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
                certificates.add(converter.getCertificate(holder));
            }
        } catch (GeneralSecurityException | RuntimeException unreadable) {
            throw new Refused(VerdictReason.MALFORMED, "A certificate in the signature is unreadable");
        }
        return certificates;
    }

    @SuppressWarnings("unchecked")
    private static X509Certificate signerCertificate(CMSSignedData cms, SignerInformation signer) throws Refused {
        var matches = cms.getCertificates().getMatches(signer.getSID());
        if (matches.isEmpty()) {
            throw new Refused(VerdictReason.MALFORMED, "The signature does not carry its signer's certificate");
        }
        try {
            return new JcaX509CertificateConverter()
                    .setProvider(Certificates.provider())
                    .getCertificate((X509CertificateHolder) matches.iterator().next());
        } catch (GeneralSecurityException unreadable) {
            throw new Refused(VerdictReason.MALFORMED, "The signer's certificate is unreadable");
        }
    }

    private static Instant signingTime(SignerInformation signer) throws Refused {
        if (signer.getSignedAttributes() == null) {
            return null;
        }
        Attribute attribute = signer.getSignedAttributes().get(CMSAttributes.signingTime);
        if (attribute == null) {
            return null;
        }
        try {
            return Time.getInstance(attribute.getAttrValues().getObjectAt(0))
                    .getDate()
                    .toInstant();
        } catch (RuntimeException unreadable) {
            throw new Refused(VerdictReason.MALFORMED, "The signingTime attribute is unreadable");
        }
    }

    private static void checkSignature(SignerInformation signer, X509Certificate certificate) throws Refused {
        boolean holds;
        try {
            // Built from the key, not the certificate: validity at the time of signing is judged below,
            // with the chain, so that an altered document is not reported as an expired certificate.
            holds = signer.verify(new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(Certificates.provider())
                    .build(certificate.getPublicKey()));
        } catch (CMSSignerDigestMismatchException altered) {
            throw new Refused(VerdictReason.ALTERED, "The document's digest does not match the signed one");
        } catch (OperatorCreationException | CMSException | RuntimeException unsupported) {
            throw new Refused(VerdictReason.MALFORMED, "The signature cannot be checked: " + unsupported.getMessage());
        }
        if (!holds) {
            throw new Refused(VerdictReason.ALTERED, "The signature value does not match the signed attributes");
        }
        checkSigningCertificate(signer, certificate);
    }

    /** CAdES binds the signature to the certificate by its hash (ESS signing-certificate-v2). */
    private static void checkSigningCertificate(SignerInformation signer, X509Certificate certificate) throws Refused {
        if (signer.getSignedAttributes() == null) {
            return;
        }
        Attribute attribute = signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return;
        }
        try {
            ESSCertIDv2[] ids = SigningCertificateV2.getInstance(
                            attribute.getAttrValues().getObjectAt(0))
                    .getCerts();
            ESSCertIDv2 id = ids[0];
            byte[] hash = MessageDigest.getInstance(
                            id.getHashAlgorithm().getAlgorithm().getId(), Certificates.provider())
                    .digest(certificate.getEncoded());
            if (!MessageDigest.isEqual(hash, id.getCertHash())) {
                throw new Refused(
                        VerdictReason.MALFORMED, "The signing-certificate-v2 attribute names another certificate");
            }
        } catch (GeneralSecurityException | RuntimeException unreadable) {
            throw new Refused(VerdictReason.MALFORMED, "The signing-certificate-v2 attribute is unreadable");
        }
    }

    /**
     * Walks from the signer up through the certificates the signature carries to one of the anchors,
     * each step proven by the issuer's signature.
     *
     * @return the anchor the chain ends at; {@code path} holds the signer and the intermediates
     */
    private static X509Certificate chain(
            X509Certificate signer,
            List<X509Certificate> carried,
            List<X509Certificate> anchors,
            List<X509Certificate> path)
            throws Refused {
        if (anchors.isEmpty()) {
            throw new Refused(VerdictReason.UNKNOWN_ROOT, "No trusted root is configured");
        }
        X509Certificate current = signer;
        path.add(current);
        for (int step = 0; step < MAX_CHAIN; step++) {
            for (X509Certificate anchor : anchors) {
                if (sameCertificate(anchor, current) && current != signer) {
                    path.remove(path.size() - 1);
                    return anchor;
                }
                if (issued(anchor, current)) {
                    return anchor;
                }
            }
            X509Certificate next = null;
            for (X509Certificate candidate : carried) {
                if (!path.contains(candidate) && !sameCertificate(candidate, current) && issued(candidate, current)) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                throw new Refused(
                        VerdictReason.UNKNOWN_ROOT,
                        "The chain of " + current.getSubjectX500Principal().getName()
                                + " does not end at a trusted root (issuer "
                                + current.getIssuerX500Principal().getName() + ")");
            }
            path.add(next);
            current = next;
        }
        throw new Refused(VerdictReason.UNKNOWN_ROOT, "The chain is longer than " + MAX_CHAIN);
    }

    private static boolean sameCertificate(X509Certificate one, X509Certificate other) {
        return Arrays.equals(Certificates.encoded(one), Certificates.encoded(other));
    }

    private static boolean issued(X509Certificate issuer, X509Certificate subject) {
        if (!issuer.getSubjectX500Principal().equals(subject.getIssuerX500Principal())) {
            return false;
        }
        try {
            subject.verify(issuer.getPublicKey(), Certificates.provider());
            return true;
        } catch (GeneralSecurityException | RuntimeException notIssued) {
            return false;
        }
    }

    private static void checkValidity(List<X509Certificate> path, Instant signedAt) throws Refused {
        Date at = Date.from(signedAt);
        for (X509Certificate certificate : path) {
            if (at.before(certificate.getNotBefore()) || at.after(certificate.getNotAfter())) {
                throw new Refused(
                        VerdictReason.EXPIRED,
                        "The certificate "
                                + certificate.getSubjectX500Principal().getName() + " is valid from "
                                + certificate.getNotBefore().toInstant() + " to "
                                + certificate.getNotAfter().toInstant() + ", not at " + signedAt);
            }
        }
    }

    /** The chain found, checked by PKIX (basic constraints, key usage of issuers, names) at that time. */
    private static void validate(List<X509Certificate> path, X509Certificate anchor, Instant signedAt) throws Refused {
        try {
            var factory = CertificateFactory.getInstance("X.509", Certificates.provider());
            var certPath = factory.generateCertPath(path);
            var parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(signedAt));
            CertPathValidator.getInstance("PKIX", Certificates.provider()).validate(certPath, parameters);
        } catch (CertPathValidatorException invalid) {
            if (invalid.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                    || invalid.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                throw new Refused(VerdictReason.EXPIRED, invalid.getMessage());
            }
            throw new Refused(VerdictReason.UNKNOWN_ROOT, "The chain does not hold: " + invalid.getMessage());
        } catch (GeneralSecurityException unusable) {
            throw new Refused(VerdictReason.UNKNOWN_ROOT, "The chain cannot be checked: " + unusable.getMessage());
        }
    }

    /**
     * Each certificate of the path against its issuer's CRL: those the clinic uploaded and those its
     * distribution points serve. A revocation after {@code trustedTime} (when the caller knows when
     * it received the signature) does not count; without it any revocation does.
     *
     * @return whether a CRL was found for every certificate
     */
    private boolean checkRevocation(
            List<X509Certificate> path, X509Certificate anchor, ClinicId clinic, Instant trustedTime) throws Refused {
        List<X509CRL> uploaded = store.crls(clinic);
        boolean everyChecked = true;
        for (int i = 0; i < path.size(); i++) {
            X509Certificate certificate = path.get(i);
            X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : anchor;
            var found = new ArrayList<X509CRL>();
            for (X509CRL crl : uploaded) {
                if (Crls.signedBy(crl, issuer)) {
                    found.add(crl);
                }
            }
            for (String url : Certificates.distributionPoints(certificate)) {
                crls.fetch(url, issuer).ifPresent(found::add);
            }
            if (found.isEmpty()) {
                everyChecked = false;
            }
            for (X509CRL crl : found) {
                X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
                if (entry != null
                        && (trustedTime == null
                                || !entry.getRevocationDate().toInstant().isAfter(trustedTime))) {
                    throw new Refused(
                            VerdictReason.REVOKED,
                            "The certificate " + Certificates.serial(certificate.getSerialNumber()) + " was revoked at "
                                    + entry.getRevocationDate().toInstant());
                }
            }
        }
        return everyChecked;
    }

    private static void checkKeyUsage(X509Certificate certificate) throws Refused {
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !(usage[0] || (usage.length > 1 && usage[1]))) {
            throw new Refused(
                    VerdictReason.KEY_USAGE,
                    "The certificate's key usage allows neither digitalSignature nor nonRepudiation");
        }
    }
}
