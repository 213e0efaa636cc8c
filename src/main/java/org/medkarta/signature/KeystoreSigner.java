package org.medkarta.signature;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/**
 * Signs with the PKCS#12 file the doctor or the clinic uploaded. Its password is entered at signing
 * or held in configuration ({@code medkarta.signature.passwords.<owner id>}); it is never stored.
 */
class KeystoreSigner implements Signer {

    private final KeyFiles files;
    private final SignatureProperties properties;

    KeystoreSigner(KeyFiles files, SignatureProperties properties) {
        this.files = files;
        this.properties = properties;
    }

    @Override
    public Optional<X509Certificate> certificate(SigningKey key) {
        return files.find(key).map(KeyFiles.KeyFile::certificate);
    }

    @Override
    public byte[] sign(SigningKey key, byte[] document, char[] password, Instant signingTime) {
        var file = files.find(key).orElseThrow(SignatureRefusal::noSigningKey);
        char[] secret = password;
        if (secret == null) {
            String configured = properties.passwords().get(key.ownerId().toString());
            if (configured == null) {
                throw SignatureRefusal.keystorePasswordWrong();
            }
            secret = configured.toCharArray();
        }
        var opened = Keystores.open(file.pkcs12(), secret);
        return Cades.sign(opened.key(), opened.chain(), document, signingTime);
    }
}
