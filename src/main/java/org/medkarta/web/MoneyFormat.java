package org.medkarta.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one way a price reads on a page, in the reader's language: {@code ${@money.roubles(kopecks)}}
 * gives «500 ₽» and «1 500,50 ₽» in Russian, «500 ₽» and «1,500.50 ₽» in English. Whole roubles
 * show no kopecks (issue 13: «500.00 ₽» read as a machine's number).
 */
@Component("money")
public class MoneyFormat {

    /** The price of {@code kopecks} in the current request's language. */
    public String roubles(long kopecks) {
        return roubles(kopecks, LocaleContextHolder.getLocale());
    }

    /** The price of {@code kopecks} in {@code locale}. */
    public static String roubles(long kopecks, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(kopecks % 100 == 0 ? 0 : 2);
        format.setMaximumFractionDigits(2);
        return format.format(BigDecimal.valueOf(kopecks, 2)).replace('\u202f', '\u00a0') + "\u00a0₽";
    }
}
