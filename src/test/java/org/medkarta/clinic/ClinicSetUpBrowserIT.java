package org.medkarta.clinic;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The flow of issue 4 through the identity pages: staff sign-in at {@code /staff/sign-in} and the
 * invited doctor setting a password at {@code /password/set} from the dev-outbox link.
 */
class ClinicSetUpBrowserIT extends ClinicSetUpFlow {

    @Override
    void signInAsPlatformAdmin(Page page, String next) {
        page.navigate(url("/staff/sign-in?continue=" + next));
        page.fill("[name=email]", "admin@demo.medkarta.org");
        page.fill("[name=password]", "Demo-admin-1");
        page.click("#sign-in");
        page.waitForURL(url(next));
    }

    @Test
    void anAdministratorSetsUpAClinicAndTheInvitedDoctorIsFoundInTheCatalogue() {
        setUpAClinicAndFindItsDoctor(link -> {
            var doctor = context.browser().newContext().newPage();
            doctor.navigate(link);
            doctor.fill("[name=password]", "Doctor-pass-1");
            doctor.fill("[name=passwordRepeat]", "Doctor-pass-1");
            doctor.click("#set-password");
            assertThat(doctor).hasURL(Pattern.compile(".*/staff/sign-in\\?passwordSet.*"));
            doctor.context().close();
        });
    }
}
