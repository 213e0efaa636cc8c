package org.medkarta.clinic;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DemoData;
import org.medkarta.shared.PublicUrl;
import org.medkarta.shared.UserId;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo clinic of ARCHITECTURE.md: a Moscow clinic with its offer and consent published, {@code
 * clinic@} as its administrator, {@code doctor@} as a therapist with video, audio and chat
 * consultations for the whole region and {@code cardio@} as a cardiologist seen by referral only.
 * It goes through the facade, so the demo obeys the same rules as real data.
 */
@Component
@Order(20)
class ClinicDemoData implements DemoData {

    // Not an account: the author recorded on what the demo seeding publishes.
    private static final SignedInUser SEEDER = new SignedInUser(
            new UserId(new UUID(0, 20)),
            "Демо-данные",
            null,
            List.of(new RoleGrant(Role.PLATFORM_ADMIN, null)),
            "DEMO");

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    static final String OFFER = """
            # Публичная оферта на оказание медицинских услуг с применением телемедицинских технологий

            {{clinic}} (далее — Клиника) предлагает пациенту {{patient}} заключить договор на оказание платных медицинских услуг на условиях настоящей оферты.

            ## 1. Предмет договора
            - Клиника оказывает консультации врачей с применением телемедицинских технологий: видео, аудио и чат.
            - Стоимость услуги указывается до записи и не меняется после неё.

            ## 2. Порядок оказания услуг
            Консультация проводится в назначенное время через платформу «Медкарта». Пациент может отменить запись не позднее чем за 2 часа до начала.

            Дата: {{date}}
            """;

    static final String CONSENT = """
            # Информированное добровольное согласие на медицинское вмешательство

            Я, {{patient}}, даю информированное добровольное согласие на консультацию врачей клиники {{clinic}} с применением телемедицинских технологий.

            - Мне разъяснено, что дистанционная консультация не заменяет очного осмотра и не позволяет поставить диагноз впервые.
            - Мне разъяснено, что запись консультации и переписка хранятся в моей медицинской карте.

            **Согласие дано добровольно.** Дата: {{date}}
            """;

    private final OfferAndConsent documents;
    private final ClinicSetUp clinicSetUp;
    private final ClinicStaff clinicStaff;
    private final ClinicServices clinicServices;
    private final PublicUrl publicUrl;

    ClinicDemoData(
            OfferAndConsent documents,
            ClinicSetUp clinicSetUp,
            ClinicStaff clinicStaff,
            ClinicServices clinicServices,
            PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.documents = documents;
        this.clinicSetUp = clinicSetUp;
        this.clinicStaff = clinicStaff;
        this.clinicServices = clinicServices;
    }

    @Override
    public String name() {
        return "clinic-demo-clinic";
    }

    @Override
    public void seed() {
        var clinic = clinicSetUp.register(
                SEEDER,
                new ClinicForm(
                        "Клиника «Медкарта Демо»",
                        "7701234560",
                        "1027700123450",
                        "Л041-01137-77/00368415",
                        "2020-05-17",
                        "77",
                        "Москва, ул. Тверская, д. 7",
                        "Europe/Moscow",
                        "+7 495 000-00-01",
                        null,
                        "info@demo.medkarta.org",
                        "https://demo.medkarta.org",
                        "Демонстрационная клиника: телемедицинские консультации терапевта и кардиолога.",
                        "55.757614",
                        "37.611811"),
                List.of(new StaffInvitation("clinic@demo.medkarta.org", "Кузнецова", "Ольга", null)),
                publicUrl.base(),
                RUSSIAN);
        documents.publish(SEEDER, clinic.id(), DocumentKind.OFFER, OFFER);
        documents.publish(SEEDER, clinic.id(), DocumentKind.CONSENT, CONSENT);
        var therapist = clinicStaff.inviteDoctor(
                SEEDER,
                clinic.id(),
                new DoctorForm(
                        "doctor@demo.medkarta.org",
                        "Петров",
                        "Иван",
                        null,
                        List.of("therapist"),
                        "Врач-терапевт",
                        15,
                        "Терапевт с опытом дистанционных консультаций и ведения хронических пациентов.",
                        null,
                        "REGION",
                        true),
                publicUrl.base(),
                RUSSIAN);
        var cardiologist = clinicStaff.inviteDoctor(
                SEEDER,
                clinic.id(),
                new DoctorForm(
                        "cardio@demo.medkarta.org",
                        "Соколова",
                        "Елена",
                        null,
                        List.of("cardiologist"),
                        "Врач-кардиолог",
                        20,
                        "Кардиолог; консультирует пациентов по направлению терапевта.",
                        null,
                        "REGION",
                        true),
                publicUrl.base(),
                RUSSIAN);
        String therapistId = therapist.id().value().toString();
        service(
                clinic,
                "Видеоконсультация терапевта",
                "therapist",
                "VIDEO",
                "PRIMARY",
                30,
                150_000,
                therapistId,
                "REGION");
        service(
                clinic,
                "Аудиоконсультация терапевта",
                "therapist",
                "AUDIO",
                "PRIMARY",
                20,
                100_000,
                therapistId,
                "REGION");
        service(
                clinic,
                "Консультация терапевта в чате",
                "therapist",
                "CHAT",
                "REPEAT",
                30,
                50_000,
                therapistId,
                "REGION");
        service(
                clinic,
                "Видеоконсультация кардиолога по направлению",
                "cardiologist",
                "VIDEO",
                "PRIMARY",
                30,
                250_000,
                cardiologist.id().value().toString(),
                "REFERRAL");
    }

    private void service(
            ClinicView clinic,
            String name,
            String specialty,
            String format,
            String kind,
            int minutes,
            long kopecks,
            String doctor,
            String visibility) {
        clinicServices.addService(
                SEEDER,
                clinic.id(),
                new ServiceForm(name, specialty, format, kind, minutes, kopecks, List.of(doctor), visibility, true));
    }
}
