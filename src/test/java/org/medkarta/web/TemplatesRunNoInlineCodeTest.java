package org.medkarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy refuses inline script, event handlers and style attributes
 * ({@link PageHeaders}); a template that used one would break silently in the browser. Behaviour
 * belongs in static/js (data attributes wired by medkarta.js), looks in static/css.
 */
class TemplatesRunNoInlineCodeTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** What the policy refuses, each with why. */
    private static final List<Pattern> REFUSED = List.of(
            // A script element with code in it; data blocks (type="application/json") are not run.
            Pattern.compile("<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/json\")[^>]*>"),
            // An event handler attribute, written directly or through th:attr / th:on*.
            Pattern.compile("(?i)[\\s\"',|(:]on[a-z]+\\s*="),
            Pattern.compile("(?i)\\bhx-on"),
            Pattern.compile("(?i)javascript:"),
            // hx-confirm asks with window.confirm; destructive actions use data-confirm.
            Pattern.compile("(?i)\\bhx-confirm"),
            Pattern.compile("(?i)\\s(th:)?style\\s*="),
            Pattern.compile("(?i)<style"));

    @Test
    void noTemplateHasInlineScriptEventHandlersOrStyles() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    for (Pattern refused : REFUSED) {
                        var match = refused.matcher(lines.get(i));
                        if (match.find()) {
                            found.add(TEMPLATES.relativize(file) + ":" + (i + 1) + ": "
                                    + match.group().strip());
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckSeesEachKindOfInlineCode() {
        for (String line : List.of(
                "<script>alert(1)</script>",
                "<select onchange=\"this.form.submit()\">",
                "<form th:attr=\"onsubmit=|return confirm('x')|\">",
                "<div hx-on:click=\"x()\">",
                "<a href=\"javascript:void(0)\">",
                "<div style=\"max-width: 30rem\">",
                "<button hx-confirm=\"Sure?\">")) {
            assertThat(REFUSED.stream().anyMatch(p -> p.matcher(line).find()))
                    .as(line)
                    .isTrue();
        }
        for (String line : List.of(
                "<script type=\"module\" th:src=\"@{/js/medkarta.js}\"></script>",
                "<script type=\"application/json\" id=\"chart-data\" th:utext=\"${chartJson}\">{}</script>",
                "<form data-confirm=\"Cancel?\" data-confirm-action=\"Cancel\">",
                "<p th:text=\"#{help.on}\">Information on booking</p>")) {
            assertThat(REFUSED.stream().noneMatch(p -> p.matcher(line).find()))
                    .as(line)
                    .isTrue();
        }
    }
}
