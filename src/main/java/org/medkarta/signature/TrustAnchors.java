package org.medkarta.signature;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.clinic.ClinicSetUp;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trust store a clinic administrator manages: the root (and intermediate) certificates whose
 * chains the clinic trusts, and CRLs for issuers whose distribution point is not reachable. Anyone
 * but an administrator of that clinic (or a platform administrator) is told the clinic does not
 * exist, as for any clinic's private data.
 */
@Service
public class TrustAnchors {

    private final TrustStore store;
    private final ClinicAdministrators clinics;
    private final ClinicSetUp clinicSetUp;
    private final Crls crls;
    private final Audits audits;
    private final Clock clock;

    TrustAnchors(
            TrustStore store,
            ClinicAdministrators clinics,
            ClinicSetUp clinicSetUp,
            Crls crls,
            Audits audits,
            Clock clock) {
        this.store = store;
        this.clinics = clinics;
        this.clinicSetUp = clinicSetUp;
        this.crls = crls;
        this.audits = audits;
        this.clock = clock;
    }

    /** Whether the person administers the clinic (pages show its trust store only then). */
    public boolean administers(SignedInUser actor, ClinicId clinic) {
        return clinics.administers(actor, clinic);
    }

    /** The clinic, for its administrators' pages; 404 for anyone else. */
    @Transactional(readOnly = true)
    public org.medkarta.clinic.ClinicView clinic(SignedInUser actor, ClinicId clinic) {
        return clinicSetUp.clinic(actor, clinic);
    }

    @Transactional(readOnly = true)
    public List<TrustAnchorView> anchors(SignedInUser actor, ClinicId clinic) {
        administer(actor, clinic);
        return store.anchors(clinic);
    }

    @Transactional(readOnly = true)
    public List<CrlView> crls(SignedInUser actor, ClinicId clinic) {
        administer(actor, clinic);
        return store.crlViews(clinic);
    }

    /**
     * Adds a certificate (PEM, DER or base64) the clinic trusts.
     *
     * @param field the form or API field a refusal names
     * @throws InvalidInput naming {@code field} when it is no certificate or not a CA's
     * @throws SignatureRefusal {@code trust-anchor-exists} when the clinic trusts it already
     */
    @Transactional
    public TrustAnchorView add(SignedInUser actor, ClinicId clinic, byte[] certificate, String field) {
        administer(actor, clinic);
        X509Certificate read;
        try {
            read = Certificates.read(certificate);
        } catch (SignatureRefusal unreadable) {
            throw new InvalidInput(field, "problem.certificate-unreadable");
        }
        if (read.getBasicConstraints() < 0) {
            throw new InvalidInput(field, "signature.validation.not-ca");
        }
        String sha256 = Certificates.sha256(Certificates.encoded(read));
        if (store.holds(clinic, sha256)) {
            throw SignatureRefusal.anchorExists();
        }
        var id = UUID.randomUUID();
        store.add(id, clinic, read, actor.userId().value(), clock.instant());
        crls.forget();
        audits.record(actor.userId().value(), "CLINIC_ADMIN", "TRUST_ANCHOR_ADDED", "trust-anchor:" + id, "SUCCESS");
        return store.anchor(clinic, id).orElseThrow();
    }

    @Transactional
    public void remove(SignedInUser actor, ClinicId clinic, UUID anchor) {
        administer(actor, clinic);
        if (!store.remove(clinic, anchor)) {
            throw new NotFound();
        }
        audits.record(
                actor.userId().value(), "CLINIC_ADMIN", "TRUST_ANCHOR_REMOVED", "trust-anchor:" + anchor, "SUCCESS");
    }

    /**
     * Adds a CRL (PEM, DER or base64). It is used for a certificate only when the certificate's
     * issuer in a verified chain signed it, so a CRL of an intermediate the clinic does not hold as
     * an anchor serves too.
     *
     * @throws InvalidInput naming {@code field} when it is no CRL
     */
    @Transactional
    public CrlView addCrl(SignedInUser actor, ClinicId clinic, byte[] crl, String field) {
        administer(actor, clinic);
        java.security.cert.X509CRL read;
        try {
            read = Certificates.readCrl(crl);
        } catch (SignatureRefusal unreadable) {
            throw new InvalidInput(field, "problem.crl-unreadable");
        }
        var id = UUID.randomUUID();
        store.addCrl(id, clinic, read, actor.userId().value(), clock.instant());
        audits.record(actor.userId().value(), "CLINIC_ADMIN", "CRL_ADDED", "crl:" + id, "SUCCESS");
        return store.crlViews(clinic).stream()
                .filter(view -> view.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Transactional
    public void removeCrl(SignedInUser actor, ClinicId clinic, UUID crl) {
        administer(actor, clinic);
        if (!store.removeCrl(clinic, crl)) {
            throw new NotFound();
        }
        audits.record(actor.userId().value(), "CLINIC_ADMIN", "CRL_REMOVED", "crl:" + crl, "SUCCESS");
    }

    private void administer(SignedInUser actor, ClinicId clinic) {
        if (!clinics.administers(actor, clinic)) {
            throw new NotFound();
        }
    }
}
