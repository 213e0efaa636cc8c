import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * The driver of the "clinics near me" benchmark: GET /api/v1/catalogue/clinics/near?lat=&lon=&radiusKm=10
 * at random points of Moscow, one request after another (the latency of one answer with nothing else
 * asked), after a warm-up. Prints "name value" lines.
 *
 * <pre>java Driver.java BASE WARMUP REQUESTS</pre>
 */
public class Driver {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int warmup = Integer.parseInt(args[1]);
        int requests = Integer.parseInt(args[2]);
        var http = HttpClient.newHttpClient();
        var random = new Random(42);
        long[] latencies = new long[requests];
        long found = 0;
        int errors = 0;
        for (int i = -warmup; i < requests; i++) {
            double lat = 55.5 + random.nextDouble() * 0.4;
            double lon = 37.3 + random.nextDouble() * 0.6;
            var request = HttpRequest.newBuilder(URI.create(String.format(
                            Locale.ROOT, "%s/api/v1/catalogue/clinics/near?lat=%.6f&lon=%.6f&radiusKm=10", base, lat, lon)))
                    .header("Accept", "application/json")
                    .GET()
                    .build();
            long start = System.nanoTime();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                errors++;
            }
            if (i >= 0) {
                latencies[i] = took;
                found += response.body().split("\"distanceKm\"", -1).length - 1;
            }
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "requests %d errors %d clinics_per_answer %.1f%n", requests, errors, (double) found / requests);
        System.out.printf(
                Locale.ROOT,
                "api_latency_ms p50 %.1f p90 %.1f p99 %.1f max %.1f%n",
                latencies[requests / 2] / 1e6,
                latencies[(int) (requests * 0.9)] / 1e6,
                latencies[(int) (requests * 0.99)] / 1e6,
                latencies[requests - 1] / 1e6);
    }
}
