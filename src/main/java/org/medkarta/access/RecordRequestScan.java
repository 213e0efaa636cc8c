package org.medkarta.access;

/**
 * A scan uploaded with a record-access request: the identity document itself, or another page (the
 * policy, the SNILS card). Its type is told from the content by the files module.
 *
 * @param field the form or API field it came in, which a refusal names
 */
public record RecordRequestScan(Subject kind, String field, String name, byte[] content) {

    public enum Subject {
        IDENTITY_DOCUMENT,
        OTHER
    }
}
