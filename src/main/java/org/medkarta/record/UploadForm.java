package org.medkarta.record;

/**
 * What the patient says about an upload: its kind and title; for a vaccination the vaccine, the
 * date ({@code YYYY-MM-DD}) and optionally the lot.
 */
public record UploadForm(String kind, String title, String vaccine, String date, String series) {}
