/**
 * Paid services (SPEC B8, issue 20; seed 002: medical commissions shown "с указанием стоимости" with
 * "форма для безналичной оплаты"): a booking of a service with a price holds its slot while the
 * patient pays online, through the {@link org.medkarta.payment.Payments} port — YooKassa's REST API v3
 * in production, the in-app test gateway in development and demos; the provider's notifications are
 * verified by asking the provider, applied once however often and in whatever order they come, and a
 * job polls what never got one; an unpaid hold lapses and gives the slot back exactly once; a
 * cancellation refunds by the clinic's rule; staff see the payments and download them for the
 * accountant. A 54-FZ receipt goes to the provider with every payment and refund.
 *
 * <p>It depends on scheduling (it follows its events and gives back a lapsed slot through its facade)
 * and never the other way: scheduling books a paid service like any other and knows nothing of money.
 * It holds no card data: the patient pays on the provider's page.
 */
@ApplicationModule(
        displayName = "Payments",
        allowedDependencies = {"scheduling", "clinic", "identity", "shared", "web"})
package org.medkarta.payment;

import org.springframework.modulith.ApplicationModule;
