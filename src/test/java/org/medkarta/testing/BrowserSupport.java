package org.medkarta.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.medkarta.notification.DevOutbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The browser harness: the whole app on a random port and Debian's Chromium driven by Playwright.
 * Each test gets a fresh browser context (no cookies, a Russian-speaking browser) and a page; {@link #screenshot(String)} saves
 * what a person would see under {@code target/screenshots/}. Playwright never downloads a browser
 * here: it drives {@code /usr/bin/chromium} (or {@code MEDKARTA_CHROMIUM}). Every browser context
 * reports what the Content-Security-Policy refused, and a test whose pages had anything refused
 * fails, so that no page silently loses a script or a style.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserSupport {

    /** Launch options that work on a machine without a network or a display (ARCHITECTURE.md). */
    public static final List<String> CHROMIUM_ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream");

    /** Turns each refusal of the page's Content-Security-Policy into a console error the test sees. */
    public static final String POLICY_VIOLATION_REPORTER = """
            document.addEventListener('securitypolicyviolation', (e) => console.error(
                'CSP violation: ' + e.effectiveDirective + ' refused ' + (e.blockedURI || 'inline')
                + ' in ' + e.documentURI + ' (' + (e.sourceFile || '') + ':' + e.lineNumber + ')'));
            """;

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;

    @Autowired
    private MutableClock clock;

    protected BrowserContext context;
    protected Page page;
    private String testName;
    private final List<String> policyViolations = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        String executable = System.getenv().getOrDefault("MEDKARTA_CHROMIUM", "/usr/bin/chromium");
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(executable))
                        .setHeadless(true)
                        .setArgs(CHROMIUM_ARGS));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage(TestInfo info) {
        testName = info.getTestClass().map(Class::getSimpleName).orElse("test") + "-"
                + info.getTestMethod().map(m -> m.getName()).orElse("page");
        context = browserContext();
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
        Assertions.assertThat(policyViolations)
                .as("what the Content-Security-Policy refused on the pages of this test")
                .isEmpty();
    }

    /** Another browser, with cookies of its own, as a second device of the same person would be. */
    protected BrowserContext browserContext() {
        return browserContext(null);
    }

    /**
     * Replaces this test's browser with one holding a session saved by {@code context.storageState()}
     * in an earlier test: the person comes back to a browser they signed in on, without signing in
     * again.
     */
    protected void reopenWith(String storageState) {
        context.close();
        context = browserContext(storageState);
        page = context.newPage();
    }

    private BrowserContext browserContext(String storageState) {
        var options = new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("ru-RU");
        if (storageState != null) {
            options.setStorageState(storageState);
        }
        var created = browser.newContext(options);
        created.addInitScript(POLICY_VIOLATION_REPORTER);
        created.onConsoleMessage(message -> {
            if (message.type().equals("error")
                    && (message.text().startsWith("CSP violation")
                            || message.text().contains("Content Security Policy"))) {
                policyViolations.add(message.text());
            }
        });
        return created;
    }

    /** What the Content-Security-Policy refused so far in this test, in any of its browsers. */
    protected List<String> policyViolations() {
        return List.copyOf(policyViolations);
    }

    /** The absolute address of a path of the running app. */
    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Saves the whole page as {@code target/screenshots/<test>-<label>.png} and returns the file. */
    protected Path screenshot(String label) {
        Path file = Path.of("target", "screenshots", testName + "-" + label + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** Signs a patient in on {@code on} with the code sent to their phone, and sees them signed in. */
    protected void signInByCode(Page on, DevOutbox outbox, String phone) {
        on.navigate(url("/sign-in"));
        on.locator("#phone").fill(phone);
        on.locator("#send-code").click();
        on.locator("#code").fill(Outbox.latestCode(outbox, phone));
        on.locator("#sign-in").click();
        PlaywrightAssertions.assertThat(on.locator("#nav-profile")).isVisible();
    }

    /**
     * Signs in one of the demo patients, whom several test classes of one application sign in: the
     * clock first moves past the 60 s a new code must wait for (order 003), so the code read is the
     * one this sign-in asked for, not a spent one refused as a resend too soon.
     */
    protected void signInDemoPatient(Page on, DevOutbox outbox, String phone) {
        clock.advance(Duration.ofSeconds(61));
        signInByCode(on, outbox, phone);
    }

    /** Answers yes to the confirmation a destructive action asks for (static/js/medkarta.js). */
    protected void confirm(Page on) {
        var dialog = on.locator("#confirm-dialog");
        PlaywrightAssertions.assertThat(dialog).isVisible();
        dialog.locator(".confirm-accept").click();
    }

    /** Opens a page as a phone would show it, 360 px wide. */
    protected Page phone() {
        page.setViewportSize(360, 740);
        return page;
    }
}
