package org.medkarta.signature;

import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.pkcs.Pfx;

/** Opens a PKCS#12 file: its one private key and the certificate chain beside it. */
final class Keystores {

    record Opened(PrivateKey key, List<X509Certificate> chain) {}

    private Keystores() {}

    /**
     * @throws SignatureRefusal {@code keystore-unreadable} when it is no PKCS#12 file or holds no
     *     key; {@code keystore-password-wrong} when the password does not open it
     */
    static Opened open(byte[] pkcs12, char[] password) {
        if (pkcs12 == null || pkcs12.length == 0) {
            throw SignatureRefusal.keystoreUnreadable();
        }
        try {
            Pfx.getInstance(pkcs12);
        } catch (RuntimeException notPkcs12) {
            throw SignatureRefusal.keystoreUnreadable();
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12", Certificates.provider());
            store.load(new ByteArrayInputStream(pkcs12), password == null ? new char[0] : password);
        } catch (Exception wrongPassword) {
            throw SignatureRefusal.keystorePasswordWrong();
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                var key = (PrivateKey) store.getKey(alias, password == null ? new char[0] : password);
                Certificate[] chain = store.getCertificateChain(alias);
                if (key == null || chain == null || chain.length == 0) {
                    continue;
                }
                var certificates = new ArrayList<X509Certificate>();
                for (Certificate certificate : chain) {
                    certificates.add((X509Certificate) certificate);
                }
                return new Opened(key, certificates);
            }
        } catch (java.security.UnrecoverableKeyException wrongPassword) {
            throw SignatureRefusal.keystorePasswordWrong();
        } catch (Exception unreadable) {
            throw SignatureRefusal.keystoreUnreadable();
        }
        throw SignatureRefusal.keystoreUnreadable();
    }
}
