package org.medkarta.questionnaire;

import org.medkarta.shared.DomainException;

/** The refusals of the questionnaire module, named as the API's ProblemDetail types name them. */
public final class QuestionnaireRefusal extends DomainException {

    private QuestionnaireRefusal(Kind kind, String problem, Object... arguments) {
        super(kind, problem, "problem." + problem, arguments);
    }

    /** A published or retired version is never changed: answers point at it. Make a new version. */
    public static QuestionnaireRefusal notADraft() {
        return new QuestionnaireRefusal(Kind.CONFLICT, "questionnaire-not-draft");
    }

    /** A submitted response is read-only. */
    public static QuestionnaireRefusal responseSubmitted() {
        return new QuestionnaireRefusal(Kind.CONFLICT, "response-submitted");
    }

    /** Only a published questionnaire is sent to patients. */
    public static QuestionnaireRefusal notPublished() {
        return new QuestionnaireRefusal(Kind.CONFLICT, "questionnaire-not-published");
    }
}
