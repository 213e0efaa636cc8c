package org.medkarta.record;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.lang.reflect.Constructor;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.AccessLevel;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.access.RecordRef;
import org.medkarta.access.Relation;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;

/**
 * Care relationships for the record module's tests. The access module (built on its own branch)
 * decides when a doctor may open a record; until it is merged, the policy point on this branch
 * admits only the patient's own record, so these tests let a spy of {@link RecordAccess} admit the
 * doctors a test names, as the real care relationship will, and leave every other decision to the
 * real policy point. Once the access module is merged, tests may make a real care relationship
 * (an appointment) instead.
 */
final class CareForTests {

    private final Set<String> pairs = ConcurrentHashMap.newKeySet();

    /** Teaches the spied policy point the care relationships of this test class. */
    CareForTests(RecordAccess spied) {
        doAnswer(invocation -> {
                    SignedInUser actor = invocation.getArgument(0);
                    PatientId patient = invocation.getArgument(1);
                    RecordAction action = invocation.getArgument(2);
                    if (actor != null && patient != null && pairs.contains(key(actor.userId(), patient))) {
                        return clinician(patient, action);
                    }
                    return invocation.callRealMethod();
                })
                .when(spied)
                .require(any(), any(), any());
        doAnswer(invocation -> {
                    SignedInUser actor = invocation.getArgument(0);
                    @SuppressWarnings("unchecked")
                    var own = new java.util.ArrayList<>((java.util.List<RecordRef>) invocation.callRealMethod());
                    pairs.stream()
                            .filter(pair -> pair.startsWith(actor.userId().value() + ":"))
                            .map(pair -> PatientId.of(pair.substring(pair.indexOf(':') + 1)))
                            .forEach(patient -> own.add(new RecordRef(patient, Relation.CLINICIAN, AccessLevel.FULL)));
                    return own;
                })
                .when(spied)
                .records(any());
        doAnswer(invocation -> {
                    SignedInUser actor = invocation.getArgument(0);
                    @SuppressWarnings("unchecked")
                    var found = new java.util.LinkedHashSet<>((Set<PatientId>) invocation.callRealMethod());
                    java.util.Collection<PatientId> asked = invocation.getArgument(1);
                    asked.stream()
                            .filter(patient -> actor != null && pairs.contains(key(actor.userId(), patient)))
                            .forEach(found::add);
                    return found;
                })
                .when(spied)
                .inCare(any(), any());
    }

    void care(UserId doctor, PatientId patient) {
        pairs.add(key(doctor, patient));
    }

    private static String key(UserId doctor, PatientId patient) {
        return doctor.value() + ":" + patient.value();
    }

    /** A clinician's decision, made as the access module makes it (its constructor is not public). */
    static AccessDecision clinician(PatientId patient, RecordAction action) {
        try {
            Constructor<AccessDecision> constructor = AccessDecision.class.getDeclaredConstructor(
                    PatientId.class, Relation.class, AccessLevel.class, RecordAction.class);
            constructor.setAccessible(true);
            return constructor.newInstance(patient, Relation.CLINICIAN, AccessLevel.FULL, action);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
