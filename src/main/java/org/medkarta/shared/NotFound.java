package org.medkarta.shared;

/**
 * The thing asked for does not exist, or the asker may not know that it exists. Medical data of
 * another patient answers this too, never "forbidden", so that its existence is not revealed.
 */
public class NotFound extends DomainException {

    public NotFound() {
        super(Kind.NOT_FOUND, "not-found", "problem.not-found");
    }
}
