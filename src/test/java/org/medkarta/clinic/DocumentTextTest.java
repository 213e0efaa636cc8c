package org.medkarta.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentTextTest {

    @Test
    void headingsListsParagraphsAndBoldBecomeXhtml() {
        String html =
                DocumentText.toXhtml("# Оферта\n## Раздел\nстрока 1\nстрока 2\n\n- один\n- два\n**важно**", Map.of());

        assertThat(html)
                .contains("<h2>Оферта</h2>", "<h3>Раздел</h3>", "<p>строка 1<br/>строка 2</p>")
                .contains("<ul>\n<li>один</li>\n<li>два</li>\n</ul>", "<p><strong>важно</strong></p>");
    }

    @Test
    void placeholdersAreFilledAndAMissingPatientLeavesABlankLine() {
        String html = DocumentText.toXhtml(
                "{{clinic}}, {{ date }}: {{patient}}", Map.of("clinic", "Клиника «А&Б»", "date", "22.11.2026"));

        assertThat(html).contains("Клиника «А&#38;Б», 22.11.2026: ________________");
    }

    @Test
    void markupTypedByAnAdministratorIsEscaped() {
        String html = DocumentText.toXhtml("<img src=x onerror=alert(1)>", Map.of("patient", "<b>"));

        assertThat(html).doesNotContain("<img").contains("&#60;img");
    }
}
