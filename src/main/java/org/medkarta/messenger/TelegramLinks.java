package org.medkarta.messenger;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Linking a Telegram chat to a patient's account (SPEC J4): the account page asks for a one-time
 * code, the patient sends it to the bot ({@code /start <code>} or the code alone), and the chat acts
 * for that account from then on, until the patient unlinks it on the page or with {@code /unlink}.
 * A phone number typed into the chat links nothing: whoever holds the code holds the account's
 * page, where a code is only shown to its signed-in owner.
 */
@Service
public class TelegramLinks {

    /** Letters and digits that cannot be mistaken for one another when typed. */
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    static final int CODE_LENGTH = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ChatLinks links;
    private final MessengerProperties properties;
    private final Clock clock;

    TelegramLinks(ChatLinks links, MessengerProperties properties, Clock clock) {
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new code for the signed-in patient; the codes they were given before stop working. */
    @Transactional
    public LinkCode issueCode(SignedInUser patient) {
        requirePatient(patient);
        var code = new StringBuilder();
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        var now = clock.instant();
        var expires = now.plus(properties.linkCodeValidity());
        links.newCode(patient.userId(), code.toString(), now, expires);
        String bot = properties.telegram().username();
        return new LinkCode(
                code.toString(),
                expires,
                bot == null || bot.isBlank() ? null : "https://t.me/" + bot.strip() + "?start=" + code);
    }

    /** The chat the patient's account is linked to, if any. */
    @Transactional(readOnly = true)
    public Optional<TelegramLink> linkOf(SignedInUser patient) {
        requirePatient(patient);
        return links.byUser(patient.userId()).map(found -> new TelegramLink(found.linkedAt(), found.language()));
    }

    /** Unlinks the patient's chat: the bot no longer acts for the account nor reminds there. */
    @Transactional
    public boolean unlink(SignedInUser patient) {
        requirePatient(patient);
        return links.unlink(patient.userId());
    }

    /** Whether the bot is switched on, so the page offers linking at all. */
    public boolean botAvailable() {
        return properties.telegram().configured();
    }

    private static void requirePatient(SignedInUser user) {
        if (user == null || !user.has(Role.PATIENT)) {
            throw new NotFound();
        }
    }
}
