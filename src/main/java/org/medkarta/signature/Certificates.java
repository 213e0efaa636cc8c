package org.medkarta.signature;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.rosstandart.RosstandartObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Reads certificates and CRLs as people bring them (DER, PEM, or base64 of DER) and names what a
 * Russian qualified certificate carries in its subject (Order of the FSB No. 795).
 */
final class Certificates {

    static final ASN1ObjectIdentifier SNILS = new ASN1ObjectIdentifier("1.2.643.100.3");
    static final ASN1ObjectIdentifier OGRN = new ASN1ObjectIdentifier("1.2.643.100.1");
    static final ASN1ObjectIdentifier OGRNIP = new ASN1ObjectIdentifier("1.2.643.100.5");
    static final ASN1ObjectIdentifier INN = new ASN1ObjectIdentifier("1.2.643.3.131.1.1");
    static final ASN1ObjectIdentifier INNLE = new ASN1ObjectIdentifier("1.2.643.100.4");

    private Certificates() {}

    /** The BouncyCastle provider, registered once: GOST algorithms come only from it. */
    static Provider provider() {
        Provider installed = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (installed != null) {
            return installed;
        }
        synchronized (Certificates.class) {
            installed = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
            if (installed == null) {
                installed = new BouncyCastleProvider();
                Security.addProvider(installed);
            }
            return installed;
        }
    }

