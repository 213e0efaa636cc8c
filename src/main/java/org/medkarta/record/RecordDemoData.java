package org.medkarta.record;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.AccountView;
import org.medkarta.identity.PatientRecords;
import org.medkarta.identity.PolicyKind;
import org.medkarta.shared.DemoData;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Years of record for the demo patient {@code +79990000001} (ARCHITECTURE.md, «an adult with years
 * of record»): exam protocols since 2016 (so the 2017 cut-off of Appendix 1 shows), laboratory
 * series for the charts, a hospitalisation with its discharge summary, instrumental and radiology
 * results, vaccinations, and a month of diary readings with the demo doctor's thresholds.
 */
@Component
@Order(40)
class RecordDemoData implements DemoData {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final AccountDirectory identity;
    private final PatientRecords identifiers;
    private final ClinicCatalogue clinics;
    private final Patients patients;
    private final Entries entries;
    private final Diaries diaries;
    private final Clock clock;
    private int sequence;

    RecordDemoData(
            AccountDirectory identity,
            PatientRecords identifiers,
            ClinicCatalogue clinics,
            Patients patients,
            Entries entries,
            Diaries diaries,
            Clock clock) {
        this.identity = identity;
        this.identifiers = identifiers;
        this.clinics = clinics;
        this.patients = patients;
        this.entries = entries;
        this.diaries = diaries;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "record-demo-patient";
    }

