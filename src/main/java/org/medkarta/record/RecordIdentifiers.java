package org.medkarta.record;

import java.util.List;
import org.medkarta.access.IdentityDocument;
import org.medkarta.identity.PolicyView;

/**
 * The record's identity section (SPEC E1): the SNILS and the OMS and DMS policies with insurer and
 * validity, read from identity, the one place they are kept, and the identity document the record
 * keeps (null when none was recorded).
 */
public record RecordIdentifiers(String snils, List<PolicyView> policies, IdentityDocument document) {}
