package org.medkarta.clinic;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.medkarta.shared.BadParameter;
import org.medkarta.shared.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clinics near me (SPEC B9, issue 20; seed 002: the directory of clinics and pharmacies beside the
 * booking): the clinics of the catalogue within a radius of a position, nearest first, by the
 * great-circle (haversine) distance.
 *
 * <p>The position is a parameter of this one call: it is never written to the database, the audit
 * or the log (nothing here logs, and the web layer logs no query strings). The query first cuts a
 * bounding box of the radius on the {@code clinic_position} index, reading only ids and positions;
 * the distances are then computed for the rows inside it and only the nearest {@value #LIMIT} are
 * read in full ({@code bench/near} measures it over 10,000 clinics).
 */
@Service
public class NearbyClinics {

    /** The default and the largest radius, in kilometres. */
    public static final double DEFAULT_RADIUS_KM = 10, MAX_RADIUS_KM = 100;

    /** At most this many clinics are listed. */
    public static final int LIMIT = 50;

    private static final double EARTH_RADIUS_KM = 6371.0088;

    private final JdbcClient jdbc;
    private final Clinics clinics;

    NearbyClinics(JdbcClient jdbc, Clinics clinics) {
        this.jdbc = jdbc;
        this.clinics = clinics;
    }

    /**
     * The clinics within {@code radiusKm} (default {@value #DEFAULT_RADIUS_KM}) of the position, as
     * the query string gives them.
     *
     * @throws BadParameter naming {@code lat}, {@code lon} or {@code radiusKm} when missing, not a
     *     number or out of range
     */
    @Transactional(readOnly = true)
    public List<NearbyClinic> near(String lat, String lon, String radiusKm) {
        double latitude = degrees(lat, "lat", 90);
        double longitude = degrees(lon, "lon", 180);
        double radius = radiusKm == null || radiusKm.isBlank() ? DEFAULT_RADIUS_KM : radius(radiusKm);
        return near(latitude, longitude, radius);
    }

    private List<NearbyClinic> near(double latitude, double longitude, double radiusKm) {
        double latitudeSpan = Math.toDegrees(radiusKm / EARTH_RADIUS_KM);
        double minLatitude = latitude - latitudeSpan;
        double maxLatitude = latitude + latitudeSpan;
        double cos = Math.cos(Math.toRadians(latitude));
        double longitudeSpan = cos < 1e-6 ? 360 : Math.toDegrees(radiusKm / (EARTH_RADIUS_KM * cos));
        double minLongitude = longitude - longitudeSpan;
        double maxLongitude = longitude + longitudeSpan;
        boolean aroundTheWorld = maxLatitude > 90 || minLatitude < -90 || minLongitude < -180 || maxLongitude > 180;
        // Near a pole or the antimeridian the box wraps: every longitude is a candidate there.
        var query = aroundTheWorld
                ? jdbc.sql("SELECT id, latitude, longitude FROM clinic"
                                + " WHERE latitude BETWEEN :minLatitude AND :maxLatitude")
                        .param("minLatitude", Math.max(-90, minLatitude))
                        .param("maxLatitude", Math.min(90, maxLatitude))
                : jdbc.sql("SELECT id, latitude, longitude FROM clinic"
                                + " WHERE latitude BETWEEN :minLatitude AND :maxLatitude"
                                + " AND longitude BETWEEN :minLongitude AND :maxLongitude")
                        .param("minLatitude", minLatitude)
                        .param("maxLatitude", maxLatitude)
                        .param("minLongitude", minLongitude)
                        .param("maxLongitude", maxLongitude);
        List<Candidate> nearest = query
                .query((row, n) -> new Candidate(
                        Columns.uuid(row, "id"),
                        distanceKm(latitude, longitude, row.getDouble("latitude"), row.getDouble("longitude"))))
                .list()
                .stream()
                .filter(candidate -> candidate.distanceKm() <= radiusKm)
                .sorted(Comparator.comparingDouble(Candidate::distanceKm).thenComparing(Candidate::id))
                .limit(LIMIT)
                .toList();
        Map<UUID, ClinicView> found = clinics
                .findAll(nearest.stream().map(Candidate::id).toList())
                .stream()
                .collect(Collectors.toMap(clinic -> clinic.id().value(), Function.identity()));
        return nearest.stream()
                .filter(candidate -> found.containsKey(candidate.id()))
                .map(candidate -> new NearbyClinic(ClinicCard.of(found.get(candidate.id())), candidate.distanceKm()))
                .toList();
    }

    /** The great-circle distance in kilometres between two positions in degrees (haversine). */
    static double distanceKm(double latitude1, double longitude1, double latitude2, double longitude2) {
        double dLatitude = Math.toRadians(latitude2 - latitude1);
        double dLongitude = Math.toRadians(longitude2 - longitude1);
        double a = Math.pow(Math.sin(dLatitude / 2), 2)
                + Math.cos(Math.toRadians(latitude1))
                        * Math.cos(Math.toRadians(latitude2))
                        * Math.pow(Math.sin(dLongitude / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static double degrees(String value, String parameter, double limit) {
        double degrees = number(value, parameter);
        if (degrees < -limit || degrees > limit) {
            throw new BadParameter(parameter, "clinic.near.out-of-range", parameter, -limit, limit);
        }
        return degrees;
    }

    private static double radius(String value) {
        double radius = number(value, "radiusKm");
        if (radius <= 0 || radius > MAX_RADIUS_KM) {
            throw new BadParameter("radiusKm", "clinic.near.out-of-range", "radiusKm", 0, MAX_RADIUS_KM);
        }
        return radius;
    }

    private static double number(String value, String parameter) {
        if (value == null || value.isBlank()) {
            throw new BadParameter(parameter, "clinic.near.missing", parameter);
        }
        try {
            double number = Double.parseDouble(value.strip());
            if (Double.isFinite(number) && value.strip().length() <= 30) {
                return number;
            }
        } catch (NumberFormatException unreadable) {
            // answered below
        }
        throw new BadParameter(parameter, "clinic.near.not-a-number", parameter);
    }

    private record Candidate(UUID id, double distanceKm) {}
}
