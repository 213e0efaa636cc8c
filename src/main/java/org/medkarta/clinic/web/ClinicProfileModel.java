package org.medkarta.clinic.web;

import java.util.Map;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.ClinicSetUp;
import org.medkarta.clinic.ClinicView;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The clinic profile page's model, the stored profile in its fields: filled by the profile pages and
 * by the staff invitations, which show the profile page again when an invitation is refused.
 */
@Component
class ClinicProfileModel {

    private final ClinicSetUp setUp;
    private final ClinicCatalogue catalogue;

    ClinicProfileModel(ClinicSetUp setUp, ClinicCatalogue catalogue) {
        this.setUp = setUp;
        this.catalogue = catalogue;
    }

    /** The profile page with the stored profile in its fields (after a refused logo or invitation). */
    void fill(SignedInUser user, ClinicId clinic, Model model) {
        var found = setUp.clinic(user, clinic);
        model.addAttribute("clinic", found);
        model.addAttribute("values", profileValues(found));
        model.addAttribute("regions", catalogue.regions());
    }

    private static Map<String, String> profileValues(ClinicView clinic) {
        var values = new LinkedMultiValueMap<String, String>();
        values.add("name", clinic.name());
        values.add("inn", clinic.inn());
        values.add("ogrn", clinic.ogrn());
        values.add("licenseNumber", clinic.licenseNumber());
        values.add(
                "licenseDate",
                clinic.licenseDate() == null ? null : clinic.licenseDate().toString());
        values.add("region", clinic.region());
        values.add("address", clinic.address());
        values.add("timezone", clinic.timezone());
        values.add("phone", clinic.phone());
        values.add("phoneExtra", clinic.phoneExtra());
        values.add("email", clinic.email());
        values.add("site", clinic.site());
        values.add("description", clinic.description());
        values.add(
                "latitude", clinic.latitude() == null ? null : clinic.latitude().toString());
        values.add(
                "longitude",
                clinic.longitude() == null ? null : clinic.longitude().toString());
        return Forms.values(values);
    }
}
