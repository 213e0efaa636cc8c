package org.medkarta.scheduling;

import java.util.List;

/**
 * One page of the referrals a person issued, newest first.
 *
 * @param page the page number, from 0
 * @param hasNext whether a further page holds more
 */
public record ReferralPage(List<IssuedReferral> items, int page, int size, boolean hasNext) {}
