package org.medkarta.homevisit;

import org.medkarta.shared.DomainException;

/** The refusals of the home visit module, named as the API's ProblemDetail types name them. */
public final class HomeVisitRefusal extends DomainException {

    private HomeVisitRefusal(Kind kind, String problem, Object... arguments) {
        super(kind, problem, "problem." + problem, arguments);
    }

    /** One open request per patient and day: the one asked before is still open. */
    public static HomeVisitRefusal openAlready() {
        return new HomeVisitRefusal(Kind.CONFLICT, "home-visit-open");
    }

    /** Another registrar assigned the request first. */
    public static HomeVisitRefusal taken() {
        return new HomeVisitRefusal(Kind.CONFLICT, "home-visit-taken");
    }

    /** The request is closed (visited, not at home, cancelled) or not in the state the step needs. */
    public static HomeVisitRefusal closed() {
        return new HomeVisitRefusal(Kind.CONFLICT, "home-visit-closed");
    }
}
