package org.medkarta.clinic;

/** Who may see and book a doctor or a service (SPEC B5, seed 004), from the widest to the narrowest. */
public enum Visibility {
    /** Every patient of the region. */
    REGION,
    /** Only patients attached to the clinic (SPEC B6). */
    ATTACHED,
    /** Only patients holding a referral. */
    REFERRAL;

    /** The narrower of two settings: a doctor visible only by referral stays so for every service. */
    public Visibility narrowest(Visibility other) {
        return other == null || compareTo(other) >= 0 ? this : other;
    }
}
