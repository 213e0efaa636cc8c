package org.medkarta.payment;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * YooKassa's REST API v3 (https://yookassa.ru/developers/api): {@code POST /v3/payments} with an
 * {@code Idempotence-Key} header, a redirect confirmation, {@code capture: true} and a 54-FZ
 * {@code receipt}; {@code GET /v3/payments/{id}}; {@code POST /v3/refunds} with the refund's receipt;
 * {@code GET /v3/refunds/{id}}. The shop authenticates with HTTP basic authentication: its id and
 * secret key.
 */
class YooKassa implements Payments {

    private static final Logger log = LoggerFactory.getLogger(YooKassa.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PaymentProperties.YooKassaShop shop;
    private final HttpClient client;
    private final String authorization;

    YooKassa(PaymentProperties.YooKassaShop shop) {
        if (shop.shopId() == null
                || shop.shopId().isBlank()
                || shop.secretKey() == null
                || shop.secretKey().isBlank()) {
            throw new IllegalStateException(
                    "medkarta.payment.yookassa.shop-id and medkarta.payment.yookassa.secret-key must be set"
                            + " when medkarta.payment.provider is YOOKASSA");
        }
        this.shop = shop;
        this.client = HttpClient.newBuilder().connectTimeout(shop.timeout()).build();
        this.authorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString((shop.shopId() + ":" + shop.secretKey()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
        return "yookassa";
    }

    @Override
    public ProviderPayment create(Charge charge, String idempotenceKey) {
        ObjectNode body = JSON.createObjectNode();
        body.set("amount", amount(charge.amountKopecks()));
        body.put("capture", true);
        body.put("description", truncate(charge.description(), 128));
        ObjectNode confirmation = body.putObject("confirmation");
        confirmation.put("type", "redirect");
        confirmation.put("return_url", charge.returnUrl());
        ObjectNode metadata = body.putObject("metadata");
        charge.metadata().forEach(metadata::put);
        body.set("receipt", receipt(charge.receipt()));
        return payment(send("POST", "/v3/payments", body, idempotenceKey));
    }

    @Override
    public ProviderPayment fetch(String providerId) {
        return payment(send("GET", "/v3/payments/" + providerId, null, null));
    }

    @Override
    public ProviderRefund refund(String providerPaymentId, long amountKopecks, Receipt receipt, String idempotenceKey) {
        ObjectNode body = JSON.createObjectNode();
        body.put("payment_id", providerPaymentId);
        body.set("amount", amount(amountKopecks));
        body.set("receipt", receipt(receipt));
        return refund(send("POST", "/v3/refunds", body, idempotenceKey));
    }

    @Override
    public ProviderRefund fetchRefund(String providerRefundId) {
        return refund(send("GET", "/v3/refunds/" + providerRefundId, null, null));
    }

    /** YooKassa publishes the networks its notifications come from; configured, only they are heard. */
    @Override
    public boolean trusts(String remoteAddress) {
        if (shop.allowedAddresses().isEmpty()) {
            return true;
        }
        return shop.allowedAddresses().stream().anyMatch(network -> within(remoteAddress, network));
    }

    static boolean within(String address, String network) {
        try {
            String[] parts = network.strip().split("/");
            byte[] net = InetAddress.getByName(parts[0]).getAddress();
            byte[] addr = InetAddress.getByName(address).getAddress();
            if (net.length != addr.length) {
                return false;
            }
            int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : net.length * 8;
            for (int i = 0; i < net.length; i++) {
                int take = Math.max(0, Math.min(8, bits - i * 8));
                int mask = take == 0 ? 0 : (0xFF << (8 - take)) & 0xFF;
                if ((net[i] & mask) != (addr[i] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException | NullPointerException wrong) {
            return false;
        }
    }

    private ObjectNode receipt(Receipt receipt) {
        ObjectNode node = JSON.createObjectNode();
        ObjectNode customer = node.putObject("customer");
        if (receipt.customerPhone() != null) {
            // E.164 without the plus, as YooKassa writes phones.
            customer.put("phone", receipt.customerPhone().replace("+", ""));
        }
        if (receipt.customerEmail() != null) {
            customer.put("email", receipt.customerEmail());
        }
        var items = node.putArray("items");
        for (var item : receipt.items()) {
            ObjectNode line = items.addObject();
            line.put("description", truncate(item.description(), 128));
            line.put("quantity", BigDecimal.valueOf(item.quantity()).setScale(2).toPlainString());
            line.set("amount", amount(item.amountKopecks()));
            line.put("vat_code", item.vatCode());
            line.put("payment_subject", item.paymentSubject());
            line.put("payment_mode", item.paymentMode());
        }
        return node;
    }

    private static ObjectNode amount(long kopecks) {
        ObjectNode amount = JSON.createObjectNode();
        amount.put("value", BigDecimal.valueOf(kopecks, 2).toPlainString());
        amount.put("currency", "RUB");
        return amount;
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private JsonNode send(String method, String path, JsonNode body, String idempotenceKey) {
        var request = HttpRequest.newBuilder(URI.create(shop.url() + path))
                .timeout(shop.timeout())
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (idempotenceKey != null) {
            request.header("Idempotence-Key", idempotenceKey);
        }
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 404) {
                throw new org.medkarta.shared.NotFound();
            }
            if (response.statusCode() / 100 != 2) {
                log.warn("YooKassa answered {} {} with {}: {}", method, path, response.statusCode(), response.body());
                throw PaymentRefusal.providerUnavailable();
            }
            return JSON.readTree(response.body());
        } catch (IOException | JacksonException failed) {
            log.warn("YooKassa did not answer {} {}", method, path, failed);
            throw PaymentRefusal.providerUnavailable();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw PaymentRefusal.providerUnavailable();
        }
    }

    private static ProviderPayment payment(JsonNode node) {
        return new ProviderPayment(
                node.path("id").asString(),
                status(node.path("status").asString()),
                kopecks(node.path("amount").path("value").asString()),
                node.path("confirmation").path("confirmation_url").asString(null));
    }

    private static ProviderRefund refund(JsonNode node) {
        return new ProviderRefund(
                node.path("id").asString(),
                node.path("payment_id").asString(),
                status(node.path("status").asString()),
                kopecks(node.path("amount").path("value").asString()));
    }

    static Status status(String status) {
        return switch (status == null ? "" : status.toLowerCase(Locale.ROOT)) {
            case "succeeded" -> Status.SUCCEEDED;
            case "canceled" -> Status.CANCELED;
            default -> Status.PENDING;
        };
    }

    static long kopecks(String value) {
        try {
            return new BigDecimal(value).movePointRight(2).longValueExact();
        } catch (RuntimeException unreadable) {
            return 0;
        }
    }
}
