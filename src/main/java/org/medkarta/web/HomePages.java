package org.medkarta.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what Medkarta does for a patient, a doctor and a clinic. */
@Controller
class HomePages {

    @GetMapping("/")
    String home() {
        return "web/home";
    }
}
