package org.medkarta.access;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.medkarta.shared.PatientId;

/**
 * The ArchUnit rules that keep {@link RecordAccess} the one policy point for record data (issue 7,
 * "One policy point"):
 *
 * <ol>
 *   <li>only the access module makes an {@link AccessDecision}: its constructors are not public and
 *       nothing outside {@code org.medkarta.access} calls them;
 *   <li>a public method of a public class in a record-data package (the record module, later the
 *       FHIR facade) that takes a {@link PatientId} also takes an {@link AccessDecision}, so whose
 *       record it touches can only come from a decision. The record module's design passes the
 *       decision instead of the patient id ({@code entries(AccessDecision, EntryFilter)}); adding a
 *       public {@code entries(PatientId)} breaks the build. Java records (views, events, forms) are
 *       data, not operations, and are left out: their constructors and accessors carry ids.
 * </ol>
 */
final class OnePolicyPoint {

    private OnePolicyPoint() {}

    static ArchRule onlyAccessMakesDecisions() {
        return noClasses()
                .that()
                .resideOutsideOfPackage("org.medkarta.access..")
                .should()
                .callConstructorWhere(DescribedPredicate.describe(
                        "the constructor of AccessDecision",
                        call -> call.getTargetOwner().isEquivalentTo(AccessDecision.class)))
                .because("only the policy point decides who may open a record");
    }

    static ArchRule decisionConstructorsAreNotPublic() {
        return constructors()
                .that()
                .areDeclaredIn(AccessDecision.class)
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .because("a decision made elsewhere would bypass the policy point");
    }

    /** Public operations in these packages that take a patient id must take a decision too. */
    static ArchRule recordOperationsTakeADecision(String... packages) {
        return methods()
                .that()
                .arePublic()
                .and()
                .areDeclaredInClassesThat(DescribedPredicate.describe(
                        "are public operation classes (not Java records) in " + String.join(", ", packages),
                        (JavaClass owner) -> owner.getModifiers().contains(JavaModifier.PUBLIC)
                                && !owner.isRecord()
                                && owner.getPackageName() != null
                                && inAny(owner.getPackageName(), packages)))
                .should(takeADecisionWhenTheyTakeAPatientId())
                .allowEmptyShould(true)
                .because("every read and write of record data goes through RecordAccess.require");
    }

    private static boolean inAny(String packageName, String... packages) {
        for (String pattern : packages) {
            String base = pattern.endsWith("..") ? pattern.substring(0, pattern.length() - 2) : pattern;
            if (packageName.equals(base) || packageName.startsWith(base + ".")) {
                return true;
            }
        }
        return false;
    }

    private static ArchCondition<JavaMethod> takeADecisionWhenTheyTakeAPatientId() {
        return new ArchCondition<>("take an AccessDecision when they take a PatientId") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                var parameters = method.getRawParameterTypes();
                boolean patient = parameters.stream().anyMatch(type -> type.isEquivalentTo(PatientId.class));
                boolean decision = parameters.stream().anyMatch(type -> type.isEquivalentTo(AccessDecision.class));
                if (patient && !decision) {
                    events.add(SimpleConditionEvent.violated(
                            method, method.getFullName() + " takes a PatientId but no AccessDecision"));
                }
            }
        };
    }
}
