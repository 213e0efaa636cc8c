package org.medkarta.access;

import java.util.List;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.Representation;
import org.medkarta.shared.UserId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The access module's answer to the {@link Representation} port: a parent of a child under 15 and a
 * {@link AccessLevel#FULL} grantee act for the patient (seed 001 «полный контроль»; SPEC F1, F3).
 */
@Component
class AccessRepresentation implements Representation {

    // Looked up when first asked: the policy point asks scheduling about care relationships, and
    // scheduling asks this port, so neither can be built before the other.
    private final ObjectProvider<RecordAccess> access;
    private final AccountDirectory identity;

    AccessRepresentation(ObjectProvider<RecordAccess> access, AccountDirectory identity) {
        this.access = access;
        this.identity = identity;
    }

    @Override
    public boolean mayActFor(UserId user, PatientId patient) {
        return access.getObject().mayActFor(user, patient);
    }

    @Override
    public UserId toldAbout(PatientId patient, UserId booker) {
        var own = identity.patient(patient).map(org.medkarta.identity.AccountView::userId);
        if (booker == null || own.map(booker::equals).orElse(true)) {
            return booker == null ? own.orElse(null) : booker;
        }
        return access.getObject().stillActsFor(booker, patient) ? booker : own.get();
    }

    @Override
    public List<Represented> representedBy(UserId user) {
        var account = identity.account(user);
        if (account.isEmpty()) {
            return List.of();
        }
        var signedIn = new SignedInUser(
                user,
                account.get().firstName(),
                account.get().patientId(),
                account.get().roles(),
                "REPRESENTATION");
        return access.getObject().records(signedIn).stream()
                .filter(ref -> ref.relation() != Relation.SELF)
                .filter(ref -> ref.relation() == Relation.PARENT || ref.level() == AccessLevel.FULL)
                .map(ref -> new Represented(
                        ref.patientId(),
                        identity.patient(ref.patientId())
                                .map(found -> found.lastName() + " " + found.firstName())
                                .orElse("")))
                .toList();
    }
}
