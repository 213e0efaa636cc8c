/**
 * Clinic dashboards (SPEC J3, issue 19): for a clinic's administrators and its heads of department,
 * doctors' load (booked against free slots by day), consultation requests by state and overdue,
 * requests missed, how soon doctors take requests into work and protocols sent, over a period and
 * optionally for one doctor or one service; as a page with charts and tables, as CSV and through the
 * API.
 *
 * <p>It computes nothing from rows itself: each figure is one SQL aggregate run by the module that
 * owns the data, behind a read facade ({@link org.medkarta.scheduling.ScheduleLoad}, {@link
 * org.medkarta.consultation.ConsultationFigures}); this module decides who may see a clinic's figures
 * and puts them side by side. It sits above scheduling and consultation, which the web shell cannot
 * (they use it), hence a module of its own (docs/adr/0010-clinic-dashboards-module.md). It owns no
 * tables; its hourly job ({@code DashboardRollups}) asks those modules to roll their settled days up
 * by day and doctor, so that a year's dashboard reads a few rows per doctor and day.
 */
@ApplicationModule(displayName = "Clinic dashboards")
package org.medkarta.dashboard;

import org.springframework.modulith.ApplicationModule;
