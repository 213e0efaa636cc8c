package org.medkarta.scheduling;

import java.time.LocalDate;

/**
 * What a paper referral from another clinic says about its origin, as the registry copies it.
 *
 * @param organisation the issuing organisation's name
 * @param number the referral's number on the paper
 * @param issuedOn the date written on it
 * @param doctorName the referring doctor's name
 */
public record PaperReferral(String organisation, String number, LocalDate issuedOn, String doctorName) {}
