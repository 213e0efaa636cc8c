package org.medkarta.testing;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * axe-core (the vendored {@code src/test/resources/axe/axe.min.js}, version in the README beside it)
 * run in a page the browser tests opened: WCAG 2.0 and 2.1, levels A and AA, and what axe calls best
 * practice. The script is evaluated, not added as a script element, so the page's
 * Content-Security-Policy neither refuses it nor has to allow it.
 */
public final class Axe {

    private static final String SOURCE = load();

    /** Runs axe on the whole document and keeps the serious and critical violations only. */
    private static final String RUN = """
            async () => {
              const result = await axe.run(document, {
                resultTypes: ['violations'],
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }
              });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .flatMap(v => v.nodes.map(n => v.impact + ' ' + v.id + ' at ' + n.target.join(' ')
                    + ': ' + (n.failureSummary || v.help).replace(/\\s+/g, ' ').slice(0, 300)));
            }
            """;

    private Axe() {}

    /** The serious and critical violations of the page as it is now, one line per element. */
    public static List<String> seriousViolations(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate("() => { " + SOURCE + "\n}");
        }
        return ((List<?>) page.evaluate(RUN)).stream().map(String::valueOf).toList();
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe/axe.min.js is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
