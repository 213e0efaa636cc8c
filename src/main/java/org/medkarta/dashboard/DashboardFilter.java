package org.medkarta.dashboard;

/**
 * What a dashboard is asked for, as typed into the page's filters or the API's query: the first and
 * last day ({@code yyyy-MM-dd}, in the clinic's zone), a doctor's id and a service's id. Blank parts
 * take their defaults: two weeks either side of today (29 days; 29 days from or to the one day
 * given), all doctors, all services.
 */
public record DashboardFilter(String from, String to, String doctorId, String serviceId) {

    /** No filter: two weeks either side of today, every doctor and service. */
    public static DashboardFilter none() {
        return new DashboardFilter(null, null, null, null);
    }
}
