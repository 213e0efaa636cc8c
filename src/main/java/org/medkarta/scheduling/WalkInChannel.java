package org.medkarta.scheduling;

/** Where a walk-in ticket was taken (seed 002: «на стойке информации или в инфомате»), or on the patient's phone. */
public enum WalkInChannel {
    KIOSK,
    PHONE,
    DESK
}