    @Override
    public void seed() {
        var found = identity.findPatients("+79990000001");
        if (found.isEmpty()) {
            return;
        }
        AccountView account = found.get(0);
        PatientId patient = account.patientId();
        Instant now = clock.instant();
        patients.openIfAbsent(
                patient, account.lastName(), account.firstName(), account.patronymic(), account.birthDate(), now);
        var doctor = clinics.findDoctors(null, null, null).stream()
                .filter(view -> "doctor@demo.medkarta.org".equals(view.email()))
                .findFirst();
        UserId author = doctor.map(DoctorView::userId).orElse(account.userId());
        String authorName = doctor.map(DoctorView::fullName).orElse("Медкарта");
        patients.change(patient, "SEX", "sex", "MALE", null, "MALE", "Демо", author, authorName, now);
        // SNILS and the policy are identity's (the one source, seeded by its demo data); the record
        // logs them beside its other changes.
        identifiers.find(patient).ifPresent(card -> {
            if (card.snils() != null) {
                patients.logChange(patient, "SNILS", null, card.snils(), "Демо", author, authorName, now);
            }
            card.policies().stream()
                    .filter(policy -> policy.kind() == PolicyKind.OMS)
                    .findFirst()
                    .ifPresent(policy -> patients.logChange(
                            patient, "OMS_NUMBER", null, policy.number(), "Демо", author, authorName, now));
        });
        patients.change(
                patient,
                "ACTUAL_ADDRESS",
                "actual_address",
                "Москва, ул. Лесная, д. 5, кв. 12",
                null,
                "Москва, ул. Лесная, д. 5, кв. 12",
                null,
                account.userId(),
                account.lastName(),
                now);

        LocalDate today = LocalDate.now(clock);
        for (int year = 2016; year <= today.getYear(); year++) {
            LocalDate visit = LocalDate.of(year, 3, 14);
            if (!visit.isAfter(today)) {
                file(
                        patient,
                        EntryType.EXAM_PROTOCOL,
                        author,
                        authorName,
                        map(
                                "date",
                                visit.toString(),
                                "specialty",
                                "Терапевт",
                                "complaints",
                                year % 2 == 0 ? "Головные боли по утрам" : "Жалоб нет",
                                "examination",
                                "Состояние удовлетворительное. АД " + (130 + year % 7) + "/85 мм рт. ст.",
                                "conclusion",
                                year < 2018 ? "Практически здоров" : "Гипертоническая болезнь II ст., компенсация",
                                "recommendations",
                                "Контроль АД дважды в день, дневник самоконтроля"));
            }
            for (int half = 0; half < 2; half++) {
                LocalDate drawn = LocalDate.of(year, half == 0 ? 2 : 9, 10);
                if (drawn.isAfter(today)) {
                    continue;
                }
                int step = (year - 2016) * 2 + half;
                lab(
                        patient,
                        author,
                        authorName,
                        drawn,
                        "CHOL",
                        "Холестерин общий",
                        new BigDecimal("6.4").subtract(new BigDecimal(step % 9).multiply(new BigDecimal("0.15"))),
                        "mmol/L",
                        null,
                        "5.2");
                lab(
                        patient,
                        author,
                        authorName,
                        drawn,
                        "GLU",
                        "Глюкоза (венозная кровь)",
                        new BigDecimal("5.0").add(new BigDecimal(step % 5).multiply(new BigDecimal("0.3"))),
                        "mmol/L",
                        "3.9",
                        "6.1");
                lab(
                        patient,
                        author,
                        authorName,
                        drawn,
                        "HGB",
                        "Гемоглобин",
                        new BigDecimal(138 + (step * 7) % 19),
                        "g/L",
                        "130",
                        "170");
            }
        }
        file(
                patient,
                EntryType.DIAGNOSIS,
                author,
                authorName,
                map(
                        "icd10",
                        "I11.9",
                        "name",
                        "Гипертензивная болезнь сердца без сердечной недостаточности",
                        "onset",
                        "2018-03-14",
                        "clinicalStatus",
                        "ACTIVE"));
        file(
                patient,
                EntryType.DIAGNOSIS,
                author,
                authorName,
                map(
                        "icd10",
                        "E78.0",
                        "name",
                        "Чистая гиперхолестеринемия",
                        "onset",
                        "2019-09-10",
                        "clinicalStatus",
                        "ACTIVE"));
        file(
                patient,
                EntryType.PRESCRIPTION,
                author,
                authorName,
                map(
                        "date",
                        "2018-03-14",
                        "medication",
                        "Амлодипин",
                        "dose",
                        "5 мг 1 раз в день",
                        "course",
                        "Постоянно"));
        file(
                patient,
                EntryType.PRESCRIPTION,
                author,
                authorName,
                map(
                        "date",
                        "2019-09-20",
                        "medication",
                        "Аторвастатин",
                        "dose",
                        "20 мг вечером",
                        "course",
                        "Постоянно",
                        "ePrescriptionNumber",
                        "77-2019-000123"));
        file(
                patient,
                EntryType.HOSPITALISATION,
                author,
                authorName,
                map(
                        "admitted", "2022-03-01",
                        "discharged", "2022-03-12",
                        "department", "Кардиологическое отделение ГКБ № 1",
                        "reason", "Гипертонический криз",
                        "outcome", "Выписан с улучшением",
                        "summary",
                                "Поступил с АД 190/110. Проведена гипотензивная терапия, подобрана схема: амлодипин 10 мг, "
                                        + "лизиноприл 10 мг. ЭхоКГ: гипертрофия ЛЖ. Выписан под наблюдение терапевта."));
        file(
                patient,
                EntryType.SICK_LEAVE,
                author,
                authorName,
                map("number", "910012345678", "from", "2022-03-01", "to", "2022-03-20", "reason", "Заболевание"));
        instrumental(
                patient,
                author,
                authorName,
                "2016-05-20",
                "FLUOROGRAPHY",
                "Флюорография органов грудной клетки",
                "Очаговых и инфильтративных изменений не выявлено.");
        instrumental(patient, author, authorName, "2018-05-22", "ECG", "ЭКГ в покое", "Ритм синусовый, ЧСС 72.");
        instrumental(
                patient,
                author,
                authorName,
                "2019-06-03",
                "ECG",
                "ЭКГ в покое",
                "Ритм синусовый, признаки гипертрофии ЛЖ.");
        instrumental(
                patient,
                author,
                authorName,
                "2021-05-18",
                "XRAY",
                "Рентгенография органов грудной клетки",
                "Без патологических изменений.");
        instrumental(
                patient,
                author,
                authorName,
                "2023-10-02",
                "ULTRASOUND",
                "УЗИ брахиоцефальных артерий",
                "Стенозы не выявлены, КИМ 0,9 мм.");
        for (int year = 2019; year < today.getYear(); year++) {
            file(
                    patient,
                    EntryType.VACCINATION,
                    author,
                    authorName,
                    map(
                            "date",
                            LocalDate.of(year, 10, 15).toString(),
                            "vaccine",
                            "Совигрипп (грипп)",
                            "series",
                            "FL-" + year,
                            "reaction",
                            "Без реакции"));
        }
        file(
                patient,
                EntryType.VACCINATION,
                author,
                authorName,
                map(
                        "date",
                        "2021-06-01",
                        "vaccine",
                        "Гам-КОВИД-Вак",
                        "series",
                        "II-0621",
                        "reaction",
                        "Субфебрилитет"));
        file(
                patient,
                EntryType.SCREENING,
                author,
                authorName,
                map("date", "2021-04-12", "kind", "Диспансеризация", "result", "II группа здоровья"));
        file(
                patient,
                EntryType.SCREENING,
                author,
                authorName,
                map("date", "2024-04-15", "kind", "Диспансеризация", "result", "II группа здоровья"));
        file(
                patient,
                EntryType.PROCEDURE,
                author,
                authorName,
                map(
                        "date",
                        "2022-03-03",
                        "code",
                        "A04.10.002",
                        "name",
                        "Эхокардиография",
                        "outcome",
                        "Гипертрофия левого желудочка, фракция выброса 62 %."));
        file(
                patient,
                EntryType.ALLERGY,
                author,
                authorName,
                map(
                        "recorded",
                        "2018-03-14",
                        "substance",
                        "Пенициллин",
                        "category",
                        "MEDICATION",
                        "criticality",
                        "HIGH",
                        "clinicalStatus",
                        "ACTIVE",
                        "reaction",
                        "Крапивница"));

        diary(patient, account.userId(), author, authorName, now);
    }