    /**
     * The DER inside {@code bytes}: DER as it is, the first PEM block, or base64 text of DER.
     *
     * @return null when the bytes are none of these
     */
    static byte[] der(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        if ((bytes[0] & 0xff) == 0x30) {
            return bytes;
        }
        String text = new String(bytes, StandardCharsets.US_ASCII).strip();
        int begin = text.indexOf("-----BEGIN ");
        if (begin >= 0) {
            int bodyStart = text.indexOf("-----", begin + 11);
            int end = text.indexOf("-----END ", bodyStart + 5);
            if (bodyStart < 0 || end < 0) {
                return null;
            }
            text = text.substring(bodyStart + 5, end);
        }
        try {
            byte[] decoded = Base64.getMimeDecoder().decode(text.replaceAll("\\s", ""));
            return decoded.length > 0 && (decoded[0] & 0xff) == 0x30 ? decoded : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /**
     * One certificate from DER, PEM or base64.
     *
     * @throws SignatureRefusal {@code certificate-unreadable}
     */
    static X509Certificate read(byte[] bytes) {
        byte[] der = der(bytes);
        if (der == null) {
            throw SignatureRefusal.certificateUnreadable();
        }
        try {
            var factory = CertificateFactory.getInstance("X.509", provider());
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | RuntimeException unreadable) {
            throw SignatureRefusal.certificateUnreadable();
        }
    }

    /**
     * One CRL from DER, PEM or base64.
     *
     * @throws SignatureRefusal {@code crl-unreadable}
     */
    static X509CRL readCrl(byte[] bytes) {
        byte[] der = der(bytes);
        if (der == null) {
            throw SignatureRefusal.crlUnreadable();
        }
        try {
            var factory = CertificateFactory.getInstance("X.509", provider());
            X509CRL crl = (X509CRL) factory.generateCRL(new ByteArrayInputStream(der));
            if (crl == null) {
                throw SignatureRefusal.crlUnreadable();
            }
            return crl;
        } catch (GeneralSecurityException | RuntimeException unreadable) {
            throw SignatureRefusal.crlUnreadable();
        }
    }

    static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String serial(BigInteger serial) {
        return serial.toString(16).toUpperCase(java.util.Locale.ROOT);
    }

    static X500Name subject(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    static X500Name issuer(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
    }

    /** The first value of {@code type} in {@code name}, or null. */
    static String value(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length == 0) {
            return null;
        }
        var value = rdns[0].getFirst().getValue();
        String text = value instanceof ASN1String string ? string.getString() : value.toString();
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The subject's SNILS as 11 digits, or null. */
    static String snils(X509Certificate certificate) {
        String snils = value(subject(certificate), SNILS);
        return snils == null ? null : snils.replaceAll("\\D", "");
    }

    /** A name people read: the CN, or the organisation's when there is no CN. */
    static String shortName(X500Name name) {
        String cn = value(name, BCStyle.CN);
        if (cn != null) {
            return cn;
        }
        String o = value(name, BCStyle.O);
        return o != null ? o : name.toString();
    }

    static CertificateView view(X509Certificate certificate) {
        X500Name subject = subject(certificate);
        String cn = value(subject, BCStyle.CN);
        String surname = value(subject, BCStyle.SURNAME);
        String given = value(subject, BCStyle.GIVENNAME);
        String organisation = value(subject, BCStyle.O);
        String person = surname == null ? null : given == null ? surname : surname + " " + given;
        // A clinic's certificate names the organisation in CN; its SN and G name the head who holds it.
        String name = cn == null || (person != null && cn.equals(organisation)) ? person : cn;
        if (name == null) {
            name = shortName(subject);
        }
        String ogrn = value(subject, OGRN);
        if (ogrn == null) {
            ogrn = value(subject, OGRNIP);
        }
        return new CertificateView(
                name,
                organisation,
                snils(certificate),
                ogrn,
                serial(certificate.getSerialNumber()),
                shortName(issuer(certificate)),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                algorithm(certificate));
    }

    /** The key's algorithm as people name it. */
    static String algorithm(X509Certificate certificate) {
        var info = SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded());
        ASN1ObjectIdentifier oid = info.getAlgorithm().getAlgorithm();
        if (RosstandartObjectIdentifiers.id_tc26_gost_3410_12_256.equals(oid)) {
            return "ГОСТ Р 34.10-2012 256 бит";
        }
        if (RosstandartObjectIdentifiers.id_tc26_gost_3410_12_512.equals(oid)) {
            return "ГОСТ Р 34.10-2012 512 бит";
        }
        if (certificate.getPublicKey() instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength();
        }
        if (certificate.getPublicKey() instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return "ECDSA P-" + bits;
        }
        return certificate.getPublicKey().getAlgorithm();
    }

    /** The CMS signature algorithm a key of this certificate signs with. */
    static String signatureAlgorithm(X509Certificate certificate) {
        var info = SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded());
        ASN1ObjectIdentifier oid = info.getAlgorithm().getAlgorithm();
        if (RosstandartObjectIdentifiers.id_tc26_gost_3410_12_256.equals(oid)) {
            return "GOST3411-2012-256WITHECGOST3410-2012-256";
        }
        if (RosstandartObjectIdentifiers.id_tc26_gost_3410_12_512.equals(oid)) {
            return "GOST3411-2012-512WITHECGOST3410-2012-512";
        }
        if (certificate.getPublicKey() instanceof RSAPublicKey) {
            return "SHA256withRSA";
        }
        if (certificate.getPublicKey() instanceof ECPublicKey) {
            return "SHA256withECDSA";
        }
        throw SignatureRefusal.unsupportedKey();
    }

    /** The http(s) addresses of the certificate's CRL distribution points. */
    static List<String> distributionPoints(X509Certificate certificate) {
        var urls = new ArrayList<String>();
        byte[] extension =
                certificate.getExtensionValue(org.bouncycastle.asn1.x509.Extension.cRLDistributionPoints.getId());
        if (extension == null) {
            return urls;
        }
        try {
            var points = org.bouncycastle.asn1.x509.CRLDistPoint.getInstance(
                    org.bouncycastle.asn1.ASN1OctetString.getInstance(extension).getOctets());
            for (var point : points.getDistributionPoints()) {
                var name = point.getDistributionPoint();
                if (name == null || name.getType() != org.bouncycastle.asn1.x509.DistributionPointName.FULL_NAME) {
                    continue;
                }
                for (var general : org.bouncycastle.asn1.x509.GeneralNames.getInstance(name.getName())
                        .getNames()) {
                    if (general.getTagNo() == org.bouncycastle.asn1.x509.GeneralName.uniformResourceIdentifier) {
                        String url = ((ASN1String) general.getName()).getString();
                        if (url.startsWith("http://") || url.startsWith("https://")) {
                            urls.add(url);
                        }
                    }
                }
            }
        } catch (RuntimeException unreadable) {
            // an unreadable extension names no point to fetch
        }
        return urls;
    }
}
