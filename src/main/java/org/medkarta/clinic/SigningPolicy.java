package org.medkarta.clinic;

/**
 * How a clinic's protocols are signed (issue 16).
 *
 * @param signatureRequired «Протоколы подписываются электронной подписью обязательно»: an unsigned
 *     protocol cannot be sent
 * @param coSigned «Клиника заверяет протоколы своей подписью»: after the doctor's valid signature the
 *     clinic's server key signs the same PDF too
 */
public record SigningPolicy(boolean signatureRequired, boolean coSigned) {

    public static final SigningPolicy NONE = new SigningPolicy(false, false);
}
