package org.medkarta.payment;

import java.util.List;

/**
 * A receipt under 54-FZ (Federal Law of 22.05.2003 No. 54-FZ «О применении контрольно-кассовой
 * техники»), as sent to the provider with a payment or a refund and shown to the patient: the
 * seller (the clinic, with its INN), the buyer's contact the receipt is sent to, and its items.
 *
 * @param customerPhone the buyer's phone in E.164, or null
 * @param customerEmail the buyer's e-mail, or null
 */
public record Receipt(
        String sellerName, String sellerInn, String customerPhone, String customerEmail, List<Item> items) {

    public Receipt {
        items = List.copyOf(items);
    }

    /**
     * One line of the receipt.
     *
     * @param description the service (tag 1030)
     * @param vatCode YooKassa's VAT code (tag 1199); 1 is «без НДС»
     * @param paymentSubject what is sold (tag 1212): {@code service}
     * @param paymentMode how it is paid (tag 1214): {@code full_prepayment}
     */
    public record Item(
            String description,
            int quantity,
            long amountKopecks,
            int vatCode,
            String paymentSubject,
            String paymentMode) {

        public java.math.BigDecimal amountRoubles() {
            return java.math.BigDecimal.valueOf(amountKopecks, 2);
        }
    }
}
