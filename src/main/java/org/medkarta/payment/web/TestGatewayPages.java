package org.medkarta.payment.web;

import org.medkarta.payment.TestGatewayCounter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The test gateway's page (development and demos): stands where YooKassa's payment page would, so it
 * asks for no sign-in; the tester pays or declines. 404 when another provider is configured.
 */
@Controller
class TestGatewayPages {

    private final TestGatewayCounter counter;

    TestGatewayPages(TestGatewayCounter counter) {
        this.counter = counter;
    }

    @GetMapping("/payments/test-gateway/{id}")
    String page(@PathVariable String id, Model model) {
        model.addAttribute("pending", counter.pending(id));
        return "payment/test-gateway";
    }

    @PostMapping("/payments/test-gateway/{id}")
    String decide(@PathVariable String id, @RequestParam(defaultValue = "") String decision) {
        return "redirect:" + counter.decide(id, "pay".equals(decision));
    }
}
