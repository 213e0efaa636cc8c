package org.medkarta.consultation;

/**
 * Where a request stands (SPEC D2, D3). {@link #OVERDUE} is never stored: it is a {@link #NEW}
 * request whose start has passed by the clock, so it appears the moment the start passes.
 */
public enum ConsultationState {
    /** Waiting for the doctor to take it into work («Новые обращения»). */
    NEW,
    /** Not taken into work by its start («Просроченные обращения»); still can be taken. */
    OVERDUE,
    /** Taken into work: chat and calls are open («В работе»). */
    IN_WORK,
    /** The protocol is sent («Закрытые обращения»); only addenda can follow. */
    CLOSED,
    /** The appointment was cancelled before the consultation. */
    CANCELLED
}
