package org.medkarta.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNumericString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A test PKI as Russian accredited CAs issue it: a root, an intermediate, and qualified certificates
 * for doctors (SNILS 1.2.643.100.3, the name as CN, SN and G) and clinics (OGRN, INNLE, O), with
 * GOST R 34.10-2012 256 or 512 keys, or RSA and ECDSA for the variants. It signs bytes detached
 * (CAdES-BES, as Medkarta does), exports PKCS#12 files and revokes certificates on a CRL it serves
 * over HTTP from a distribution point ({@link #serveCrls()}) or hands out to upload ({@link #crl()}).
 *
 * <pre>{@code
 * var pki = TestPki.gost256();
 * var doctor = pki.doctor("11223344595", "Иванов Иван Иванович");
 * byte[] signature = pki.sign(doctor, pdf);
 * byte[] root = pki.root().der();
 * }</pre>
 */
public final class TestPki implements AutoCloseable {

    public static final ASN1ObjectIdentifier SNILS = new ASN1ObjectIdentifier("1.2.643.100.3");
    public static final ASN1ObjectIdentifier OGRN = new ASN1ObjectIdentifier("1.2.643.100.1");
    public static final ASN1ObjectIdentifier INN = new ASN1ObjectIdentifier("1.2.643.3.131.1.1");
    public static final ASN1ObjectIdentifier INNLE = new ASN1ObjectIdentifier("1.2.643.100.4");

    public enum Algorithm {
        GOST_256("ECGOST3410-2012", "Tc26-Gost-3410-12-256-paramSetA", "GOST3411-2012-256WITHECGOST3410-2012-256"),
        GOST_512("ECGOST3410-2012", "Tc26-Gost-3410-12-512-paramSetA", "GOST3411-2012-512WITHECGOST3410-2012-512"),
        RSA("RSA", null, "SHA256withRSA"),
        ECDSA("EC", "secp256r1", "SHA256withECDSA");

        final String keyAlgorithm;
        final String parameters;
        final String signatureAlgorithm;

        Algorithm(String keyAlgorithm, String parameters, String signatureAlgorithm) {
            this.keyAlgorithm = keyAlgorithm;
            this.parameters = parameters;
            this.signatureAlgorithm = signatureAlgorithm;
        }
    }

    /** A certificate with its private key and its chain up to (without) the root. */
    public record Issued(
            X509Certificate certificate, PrivateKey key, Algorithm algorithm, List<X509Certificate> chain) {

        public byte[] der() {
            try {
                return certificate.getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        public String pem() {
            return TestPki.pem("CERTIFICATE", der());
        }

        /** The serial number as Medkarta shows it: upper-case hexadecimal. */
        public String serial() {
            return certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
        }
    }

    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime() & 0xffffffffL);

    private final Algorithm algorithm;
    private final String name;
    private final Issued root;
    private final Issued intermediate;
    private final Map<BigInteger, Instant> revoked = new LinkedHashMap<>();
    private final AtomicInteger crlRequests = new AtomicInteger();
    private HttpServer crlServer;

    private TestPki(Algorithm algorithm) {
        this(algorithm, false);
    }

    private TestPki(Algorithm algorithm, boolean servingCrls) {
        provider();
        this.algorithm = algorithm;
        this.name = "Test " + algorithm + " " + Long.toHexString(SERIALS.incrementAndGet());
        Instant now = Instant.now();
        KeyPair rootKeys = keys(algorithm);
        X500Name rootName = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "RU")
                .addRDN(BCStyle.O, "Тестовый УЦ")
                .addRDN(BCStyle.CN, name + " Root")
                .build();
        this.root = issue(
                rootName,
                rootKeys,
                rootName,
                rootKeys.getPrivate(),
                null,
                now.minus(Duration.ofDays(3650)),
                now.plus(Duration.ofDays(3650)),
                true,
                KeyUsage.keyCertSign | KeyUsage.cRLSign,
                null);
        if (servingCrls) {
            serveCrls();
        }
        KeyPair intermediateKeys = keys(algorithm);
        X500Name intermediateName = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "RU")
                .addRDN(BCStyle.O, "Тестовый УЦ")
                .addRDN(BCStyle.CN, name + " CA")
                .build();
        this.intermediate = issue(
                intermediateName,
                intermediateKeys,
                rootName,
                rootKeys.getPrivate(),
                root.certificate(),
                now.minus(Duration.ofDays(3000)),
                now.plus(Duration.ofDays(3000)),
                true,
                KeyUsage.keyCertSign | KeyUsage.cRLSign,
                servingCrls ? rootCrlUrl() : null);
    }

    public static TestPki gost256() {
        return new TestPki(Algorithm.GOST_256);
    }

    public static TestPki gost512() {
        return new TestPki(Algorithm.GOST_512);
    }

    public static TestPki rsa() {
        return new TestPki(Algorithm.RSA);
    }

    public static TestPki ecdsa() {
        return new TestPki(Algorithm.ECDSA);
    }

    public static TestPki of(Algorithm algorithm) {
        return new TestPki(algorithm);
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    public Issued root() {
        return root;
    }

    public Issued intermediate() {
        return intermediate;
    }

    /**
     * Serves this PKI's intermediate CRL over HTTP from now on; certificates issued afterwards name it
     * as their CRL distribution point.
     */
    public synchronized TestPki serveCrls() {
        if (crlServer != null) {
            return this;
        }
        try {
            crlServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        crlServer.createContext("/root.crl", exchange -> {
            crlRequests.incrementAndGet();
            byte[] body = rootCrl();
            exchange.getResponseHeaders().set("Content-Type", "application/pkix-crl");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        crlServer.createContext("/ca.crl", exchange -> {
            crlRequests.incrementAndGet();
            byte[] body = crl();
            exchange.getResponseHeaders().set("Content-Type", "application/pkix-crl");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        crlServer.start();
        return this;
    }

    /**
     * A PKI whose whole chain names distribution points: the intermediate the root's CRL, the
     * certificates it issues the intermediate's; both are served over HTTP from the start, so a
     * verification can check every certificate of the chain.
     */
    public static TestPki servingCrls(Algorithm algorithm) {
        return new TestPki(algorithm, true);
    }

    /** The root's distribution point, or null before {@link #serveCrls()}. */
    public synchronized String rootCrlUrl() {
        return crlServer == null
                ? null
                : "http://127.0.0.1:" + crlServer.getAddress().getPort() + "/root.crl";
    }

    /** The root's current CRL (DER): it lists no one. */
    public byte[] rootCrl() {
        return crl(root, Map.of());
    }

    /** The distribution point the CRL is served at, or null before {@link #serveCrls()}. */
    public synchronized String crlUrl() {
        return crlServer == null
                ? null
                : "http://127.0.0.1:" + crlServer.getAddress().getPort() + "/ca.crl";
    }

    /** How many times the distribution point was asked for the CRL. */
    public int crlRequests() {
        return crlRequests.get();
    }

    @Override
    public synchronized void close() {
        if (crlServer != null) {
            crlServer.stop(0);
            crlServer = null;
        }
    }

    /** A doctor's qualified certificate: SNILS, the name as CN, SN (surname) and G (the rest). */
    public Issued doctor(String snils, String fullName) {
        Instant now = Instant.now();
        return leaf(
                doctorName(snils, fullName),
                now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(365)),
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
    }

    /** A doctor's certificate that expired a year ago. */
    public Issued expiredDoctor(String snils, String fullName) {
        Instant now = Instant.now();
        return leaf(
                doctorName(snils, fullName),
                now.minus(Duration.ofDays(730)),
                now.minus(Duration.ofDays(365)),
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
    }

    /** A doctor's certificate whose key may only encipher keys, not sign. */
    public Issued doctorWithoutSigningUsage(String snils, String fullName) {
        Instant now = Instant.now();
        return leaf(
                doctorName(snils, fullName),
                now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(365)),
                KeyUsage.keyEncipherment);
    }

    /** A doctor's certificate, revoked a minute ago (listed on {@link #crl()}). */
    public Issued revokedDoctor(String snils, String fullName) {
        Issued issued = doctor(snils, fullName);
        revoke(issued);
        return issued;
    }

    /** A clinic's certificate: the organisation as CN and O, OGRN and INNLE, its head as SN and G. */
    public Issued clinic(String ogrn, String inn, String organisation) {
        Instant now = Instant.now();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "RU")
                .addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.CN, organisation)
                .addRDN(BCStyle.SURNAME, "Петров")
                .addRDN(BCStyle.GIVENNAME, "Пётр Петрович")
                .addRDN(OGRN, new DERNumericString(ogrn))
                .addRDN(INNLE, new DERNumericString(inn))
                .build();
        return leaf(
                subject,
                now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(365)),
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
    }

    /** Lists {@code issued} on the CRL, revoked a minute ago. */
    public synchronized void revoke(Issued issued) {
        revoked.put(issued.certificate().getSerialNumber(), Instant.now().minus(Duration.ofMinutes(1)));
    }

    /** The intermediate's current CRL (DER), valid for a day. */
    public synchronized byte[] crl() {
        return crl(intermediate, new LinkedHashMap<>(revoked));
    }

    private byte[] crl(Issued issuer, Map<BigInteger, Instant> entries) {
        try {
            Instant now = Instant.now();
            var builder = new X509v2CRLBuilder(
                    X500Name.getInstance(
                            issuer.certificate().getSubjectX500Principal().getEncoded()),
                    Date.from(now.minus(Duration.ofMinutes(5))));
            builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
            entries.forEach((serial, at) -> builder.addCRLEntry(serial, Date.from(at), CRLReason.keyCompromise));
            var holder = builder.build(new JcaContentSignerBuilder(algorithm.signatureAlgorithm)
                    .setProvider(provider())
                    .build(issuer.key()));
            return new JcaX509CRLConverter()
                    .setProvider(provider())
                    .getCRL(holder)
                    .getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A detached CAdES-BES signature of {@code document} by {@code signer}, signed now. */
    public byte[] sign(Issued signer, byte[] document) {
        return sign(signer, document, Instant.now());
    }

    /** A detached CAdES-BES signature (DER) with the given signingTime; it carries the signer's chain. */
    public byte[] sign(Issued signer, byte[] document, Instant signingTime) {
        try {
            var contentSigner = new JcaContentSignerBuilder(signer.algorithm().signatureAlgorithm)
                    .setProvider(provider())
                    .build(signer.key());
            AlgorithmIdentifier digest =
                    new DefaultDigestAlgorithmIdentifierFinder().find(contentSigner.getAlgorithmIdentifier());
            byte[] certificateHash = MessageDigest.getInstance(
                            digest.getAlgorithm().getId(), provider())
                    .digest(signer.der());
            var issuerSerial = new IssuerSerial(
                    new GeneralNames(new GeneralName(X500Name.getInstance(
                            signer.certificate().getIssuerX500Principal().getEncoded()))),
                    signer.certificate().getSerialNumber());
            var attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
            attributes.add(new Attribute(
                    PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(
                            new ESSCertIDv2[] {new ESSCertIDv2(digest, certificateHash, issuerSerial)}))));
            var generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                            .setProvider(provider())
                            .build())
                    .setSignedAttributeGenerator(
                            new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                    .build(contentSigner, signer.certificate()));
            var certificates = new ArrayList<X509Certificate>();
            certificates.add(signer.certificate());
            certificates.addAll(signer.chain());
            generator.addCertificates(new JcaCertStore(certificates));
            return generator
                    .generate(new CMSProcessableByteArray(document), false)
                    .getEncoded("DER");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#12 file holding {@code issued}'s key and chain, encrypted by {@code password}. */
    public byte[] pkcs12(Issued issued, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12", provider());
            store.load(null, null);
            var chain = new ArrayList<X509Certificate>();
            chain.add(issued.certificate());
            chain.addAll(issued.chain());
            store.setKeyEntry("key", issued.key(), password.toCharArray(), chain.toArray(new X509Certificate[0]));
            var out = new ByteArrayOutputStream();
            store.store(out, password.toCharArray());
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** PEM text of DER bytes. */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** The BouncyCastle provider, registered once. */
    public static Provider provider() {
        synchronized (TestPki.class) {
            Provider installed = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
            if (installed == null) {
                installed = new BouncyCastleProvider();
                Security.addProvider(installed);
            }
            return installed;
        }
    }

    private static X500Name doctorName(String snils, String fullName) {
        String[] parts = fullName.split(" ", 2);
        var builder = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "RU")
                .addRDN(BCStyle.CN, fullName)
                .addRDN(BCStyle.SURNAME, parts[0]);
        if (parts.length > 1) {
            builder.addRDN(BCStyle.GIVENNAME, new DERUTF8String(parts[1]));
        }
        return builder.addRDN(SNILS, new DERNumericString(snils)).build();
    }

    private Issued leaf(X500Name subject, Instant from, Instant to, int usage) {
        KeyPair keys = keys(algorithm);
        Issued issued = issue(
                subject,
                keys,
                X500Name.getInstance(
                        intermediate.certificate().getSubjectX500Principal().getEncoded()),
                intermediate.key(),
                intermediate.certificate(),
                from,
                to,
                false,
                usage,
                crlUrl());
        return new Issued(issued.certificate(), issued.key(), algorithm, List.of(intermediate.certificate()));
    }

    private Issued issue(
            X500Name subject,
            KeyPair keys,
            X500Name issuer,
            PrivateKey issuerKey,
            X509Certificate issuerCertificate,
            Instant from,
            Instant to,
            boolean authority,
            int usage,
            String distributionPoint) {
        try {
            var builder = new JcaX509v3CertificateBuilder(
                    issuer,
                    BigInteger.valueOf(SERIALS.incrementAndGet()).shiftLeft(16).add(BigInteger.valueOf(0xA5)),
                    Date.from(from),
                    Date.from(to),
                    subject,
                    keys.getPublic());
            var extensions = new JcaX509ExtensionUtils();
            builder.addExtension(
                    Extension.basicConstraints,
                    true,
                    authority ? new BasicConstraints(authority ? 1 : 0) : new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            builder.addExtension(
                    Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
            if (issuerCertificate != null) {
                builder.addExtension(
                        Extension.authorityKeyIdentifier,
                        false,
                        extensions.createAuthorityKeyIdentifier(issuerCertificate));
            }
            if (distributionPoint != null) {
                var point = new DistributionPoint(
                        new DistributionPointName(new GeneralNames(
                                new GeneralName(GeneralName.uniformResourceIdentifier, distributionPoint))),
                        null,
                        null);
                builder.addExtension(
                        Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {point}));
            }
            var holder = builder.build(new JcaContentSignerBuilder(algorithm.signatureAlgorithm)
                    .setProvider(provider())
                    .build(issuerKey));
            X509Certificate certificate =
                    new JcaX509CertificateConverter().setProvider(provider()).getCertificate(holder);
            return new Issued(
                    certificate,
                    keys.getPrivate(),
                    algorithm,
                    issuerCertificate == null ? List.of() : List.of(issuerCertificate));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys(Algorithm algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.keyAlgorithm, provider());
            if (algorithm.parameters == null) {
                generator.initialize(2048);
            } else {
                generator.initialize(new ECGenParameterSpec(algorithm.parameters));
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
