package org.medkarta.signature.web;

import java.util.Locale;
import org.medkarta.signature.VerdictReason;

/** Message codes of the signature pages. */
final class Labels {

    private Labels() {}

    /** {@code signature.reason.<name in kebab case>}, as {@link VerdictReason} promises. */
    static String reasonCode(VerdictReason reason) {
        return "signature.reason." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
