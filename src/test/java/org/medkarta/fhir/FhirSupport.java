package org.medkarta.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.medkarta.testing.ApiSupport;

/**
 * FHIR over real HTTP: raw requests, HAPI's generic client unchanged, and HAPI's instance validator
 * with the R4 core definitions (offline), which every resource Medkarta emits must pass with no
 * error.
 */
public abstract class FhirSupport extends ApiSupport {

    protected static final FhirContext FHIR = FhirContext.forR4Cached();

    private static FhirValidator validator;

    /** One validator for the whole run: loading the R4 core definitions takes seconds. */
    protected static synchronized FhirValidator validator() {
        if (validator == null) {
            var chain = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(FHIR),
                    new CommonCodeSystemsTerminologyService(FHIR),
                    new InMemoryTerminologyServerValidationSupport(FHIR),
                    new SnapshotGeneratingValidationSupport(FHIR));
            var instance = new FhirInstanceValidator(chain);
            instance.setAnyExtensionsAllowed(true);
            validator = FHIR.newValidator().registerValidatorModule(instance);
        }
        return validator;
    }

    /** The errors HAPI's validator finds in a resource as served, each with its location. */
    protected static List<String> errorsIn(String served) {
        var errors = new ArrayList<String>();
        for (var message : validator().validateWithResult(served).getMessages()) {
            if (message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()) {
                errors.add(message.getLocationString() + ": " + message.getMessage());
            }
        }
        return errors;
    }

    protected static void assertValid(String served) {
        assertThat(errorsIn(served)).as("validation errors in %s", served).isEmpty();
    }

    protected static void assertValid(IBaseResource resource) {
        assertValid(FHIR.newJsonParser().encodeResourceToString(resource));
    }

    /** HAPI's generic client at this app's {@code /fhir}, as {@code token}'s holder (null: anonymous). */
    protected IGenericClient client(String token) {
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        var client = FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir");
        if (token != null) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        }
        return client;
    }

    /** GET {@code /fhir/...} as {@code token}'s holder (null: anonymous), JSON unless headers say. */
    protected HttpResponse<String> fhir(String token, String path, String... headers) {
        var builder = request("/fhir/" + path).GET();
        builder.header("Accept", "application/fhir+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    /** POST a Bundle to {@code /fhir} (transaction or batch import) as {@code token}'s holder (null: anonymous). */
    protected HttpResponse<String> postBundle(String token, String body) {
        return post("/fhir", token, body);
    }

    /** {@code POST Patient/{id}/$import} of {@code bundle} as {@code token}'s holder (null: anonymous). */
    protected HttpResponse<String> importInto(String token, String patient, Bundle bundle) {
        var parameters = new org.hl7.fhir.r4.model.Parameters();
        parameters.addParameter().setName("bundle").setResource(bundle);
        return post(
                "/fhir/Patient/" + patient + "/$import",
                token,
                FHIR.newJsonParser().encodeResourceToString(parameters));
    }

    private HttpResponse<String> post(String path, String token, String body) {
        var builder = request(path)
                .header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return send(builder.build());
    }

    protected static Bundle bundle(HttpResponse<String> response) {
        return FHIR.newJsonParser().parseResource(Bundle.class, response.body());
    }

    /** A browser session for the token's holder: the cookie to send with page requests. */
    String session(String token) {
        var signedIn = get("/test/token-sign-in?token=" + token + "&continue=/");
        org.assertj.core.api.Assertions.assertThat(signedIn.statusCode())
                .as(signedIn.body())
                .isEqualTo(302);
        return signedIn.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0])
                .filter(cookie -> !cookie.startsWith("medkarta-lang"))
                .findFirst()
                .orElseThrow();
    }
}
