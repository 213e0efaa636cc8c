package org.medkarta.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Russian by default, English on request (SPEC J1). The switch in the navigation ({@code ?lang=en})
 * is remembered in a cookie for a year; without the cookie the first supported language of the
 * browser's {@code Accept-Language} wins, and Russian when it names none.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    static final List<Locale> SUPPORTED = List.of(RUSSIAN, Locale.ENGLISH);
    static final String COOKIE = "medkarta-lang";

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver(COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setDefaultLocaleFunction(LocaleConfiguration::fromBrowser);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    static Locale fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return RUSSIAN;
        }
        for (Locale wanted : Collections.list(request.getLocales())) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(wanted.getLanguage())) {
                    return supported;
                }
            }
        }
        return RUSSIAN;
    }
}
