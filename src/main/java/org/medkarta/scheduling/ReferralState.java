package org.medkarta.scheduling;

/**
 * Where a referral stands (seed 004 «Направления»), derived at each reading: cancelled by its
 * issuing doctor, used up by a booking, past its validity by the clock, or issued and still usable.
 */
public enum ReferralState {
    ISSUED,
    USED,
    EXPIRED,
    CANCELLED
}
