package org.medkarta.fhir;

/**
 * A provider of a directory resource that anyone may read and search, like the catalogue pages
 * (Organization, Practitioner, PractitionerRole, HealthcareService, Schedule, Slot). Every other
 * type asks for a bearer token before anything else, so an anonymous caller is told to sign in
 * (401), never how its search would have been refused.
 */
interface PublicResource {}