    private void diary(PatientId patient, UserId by, UserId doctor, String doctorName, Instant now) {
        UUID threshold = UUID.randomUUID();
        diaries.setThreshold(
                patient,
                new Threshold(
                        threshold,
                        Measure.BLOOD_PRESSURE,
                        "",
                        null,
                        new BigDecimal("140"),
                        null,
                        new BigDecimal("90"),
                        doctorName,
                        now),
                doctor);
        var stored = diaries.thresholds(patient).get(0).threshold().id();
        LocalDate today = LocalDate.ofInstant(now, MOSCOW);
        for (int day = 30; day >= 1; day--) {
            LocalDate date = today.minusDays(day);
            for (int hour : new int[] {8, 21}) {
                Instant at = date.atTime(hour, 0).atZone(MOSCOW).toInstant();
                int systolic = 124 + (day * 7 + hour) % 19;
                int diastolic = 78 + (day * 3 + hour) % 13;
                UUID reading = diaries.addReading(
                        patient,
                        new Reading(
                                null,
                                Measure.BLOOD_PRESSURE,
                                "",
                                new BigDecimal(systolic),
                                new BigDecimal(diastolic),
                                "mmHg",
                                at,
                                null),
                        by,
                        at);
                if (systolic > 140 || diastolic > 90) {
                    diaries.addAlert(
                            patient,
                            reading,
                            stored,
                            doctor,
                            "Давление " + systolic + "/" + diastolic + " мм рт. ст. — выше порога 140/90",
                            at);
                }
                if (hour == 8) {
                    diaries.addReading(
                            patient,
                            new Reading(null, Measure.PULSE, "", new BigDecimal(64 + day % 11), null, "/min", at, null),
                            by,
                            at);
                }
            }
            if (day % 7 == 0) {
                Instant at = date.atTime(7, 30).atZone(MOSCOW).toInstant();
                diaries.addReading(
                        patient,
                        new Reading(
                                null,
                                Measure.WEIGHT,
                                "",
                                new BigDecimal("84.5").subtract(new BigDecimal(day).multiply(new BigDecimal("0.05"))),
                                null,
                                "kg",
                                at,
                                null),
                        by,
                        at);
            }
        }
    }

    private void lab(
            PatientId patient,
            UserId author,
            String authorName,
            LocalDate date,
            String code,
            String name,
            BigDecimal value,
            String unit,
            String low,
            String high) {
        var fields = map(
                "date",
                date.toString(),
                "testCode",
                code,
                "testName",
                name,
                "value",
                value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(),
                "unit",
                unit);
        if (low != null) {
            fields.put("referenceLow", low);
        }
        if (high != null) {
            fields.put("referenceHigh", high);
        }
        file(patient, EntryType.LAB_RESULT, author, authorName, fields);
    }

    private void instrumental(
            PatientId patient,
            UserId author,
            String authorName,
            String date,
            String modality,
            String study,
            String conclusion) {
        file(
                patient,
                EntryType.INSTRUMENTAL,
                author,
                authorName,
                map("date", date, "modality", modality, "study", study, "conclusion", conclusion));
    }

    private void file(PatientId patient, EntryType type, UserId author, String authorName, Map<String, String> fields) {
        var content = EntryContent.of(type, fields, LocalDate.now(clock));
        Instant at = content.date().atTime(12, 0).atZone(MOSCOW).toInstant();
        UUID id = entries.insert(patient, content, "CLINICIAN", "demo:" + (++sequence), author, authorName, null, at);
        // What arrived more than a month ago the patient has seen; the latest entries stay "new".
        if (content.date().isBefore(LocalDate.now(clock).minus(1, ChronoUnit.MONTHS))) {
            entries.markSeen(id, at);
        }
    }

    private static Map<String, String> map(String... pairs) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
