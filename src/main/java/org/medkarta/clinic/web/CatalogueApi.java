package org.medkarta.clinic.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.NearbyClinics;
import org.medkarta.clinic.Picture;
import org.medkarta.clinic.Region;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.NotFound;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public catalogue: specialties, regions, clinics and doctors with their services and prices. */
@RestController
@Tag(name = "Catalogue")
class CatalogueApi {

    private final ClinicCatalogue directory;
    private final NearbyClinics nearby;

    CatalogueApi(ClinicCatalogue directory, NearbyClinics nearby) {
        this.directory = directory;
        this.nearby = nearby;
    }

    /** The dictionary of medical specialties: {@code [{code, name}]}, names in the request's language. */
    @GetMapping("/api/v1/specialties")
    List<Json.NamedSpecialty> specialties(Locale locale) {
        return directory.specialties().stream()
                .map(s -> Json.NamedSpecialty.of(s, locale))
                .toList();
    }

    /** The subjects of the Russian Federation by two-digit code. */
    @GetMapping("/api/v1/regions")
    List<Region> regions() {
        return directory.regions();
    }

    /** Active doctors: {@code [{id, name, specialties, clinicId, …}]}; every filter is optional. */
    @GetMapping("/api/v1/doctors")
    List<Json.Doctor> doctors(
            @RequestParam(required = false) String specialty,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String clinicId,
            Locale locale) {
        ClinicId clinic = clinicId == null || clinicId.isBlank() ? null : ClinicId.of(clinicId);
        return directory.findDoctors(specialty, q, clinic).stream()
                .map(d -> Json.Doctor.of(d, locale))
                .toList();
    }

    /** An active doctor's card with the services they give and their prices. */
    @GetMapping("/api/v1/doctors/{id}")
    Json.DoctorCard doctor(@PathVariable String id, Locale locale) {
        var doctor = directory.activeDoctor(DoctorId.of(id));
        return new Json.DoctorCard(
                Json.Doctor.of(doctor, locale),
                directory.servicesOf(doctor.id()).stream().map(Json.Service::of).toList());
    }

    @GetMapping("/api/v1/doctors/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable String id) {
        var doctor = directory.activeDoctor(DoctorId.of(id));
        return picture(directory.photo(doctor.id()).orElseThrow(NotFound::new));
    }

    /** Clinics by region ({@code "77"}), or all. */
    @GetMapping("/api/v1/catalogue/clinics")
    List<Json.PublicClinic> clinics(@RequestParam(required = false) String region) {
        return directory.catalogue(region).stream().map(Json.PublicClinic::of).toList();
    }

    /**
     * Clinics within {@code radiusKm} (default 10, at most 100) of the caller's position, nearest
     * first (SPEC B9). The position serves this one answer and is kept nowhere.
     */
    @GetMapping("/api/v1/catalogue/clinics/near")
    List<Json.NearbyClinic> near(
            @RequestParam(required = false) String lat,
            @RequestParam(required = false) String lon,
            @RequestParam(required = false) String radiusKm) {
        return nearby.near(lat, lon, radiusKm).stream()
                .map(Json.NearbyClinic::of)
                .toList();
    }

    @GetMapping("/api/v1/catalogue/clinics/{id}")
    Json.PublicClinic clinic(@PathVariable String id) {
        return Json.PublicClinic.of(directory.card(ClinicId.of(id)));
    }

    /** A clinic's active services with their prices. */
    @GetMapping("/api/v1/catalogue/clinics/{id}/services")
    List<Json.Service> services(@PathVariable String id) {
        var clinic = directory.card(ClinicId.of(id));
        return directory.activeServices(clinic.id()).stream()
                .map(Json.Service::of)
                .toList();
    }

    @GetMapping("/api/v1/clinics/{id}/logo")
    ResponseEntity<byte[]> logo(@PathVariable String id) {
        return picture(directory.logo(ClinicId.of(id)).orElseThrow(NotFound::new));
    }

    static ResponseEntity<byte[]> picture(Picture picture) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(picture.contentType()))
                .cacheControl(CacheControl.noCache())
                .header("X-Content-Type-Options", "nosniff")
                .body(picture.content());
    }
}
