package org.medkarta.access;

/**
 * A grant as typed (SPEC F1; seed 001: «ФИО, контактные данные и степень доверенности»): the grantee's
 * phone or e-mail (exactly one), an optional name and the level {@code VIEW}, {@code VIEW_DOWNLOAD}
 * or {@code FULL}.
 */
public record GrantForm(String granteeName, String granteePhone, String granteeEmail, String level) {}
