package org.medkarta.messenger;

import com.pengrad.telegrambot.model.CallbackQuery;
import com.pengrad.telegrambot.model.Chat;
import com.pengrad.telegrambot.model.Message;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.model.request.InlineKeyboardButton;
import com.pengrad.telegrambot.model.request.InlineKeyboardMarkup;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.ServiceFormat;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AppointmentCard;
import org.medkarta.scheduling.AppointmentChanges;
import org.medkarta.scheduling.AppointmentReading;
import org.medkarta.scheduling.AppointmentStatus;
import org.medkarta.scheduling.AppointmentView;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.BookingRequest;
import org.medkarta.scheduling.OfferedSlot;
import org.medkarta.scheduling.SlotQuery;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.PublicUrl;
import org.medkarta.shared.UserId;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bot's side of the chat (SPEC J4; seed 002 «Записаться через Telegram bot»): linking by a
 * one-time code, then booking (specialty → doctor → free slot, by inline buttons), the patient's
 * upcoming appointments with «Перенести» and «Отменить», all through the scheduling facades acting as
 * the linked account, so every rule of the booking pages holds here too (visibility, referrals,
 * overlaps, the clinic's documents). A chat that is not linked is told how to link and nothing
 * else; a group chat is not served. Each text says no more of an appointment than its time, doctor
 * and place.
 *
 * <p>Buttons carry short data ({@code b:<slot>:<service>}, ids in 22 characters of base64url) within
 * Telegram's 64 bytes; every button is checked again as the linked account when pressed.
 */
@Component
class TelegramConversation {

    private static final Pattern CODE = Pattern.compile(
            "[" + TelegramLinks.ALPHABET + "]{" + TelegramLinks.CODE_LENGTH + "}", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final int SLOTS_SHOWN = 8;
    private static final int CHOICES_SHOWN = 20;

    private final ChatLinks links;
    private final TelegramApi api;
    private final SlotSearch slotSearch;
    private final Booking booking;
    private final AppointmentChanges appointmentChanges;
    private final AppointmentReading appointmentReading;
    private final ClinicCatalogue clinics;
    private final AccountDirectory identity;
    private final MessageSource messages;
    private final PublicUrl publicUrl;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TelegramConversation(
            ChatLinks links,
            TelegramApi api,
            SlotSearch slotSearch,
            Booking booking,
            AppointmentChanges appointmentChanges,
            AppointmentReading appointmentReading,
            ClinicCatalogue clinics,
            AccountDirectory identity,
            MessageSource messages,
            PublicUrl publicUrl,
            TransactionTemplate transaction,
            Clock clock) {
        this.links = links;
        this.api = api;
        this.slotSearch = slotSearch;
        this.booking = booking;
        this.appointmentChanges = appointmentChanges;
        this.appointmentReading = appointmentReading;
        this.clinics = clinics;
        this.identity = identity;
        this.messages = messages;
        this.publicUrl = publicUrl;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Handles one update from Telegram, once however often it arrives. */
    void handle(Update update) {
        if (update == null || update.updateId() == null) {
            return;
        }
        Boolean fresh = transaction.execute(status -> links.firstTime(update.updateId(), clock.instant()));
        if (!Boolean.TRUE.equals(fresh)) {
            return;
        }
        if (update.message() != null) {
            onMessage(update.message());
        } else if (update.callbackQuery() != null) {
            onButton(update.callbackQuery());
        }
    }

    // ---------------------------------------------------------------- messages

    private void onMessage(Message message) {
        Chat chat = message.chat();
        if (chat == null || chat.type() != Chat.Type.Private || message.from() == null || message.text() == null) {
            return;
        }
        long chatId = chat.id();
        Locale language = languageOf(message.from().languageCode());
        String text = message.text().strip();
        String argument = text;
        boolean start = text.startsWith("/start");
        if (start) {
            argument = text.substring("/start".length()).strip();
        }
        var linked = links.byChat(chatId);
        if (CODE.matcher(argument).matches()) {
            link(chatId, argument.toUpperCase(Locale.ROOT), language);
            return;
        }
        if (linked.isEmpty()) {
            say(chatId, language, "messenger.bot.not-linked", null);
            return;
        }
        links.language(chatId, language.getLanguage());
        var actor = actorOf(linked.get());
        if (actor.isEmpty()) {
            links.unlinkChat(chatId);
            say(chatId, language, "messenger.bot.not-linked", null);
            return;
        }
        switch (text.split("\\s+")[0].toLowerCase(Locale.ROOT)) {
            case "/book" -> specialties(chatId, language);
            case "/appointments", "/my" -> appointments(chatId, language, actor.get());
            case "/unlink" -> {
                links.unlinkChat(chatId);
                say(chatId, language, "messenger.bot.unlinked", null);
            }
            default -> menu(chatId, language);
        }
    }

    private void link(long chatId, String code, Locale language) {
        Optional<UserId> user = transaction.execute(status -> {
            var owner = links.use(code, clock.instant());
            owner.ifPresent(found -> links.link(found, chatId, language.getLanguage(), clock.instant()));
            return owner;
        });
        if (user == null || user.isEmpty()) {
            say(chatId, language, "messenger.bot.code-wrong", null);
            return;
        }
        say(chatId, language, "messenger.bot.linked", null);
        menu(chatId, language);
    }

    private void menu(long chatId, Locale language) {
        var keyboard = new InlineKeyboardMarkup()
                .addRow(button(language, "messenger.bot.button.book", "sp"))
                .addRow(button(language, "messenger.bot.button.appointments", "my"));
        say(chatId, language, "messenger.bot.menu", keyboard);
    }

    // ---------------------------------------------------------------- buttons

    private void onButton(CallbackQuery query) {
        api.answer(query.id());
        var message = query.maybeInaccessibleMessage() != null ? query.maybeInaccessibleMessage() : query.message();
        if (message == null
                || message.chat() == null
                || message.chat().type() != Chat.Type.Private
                || query.from() == null
                || !message.chat().id().equals(query.from().id())
                || query.data() == null) {
            return;
        }
        long chatId = message.chat().id();
        Locale language = languageOf(query.from().languageCode());
        var linked = links.byChat(chatId);
        var actor = linked.flatMap(this::actorOf);
        if (actor.isEmpty()) {
            say(chatId, language, "messenger.bot.not-linked", null);
            return;
        }
        String[] data = query.data().split(":");
        try {
            switch (data[0]) {
                case "sp" -> specialties(chatId, language);
                case "s" -> doctors(chatId, language, data[1]);
                case "d" -> slots(chatId, language, actor.get(), new DoctorId(id(data[1])), null);
                case "b" -> book(chatId, language, actor.get(), id(data[1]), id(data[2]), false);
                case "a" -> book(chatId, language, actor.get(), id(data[1]), id(data[2]), true);
                case "my" -> appointments(chatId, language, actor.get());
                case "c" -> cancel(chatId, language, actor.get(), id(data[1]));
                case "m" -> moveChoices(chatId, language, actor.get(), id(data[1]));
                case "r" -> move(chatId, language, actor.get(), id(data[1]), id(data[2]));
                default -> menu(chatId, language);
            }
        } catch (DomainException refused) {
            api.send(chatId, text(language, refused.messageCode(), refused.messageArguments()), null);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException unreadable) {
            menu(chatId, language);
        }
    }

    private void specialties(long chatId, Locale language) {
        var offered = new LinkedHashMap<String, String>();
        for (var doctor : slotSearch.doctors(null, null)) {
            for (var specialty : doctor.specialties()) {
                offered.putIfAbsent(specialty.code(), specialty.name(language));
            }
        }
        if (offered.isEmpty()) {
            say(chatId, language, "messenger.bot.no-doctors", null);
            return;
        }
        var keyboard = new InlineKeyboardMarkup();
        offered.entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByValue())
                .limit(CHOICES_SHOWN)
                .forEach(entry -> keyboard.addRow(
                        new InlineKeyboardButton(entry.getValue()).callbackData("s:" + entry.getKey())));
        say(chatId, language, "messenger.bot.choose-specialty", keyboard);
    }

    private void doctors(long chatId, Locale language, String specialty) {
        var doctors = slotSearch.doctors(specialty, null);
        if (doctors.isEmpty()) {
            say(chatId, language, "messenger.bot.no-doctors", null);
            return;
        }
        var keyboard = new InlineKeyboardMarkup();
        doctors.stream()
                .limit(CHOICES_SHOWN)
                .forEach(doctor ->
                        keyboard.addRow(new InlineKeyboardButton(doctor.fullName() + " — " + doctor.clinicName())
                                .callbackData("d:" + compact(doctor.id().value()))));
        say(chatId, language, "messenger.bot.choose-doctor", keyboard);
    }

    /** Free slots of the doctor: to book, or to move {@code moving} to when not null. */
    private void slots(long chatId, Locale language, SignedInUser actor, DoctorId doctor, AppointmentView moving) {
        List<OfferedSlot> offered =
                slotSearch.search(actor, new SlotQuery(doctor, null, null, null, null, null, 100)).stream()
                        .filter(slot -> moving == null || slot.serviceId().equals(moving.serviceId()))
                        .limit(SLOTS_SHOWN)
                        .toList();
        if (offered.isEmpty()) {
            say(chatId, language, "messenger.bot.no-slots", null);
            return;
        }
        var zone = slotSearch.zoneOf(offered.get(0).clinicId());
        var keyboard = new InlineKeyboardMarkup();
        for (var slot : offered) {
            String label = WHEN.format(slot.start().atZone(zone)) + " · " + format(language, slot.format());
            keyboard.addRow(new InlineKeyboardButton(label)
                    .callbackData(
                            moving == null
                                    ? "b:" + compact(slot.slotId()) + ":" + compact(slot.serviceId())
                                    : "r:" + compact(moving.id()) + ":" + compact(slot.slotId())));
        }
        say(chatId, language, "messenger.bot.choose-slot", keyboard);
    }

    private void book(long chatId, Locale language, SignedInUser actor, UUID slot, UUID service, boolean accept) {
        AppointmentView booked;
        try {
            booked = booking.book(actor, new BookingRequest(slot, null, service, null, null, accept), "telegram");
        } catch (DomainException refused) {
            if ("consent-required".equals(refused.problem())) {
                var card = booking.offer(actor, slot, service);
                String documents = publicUrl.of("/clinics/" + card.clinicId().value());
                var keyboard = new InlineKeyboardMarkup(
                        button(language, "messenger.bot.button.accept", "a:" + compact(slot) + ":" + compact(service)));
                api.send(
                        chatId,
                        text(language, "messenger.bot.accept-documents", card.clinicName(), documents),
                        keyboard);
                return;
            }
            throw refused;
        }
        api.send(chatId, text(language, "messenger.bot.booked", describe(actor, booked, language)), null);
    }

    private void appointments(long chatId, Locale language, SignedInUser actor) {
        var now = clock.instant();
        var upcoming = appointmentReading.appointments(actor, actor.patientId(), AppointmentStatus.BOOKED).stream()
                .filter(appointment -> appointment.start().isAfter(now))
                .limit(CHOICES_SHOWN)
                .toList();
        if (upcoming.isEmpty()) {
            say(chatId, language, "messenger.bot.no-appointments", null);
            return;
        }
        for (var appointment : upcoming) {
            var keyboard = new InlineKeyboardMarkup(
                    button(language, "messenger.bot.button.move", "m:" + compact(appointment.id())),
                    button(language, "messenger.bot.button.cancel", "c:" + compact(appointment.id())));
            api.send(chatId, describe(actor, appointment, language), keyboard);
        }
    }

    private void cancel(long chatId, Locale language, SignedInUser actor, UUID appointment) {
        var cancelled = appointmentChanges.cancel(actor, appointment);
        api.send(chatId, text(language, "messenger.bot.cancelled", describe(actor, cancelled, language)), null);
    }

    private void moveChoices(long chatId, Locale language, SignedInUser actor, UUID appointment) {
        var found = appointmentReading.appointment(actor, appointment);
        slots(chatId, language, actor, found.doctorId(), found);
    }

    private void move(long chatId, Locale language, SignedInUser actor, UUID appointment, UUID slot) {
        var moved = appointmentChanges.reschedule(actor, appointment, slot);
        api.send(chatId, text(language, "messenger.bot.moved", describe(actor, moved, language)), null);
    }

    // ---------------------------------------------------------------- shared with the reminders

    /** The linked account as the bot acts for it; empty when it is gone or no longer a patient. */
    Optional<SignedInUser> actorOf(ChatLinks.Linked linked) {
        return identity.account(linked.user())
                .filter(account -> account.patientId() != null)
                .map(account -> new SignedInUser(
                        linked.user(), account.firstName(), account.patientId(), account.roles(), "TELEGRAM"))
                .filter(user -> user.has(Role.PATIENT));
    }

    /** Time, doctor and place; nothing of the record, the complaint or the service's details. */
    String describe(SignedInUser actor, AppointmentView appointment, Locale language) {
        AppointmentCard card =
                appointmentReading.cards(actor, List.of(appointment)).get(0);
        ZonedDateTime start = card.start();
        String place = card.format() == ServiceFormat.IN_PERSON
                ? card.clinicName() + ", " + clinics.card(card.clinicId()).address()
                : card.clinicName() + " · " + format(language, card.format());
        return text(language, "messenger.bot.appointment", WHEN.format(start), card.doctorName(), place);
    }

    static Locale languageOf(String languageCode) {
        return languageCode != null && languageCode.toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH
                : Locale.forLanguageTag("ru");
    }

    String text(Locale language, String code, Object... arguments) {
        return messages.getMessage(code, arguments, code, language);
    }

    private void say(long chatId, Locale language, String code, InlineKeyboardMarkup keyboard) {
        api.send(chatId, text(language, code), keyboard);
    }

    private InlineKeyboardButton button(Locale language, String code, String data) {
        return new InlineKeyboardButton(text(language, code)).callbackData(data);
    }

    private String format(Locale language, ServiceFormat format) {
        return text(language, "messenger.bot.format." + format.name());
    }

    /** A UUID in 22 characters of base64url, so that two fit in a button's 64 bytes. */
    static String compact(UUID id) {
        var bytes = ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static UUID id(String compact) {
        var bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(compact));
        if (bytes.remaining() != 16) {
            throw new IllegalArgumentException("not an id");
        }
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
