package org.medkarta.signature;

import java.time.Clock;
import java.util.Optional;
import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The keys that sign on the server: a doctor uploads their own PKCS#12 file, a clinic administrator
 * the clinic's. The file stays encrypted by its password, which is checked at upload and never
 * stored.
 */
@Service
public class SigningKeys {

    private final KeyFiles files;
    private final ClinicAdministrators clinics;
    private final Audits audits;
    private final Clock clock;

    SigningKeys(KeyFiles files, ClinicAdministrators clinics, Audits audits, Clock clock) {
        this.files = files;
        this.clinics = clinics;
        this.audits = audits;
        this.clock = clock;
    }

    /** The signed-in doctor's own key. */
    public static SigningKey doctorKey(SignedInUser doctor) {
        return new SigningKey(SigningKey.Owner.DOCTOR, doctor.userId().value());
    }

    /**
     * Keeps a PKCS#12 file for {@code key} in place of any before it.
     *
     * @throws NotFound when {@code actor} may not set that key (another doctor's, or a clinic they do
     *     not administer)
     * @throws SignatureRefusal {@code keystore-unreadable}, {@code keystore-password-wrong}, {@code
     *     certificate-not-for-signing} (its key usage, or not valid now)
     */
    @Transactional
    public CertificateView upload(SignedInUser actor, SigningKey key, byte[] pkcs12, char[] password) {
        mayManage(actor, key);
        var opened = Keystores.open(pkcs12, password);
        var certificate = opened.chain().get(0);
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !(usage[0] || usage[1])) {
            throw SignatureRefusal.certificateNotForSigning();
        }
        if (certificate.getNotAfter().toInstant().isBefore(clock.instant())) {
            throw SignatureRefusal.certificateNotForSigning();
        }
        Certificates.signatureAlgorithm(certificate);
        files.put(key, pkcs12, certificate, actor.userId().value(), clock.instant());
        audits.record(
                actor.userId().value(),
                key.owner().name(),
                "SIGNING_KEY_UPLOADED",
                "signing-key:" + key.owner().name() + ":" + key.ownerId() + ":"
                        + Certificates.serial(certificate.getSerialNumber()),
                "SUCCESS");
        return Certificates.view(certificate);
    }

    /** The certificate of the key kept for {@code key}, if any. */
    @Transactional(readOnly = true)
    public Optional<CertificateView> current(SignedInUser actor, SigningKey key) {
        mayManage(actor, key);
        return files.find(key).map(file -> Certificates.view(file.certificate()));
    }

    /** Forgets the key kept for {@code key}. */
    @Transactional
    public void remove(SignedInUser actor, SigningKey key) {
        mayManage(actor, key);
        if (!files.remove(key)) {
            throw new NotFound();
        }
        audits.record(
                actor.userId().value(),
                key.owner().name(),
                "SIGNING_KEY_REMOVED",
                "signing-key:" + key.owner().name() + ":" + key.ownerId(),
                "SUCCESS");
    }

    private void mayManage(SignedInUser actor, SigningKey key) {
        boolean may = actor != null
                && (key.owner() == SigningKey.Owner.DOCTOR
                        ? actor.has(Role.DOCTOR) && actor.userId().value().equals(key.ownerId())
                        : clinics.administers(actor, new org.medkarta.shared.ClinicId(key.ownerId())));
        if (!may) {
            throw new NotFound();
        }
    }
}
