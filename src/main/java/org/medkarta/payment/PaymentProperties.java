package org.medkarta.payment;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code medkarta.payment.*}: how paid services are paid (SPEC B8).
 *
 * @param provider {@code TEST} (the default: the in-app test gateway, a page where the tester pays or
 *     declines) or {@code YOOKASSA}
 * @param hold how long a booking of a paid service keeps its slot while the patient pays
 * @param refundCutoff how long before the start a patient may cancel and get the whole price back, for
 *     clinics that set no rule of their own; later, nothing is refunded
 * @param webhookGrace how long the reconcile job waits for a notification before it asks the provider
 * @param vatCode YooKassa's {@code vat_code} of the receipt's items: 1 (без НДС), as medical services
 *     are exempt from VAT (Tax Code art. 149 part 2 item 2)
 * @param paymentSubject the receipt's {@code payment_subject} (54-FZ tag 1212): {@code service}
 * @param paymentMode the receipt's {@code payment_mode} (54-FZ tag 1214): {@code full_prepayment}, the
 *     patient pays before the service is given
 * @param yookassa the YooKassa shop
 */
@ConfigurationProperties("medkarta.payment")
record PaymentProperties(
        @DefaultValue("TEST") Provider provider,
        @DefaultValue("15m") Duration hold,
        @DefaultValue("24h") Duration refundCutoff,
        @DefaultValue("2m") Duration webhookGrace,
        @DefaultValue("1") int vatCode,
        @DefaultValue("service") String paymentSubject,
        @DefaultValue("full_prepayment") String paymentMode,
        @DefaultValue YooKassaShop yookassa) {

    enum Provider {
        TEST,
        YOOKASSA
    }

    /**
     * @param url the API's base, {@code https://api.yookassa.ru}
     * @param shopId the shop's id, the user of HTTP basic authentication
     * @param secretKey the shop's secret key, its password
     * @param allowedAddresses the addresses notifications may come from (YooKassa publishes its own);
     *     empty: any, as each notification is checked by fetching the payment from the API anyway
     */
    record YooKassaShop(
            @DefaultValue("https://api.yookassa.ru") String url,
            String shopId,
            String secretKey,
            @DefaultValue("10s") Duration timeout,
            List<String> allowedAddresses) {

        YooKassaShop {
            allowedAddresses = allowedAddresses == null ? List.of() : List.copyOf(allowedAddresses);
        }
    }
}
