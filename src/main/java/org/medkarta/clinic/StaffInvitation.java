package org.medkarta.clinic;

/** A person to invite by e-mail as a clinic administrator (SPEC A8). */
public record StaffInvitation(String email, String lastName, String firstName, String patronymic) {}
