package org.medkarta.identity;

import java.io.Serializable;
import java.util.List;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The person behind a request, from a browser session or an access token.
 *
 * @param patientId the person's own medical record, or null for staff without one
 * @param method how they signed in: {@code SMS_CODE}, {@code PASSWORD}, {@code ESIA}
 */
public record SignedInUser(UserId userId, String displayName, PatientId patientId, List<RoleGrant> roles, String method)
        implements AuthenticatedPrincipal, Serializable {

    public SignedInUser {
        roles = List.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.stream().anyMatch(grant -> grant.role() == role);
    }

    /**
     * A patient and nothing else: no staff role on this session. Only such a session may keep
     * medical pages in the browser for reading offline (issue 22).
     */
    public boolean patientAlone() {
        return has(Role.PATIENT) && roles.stream().allMatch(grant -> grant.role() == Role.PATIENT);
    }

    public List<GrantedAuthority> authorities() {
        return roles.stream()
                .map(grant -> grant.role().authority())
                .distinct()
                .map(authority -> (GrantedAuthority) new SimpleGrantedAuthority(authority))
                .toList();
    }

    /** The principal name Spring Session indexes sessions by: the user id. */
    @Override
    public String getName() {
        return userId.value().toString();
    }
}
