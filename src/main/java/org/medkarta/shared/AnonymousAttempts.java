package org.medkarta.shared;

/**
 * Requests refused because nobody signed in: the API's 401 and a page's redirect to sign-in. Spring
 * Security answers them before any controller runs, so the policy point never sees them; the web
 * shell reports each one here, once, and the access module records the attempts at record data in
 * the audit trail (SPEC G1: every attempt at medical data, refused ones included).
 *
 * <p>A port: the web shell calls it without depending on access, which depends on the shell's layout.
 */
public interface AnonymousAttempts {

    /**
     * One refused request.
     *
     * @param method the HTTP method
     * @param path the path inside the application, without the query
     * @param patientParameter the {@code patientId} request parameter, if any
     * @param address the caller's address
     */
    void refused(String method, String path, String patientParameter, String address);
}
