package org.medkarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ReducedMotion;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.medkarta.notification.DevOutbox;
import org.medkarta.testing.BrowserSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every role's main pages fit every common screen (SPEC J1): no sideways scrolling from a 360 px
 * phone to a 1920 px monitor, and the sign-out control is always on screen or one tap of the menu
 * button away. One browser, one context per role; the viewport is resized, not the browser.
 *
 * <p>Layout does not depend on the database, and the walk takes minutes: it runs in the H2 run of
 * {@code ./mvnw verify} (and so in {@code .ci/run}), not again on PostgreSQL.
 */
@DisabledIfSystemProperty(named = "medkarta.test.database", matches = "postgres")
class ResponsiveLayoutBrowserIT extends BrowserSupport {

    private static final int[] WIDTHS = {360, 768, 1024, 1280, 1440, 1920};

    @Autowired
    DevOutbox outbox;

    @Test
    void everyRolesPagesFitEveryWidthWithoutSidewaysScrollAndSignOutStaysReachable() {
        List<String> problems = new ArrayList<>();

        signInDemoPatient(page, outbox, "+79990000001");
        problems.addAll(check("patient", patientPages(page)));

        withFreshContext(() -> {
            signInDemoPatient(page, outbox, "+79990000002");
            problems.addAll(check("parent", patientPages(page)));
        });
        withFreshContext(() -> {
            staff("doctor@demo.medkarta.org", "Demo-doctor-1", "/");
            problems.addAll(check(
                    "doctor",
                    List.of(
                            "/",
                            "/schedule",
                            "/consultations",
                            "/record/verification",
                            "/record/alerts",
                            "/access/emergency",
                            "/schedule/patients",
                            "/profile",
                            "/notices")));
        });
        withFreshContext(() -> {
            staff("clinic@demo.medkarta.org", "Demo-clinic-1", "/admin/clinics");
            List<String> pages = new ArrayList<>(
                    List.of("/", "/admin/clinics", "/schedule", "/admin/guardianships", "/support/queue", "/profile"));
            pages.addAll(links("a[href^='/admin/clinics/']", 6));
            problems.addAll(check("clinic admin", pages));
        });
        withFreshContext(() -> {
            staff("admin@demo.medkarta.org", "Demo-admin-1", "/admin/clinics");
            problems.addAll(check(
                    "platform admin",
                    List.of(
                            "/",
                            "/admin/clinics",
                            "/admin/clinics/new",
                            "/admin/audit",
                            "/admin/terminology",
                            "/admin/guardianships",
                            "/support/queue",
                            "/clinics",
                            "/doctors")));
        });

        assertThat(problems).isEmpty();
    }

    /** The pages a patient or a parent opens: home, booking, appointments, the record with a lab chart, access. */
    private List<String> patientPages(Page on) {
        List<String> pages = new ArrayList<>(List.of(
                "/",
                "/booking",
                "/appointments",
                "/record",
                "/access/records",
                "/access/grants",
                "/consultations",
                "/notices",
                "/profile",
                "/clinics",
                "/doctors"));
        on.navigate(url("/record"));
        Locator labs = on.locator("#tab-labs");
        if (labs.count() > 0) {
            String labsPath = labs.getAttribute("href");
            pages.add(labsPath);
            on.navigate(url(labsPath));
            Locator test = on.locator("#lab-code option");
            if (test.count() > 0) {
                pages.add(labsPath + "?code="
                        + URLEncoder.encode(test.first().getAttribute("value"), StandardCharsets.UTF_8));
            }
            pages.add(labsPath.replace("/labs", "/diary"));
        }
        on.navigate(url("/doctors"));
        pages.addAll(links("main a[href^='/doctors/']", 1));
        on.navigate(url("/booking"));
        pages.addAll(links("main a[href^='/booking/doctors/']", 1));
        return pages;
    }

    /**
     * Waits up to two seconds for the page to fit the new width: charts (Chart.js) resize their
     * canvas on a ResizeObserver callback after the viewport changes, so a page measured at once may
     * still hold the wider canvas. A page that keeps scrolling sideways is then reported.
     */
    private void settle() {
        try {
            page.waitForFunction(
                    "() => document.scrollingElement.scrollWidth <= window.innerWidth",
                    null,
                    new Page.WaitForFunctionOptions().setTimeout(2000));
        } catch (com.microsoft.playwright.TimeoutError stillTooWide) {
            // Measured and reported by the caller.
        }
    }

    private List<String> check(String role, List<String> paths) {
        List<String> problems = new ArrayList<>();
        page.emulateMedia(new Page.EmulateMediaOptions().setReducedMotion(ReducedMotion.REDUCE));
        for (String path : paths) {
            page.navigate(url(path));
            for (int width : WIDTHS) {
                page.setViewportSize(width, 900);
                settle();
                int scrollWidth = ((Number) page.evaluate("document.scrollingElement.scrollWidth")).intValue();
                int innerWidth = ((Number) page.evaluate("window.innerWidth")).intValue();
                if (scrollWidth > innerWidth) {
                    problems.add(role + " " + path + " at " + width + " px scrolls sideways: " + scrollWidth
                            + " px wide" + " (" + widest() + ")");
                }
                // The header is one layout for every page of a role: checking the menu on the role's
                // first page is enough, and spares a reload per page and width.
                if (path.equals(paths.get(0)) && !signOutReachable()) {
                    problems.add(role + " " + path + " at " + width + " px: sign-out cannot be reached");
                }
            }
        }
        return problems;
    }

    /** The sign-out button is on screen, or the menu button that shows it is, and then it is. */
    private boolean signOutReachable() {
        Locator signOut = page.locator("#sign-out");
        if (signOut.count() != 1) {
            return false;
        }
        if (!onScreen(signOut)) {
            Locator toggler = page.locator(".navbar-toggler");
            if (!onScreen(toggler)) {
                return false;
            }
            toggler.click();
            page.locator("#main-nav.show").waitFor();
            boolean shown = onScreen(signOut);
            page.reload();
            return shown;
        }
        return true;
    }

    private boolean onScreen(Locator element) {
        if (!element.isVisible()) {
            return false;
        }
        return (Boolean) element.evaluate("e => { const r = e.getBoundingClientRect();"
                + " return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth; }");
    }

    /** The widest element that sticks out on the right, to say what to fix. */
    private String widest() {
        return String.valueOf(
                page.evaluate(
                        "() => { let worst = null, right = window.innerWidth;"
                                + " for (const e of document.querySelectorAll('body *')) { const r = e.getBoundingClientRect();"
                                + " if (r.right > right) { right = r.right; worst = e; } }"
                                + " return worst ? worst.tagName + (worst.id ? '#' + worst.id : '') + '.' + worst.className + ' → ' + Math.round(right) : ''; }"));
    }

    private List<String> links(String selector, int limit) {
        Set<String> found = new LinkedHashSet<>();
        for (Object href : (List<?>) page.locator(selector).evaluateAll("es => es.map(e => e.getAttribute('href'))")) {
            if (found.size() < limit && href != null) {
                found.add(String.valueOf(href));
            }
        }
        return new ArrayList<>(found);
    }

    private void staff(String email, String password, String next) {
        page.navigate(url("/test/staff-sign-in?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + password + "&continue=" + next));
    }

    private void withFreshContext(Runnable steps) {
        context.close();
        BrowserContext fresh = browserContext();
        context = fresh;
        page = fresh.newPage();
        steps.run();
    }
}
