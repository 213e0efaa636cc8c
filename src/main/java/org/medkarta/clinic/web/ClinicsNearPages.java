package org.medkarta.clinic.web;

import jakarta.servlet.http.HttpServletRequest;
import org.medkarta.clinic.NearbyClinics;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.PagePolicy;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Clinics near me" (SPEC B9, issue 20): a button asks the browser for the position with the
 * person's consent, then the list of clinics by distance comes as a fragment with a Leaflet map
 * beside it. The list stands alone when map tiles cannot be loaded. The position travels in the
 * fragment's query string once and is kept nowhere.
 */
@Controller
class ClinicsNearPages {

    private final NearbyClinics nearby;
    private final MapProperties map;
    private final MessageSource messages;

    ClinicsNearPages(NearbyClinics nearby, MapProperties map, MessageSource messages) {
        this.nearby = nearby;
        this.map = map;
        this.messages = messages;
    }

    @GetMapping("/clinics/near")
    String page(HttpServletRequest request, Model model) {
        PagePolicy.allowGeolocation(request);
        PagePolicy.allowImagesFrom(request, map.tilesUrl());
        model.addAttribute("map", map);
        model.addAttribute("radii", new int[] {2, 5, 10, 25, 50, 100});
        return "clinic/near";
    }

    /** The list for one position, nearest first; a bad parameter is said in place of the list. */
    @GetMapping("/clinics/near/list")
    String list(
            @RequestParam(required = false) String lat,
            @RequestParam(required = false) String lon,
            @RequestParam(required = false) String radiusKm,
            java.util.Locale locale,
            Model model) {
        try {
            model.addAttribute("clinics", nearby.near(lat, lon, radiusKm));
            model.addAttribute(
                    "radius",
                    radiusKm == null || radiusKm.isBlank() ? (int) NearbyClinics.DEFAULT_RADIUS_KM : radiusKm.strip());
        } catch (InvalidInput refused) {
            model.addAttribute(
                    "error",
                    messages.getMessage(refused.messageCode(), refused.messageArguments(), refused.problem(), locale));
        }
        return "clinic/near :: list";
    }
}
