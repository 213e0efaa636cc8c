package org.medkarta.signature;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Makes a detached CAdES-BES signature: CMS SignedData without the content, whose signed attributes
 * are content-type, message-digest, signingTime and ESS signing-certificate-v2 (RFC 5035), the last
 * binding the signature to the signer's certificate by its hash.
 */
final class Cades {

    private Cades() {}

    static byte[] sign(PrivateKey key, List<X509Certificate> chain, byte[] document, Instant signingTime) {
        X509Certificate signer = chain.get(0);
        try {
            String algorithm = Certificates.signatureAlgorithm(signer);
            var contentSigner = new JcaContentSignerBuilder(algorithm)
                    .setProvider(Certificates.provider())
                    .build(key);
            AlgorithmIdentifier digest =
                    new DefaultDigestAlgorithmIdentifierFinder().find(contentSigner.getAlgorithmIdentifier());
            var attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
            attributes.add(new Attribute(
                    PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId(signer, digest)}))));
            var signerInfo = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                            .setProvider(Certificates.provider())
                            .build())
                    .setSignedAttributeGenerator(
                            new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                    .build(contentSigner, signer);
            var generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificates(new JcaCertStore(new ArrayList<>(chain)));
            return generator
                    .generate(new CMSProcessableByteArray(document), false)
                    .getEncoded("DER");
        } catch (OperatorCreationException | CMSException | GeneralSecurityException | java.io.IOException failed) {
            throw new IllegalStateException("Could not sign with " + signer.getSubjectX500Principal(), failed);
        }
    }

    static ESSCertIDv2 certId(X509Certificate certificate, AlgorithmIdentifier digest) throws GeneralSecurityException {
        byte[] hash = MessageDigest.getInstance(digest.getAlgorithm().getId(), Certificates.provider())
                .digest(certificate.getEncoded());
        var issuerSerial = new IssuerSerial(
                new GeneralNames(new GeneralName(X500Name.getInstance(
                        certificate.getIssuerX500Principal().getEncoded()))),
                certificate.getSerialNumber());
        return new ESSCertIDv2(digest, hash, issuerSerial);
    }
}
