package org.medkarta.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.medkarta.fhir.FhirImport.Imported;
import org.medkarta.fhir.FhirImport.Report;
import org.medkarta.fhir.ImportEntry.Result;

/**
 * The answer to an import ({@link FhirImport}): the {@code transaction-response} or {@code
 * batch-response} Bundle with each entry's status, location and OperationOutcome, and the {@link
 * Report}'s counts; or, for a transaction refused as a whole or a Bundle that is not one to import,
 * the OperationOutcome of the failure.
 */
final class ImportResponse {

    private ImportResponse() {}

    static Imported response(List<ImportEntry> items, boolean atomic, ImportWords words) {
        var response = new Bundle();
        response.setType(atomic ? BundleType.TRANSACTIONRESPONSE : BundleType.BATCHRESPONSE);
        var counts = new java.util.EnumMap<Result, Integer>(Result.class);
        int warnings = 0;
        for (var item : items) {
            counts.merge(item.result == null ? Result.REFUSED : item.result, 1, Integer::sum);
            var answer = response.addEntry().getResponse();
            var outcome = new OperationOutcome();
            switch (item.result == null ? Result.REFUSED : item.result) {
                case CREATED -> answer.setStatus("201 Created");
                case MATCHED -> answer.setStatus("200 OK");
                case DUPLICATE -> {
                    answer.setStatus("200 OK");
                    information(outcome, IssueType.DUPLICATE, words.say("duplicate"));
                }
                case KEPT -> answer.setStatus("201 Created");
                case REFUSED -> {
                    answer.setStatus(
                            item.message != null && item.message.equals(words.say("patient-not-yours"))
                                    ? "404 Not Found"
                                    : "422 Unprocessable Entity");
                    outcome.addIssue()
                            .setSeverity(IssueSeverity.ERROR)
                            .setCode(IssueType.PROCESSING)
                            .setDiagnostics(item.message)
                            .addExpression("Bundle.entry[" + item.index + "]");
                }
            }
            if (item.result != Result.REFUSED && item.type != null) {
                var id = item.resource instanceof Patient ? item.patient.value() : item.id;
                if (id != null) {
                    answer.setLocation(item.type + "/" + id + "/_history/1");
                }
            }
            if (item.result == Result.KEPT && item.message != null) {
                information(outcome, IssueType.INFORMATIONAL, item.message);
            }
            if (item.similarTo != null && item.result == Result.CREATED) {
                warnings++;
                outcome.addIssue()
                        .setSeverity(IssueSeverity.WARNING)
                        .setCode(IssueType.DUPLICATE)
                        .setDiagnostics(words.say("similar", item.type + "/" + item.similarTo))
                        .addExpression("Bundle.entry[" + item.index + "]");
            }
            if (outcome.hasIssue()) {
                answer.setOutcome(outcome);
            }
        }
        return new Imported(
                response,
                new Report(
                        counts.getOrDefault(Result.CREATED, 0),
                        counts.getOrDefault(Result.MATCHED, 0),
                        counts.getOrDefault(Result.DUPLICATE, 0),
                        counts.getOrDefault(Result.KEPT, 0),
                        counts.getOrDefault(Result.REFUSED, 0),
                        warnings));
    }

    private static void information(OperationOutcome outcome, IssueType type, String text) {
        outcome.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(type).setDiagnostics(text);
    }

    static ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException refusedTransaction(
            List<ImportEntry> refused, ImportWords words) {
        var failure = FhirErrors.failure(
                422, IssueType.PROCESSING, words.say("transaction-refused", refused.size()), "import-refused");
        var outcome = (OperationOutcome) failure.getOperationOutcome();
        for (var item : refused) {
            outcome.addIssue()
                    .setSeverity(IssueSeverity.ERROR)
                    .setCode(IssueType.PROCESSING)
                    .setDiagnostics(item.message)
                    .addExpression("Bundle.entry[" + item.index + "]");
        }
        return failure;
    }

    static ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException invalid(String text) {
        return FhirErrors.failure(400, IssueType.INVALID, text, "invalid-bundle");
    }
}
