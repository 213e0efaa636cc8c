package org.medkarta.record;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.medkarta.access.Relation;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.files.FilePurpose;
import org.medkarta.files.Files;
import org.medkarta.notification.Notifications;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.SignatureStamp;
import org.medkarta.signature.Signatures;
import org.medkarta.signature.SignedDocuments;
import org.medkarta.signature.SigningKey;
import org.medkarta.signature.Trust;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Produces ordered extracts in the background (SPEC E10). Any node works any job: it takes a due
 * one by a conditional update (as the outbox's dispatcher claims a message), holds it under a
 * lease it renews with each step of progress, and files the result in one transaction that names
 * the attempt it claimed. A node that dies mid-way leaves the job RUNNING with a lease that runs
 * out; the next poll of any node takes it over. A job interrupted {@code max-attempts} times is
 * given up with a reason the orderer reads.
 *
 * <p>The issuing clinic's key signs the PDF (CAdES-BES, detached) when it has one on the server and
 * its password is in configuration; the signature is verified against the clinic's trust anchors
 * and filed as a signed document, so the QR code on the PDF opens the public verification page. A
 * signature that cannot be made or does not verify leaves the extract unsigned, saying so on its
 * first page, with the reason logged: a signing failure never fails an extract.
 */
@Component
class ExtractWorker {

    private static final Logger log = LoggerFactory.getLogger(ExtractWorker.class);

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** Who may see the patient's SNILS and policy printed on the extract: the patient and their parent. */
    private static final EnumSet<Relation> IDENTIFIERS_SHOWN = EnumSet.of(Relation.SELF, Relation.PARENT);

    private final ExtractJobs jobs;
    private final ExtractSources sources;
    private final Patients patients;
    private final ClinicCatalogue clinics;
    private final Files files;
    private final Signatures signatures;
    private final SignedDocuments documents;
    private final Notifications notifications;
    private final MessageSource messages;
    private final ExtractProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ExecutorService executor;
    private final AtomicBoolean pending = new AtomicBoolean();

    ExtractWorker(
            ExtractJobs jobs,
            ExtractSources sources,
            Patients patients,
            ClinicCatalogue clinics,
            Files files,
            Signatures signatures,
            SignedDocuments documents,
            Notifications notifications,
            MessageSource messages,
            ExtractProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jobs = jobs;
        this.sources = sources;
        this.patients = patients;
        this.clinics = clinics;
        this.files = files;
        this.signatures = signatures;
        this.documents = documents;
        this.notifications = notifications;
        this.messages = messages;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        // One extract at a time per node: rendering takes a core, and the queue is in the database.
        this.executor = Executors.newSingleThreadExecutor(work -> {
            var thread = new Thread(work, "record-extracts");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts working the due jobs on this node's worker thread (after an order commits). */
    void startSoon() {
        if (!pending.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                pending.set(false);
                runDue();
            });
        } catch (RejectedExecutionException shuttingDown) {
            pending.set(false);
        }
    }

    /** Each node looks for due jobs now and then: those another node's order left or a dead node held. */
    @Scheduled(
            fixedDelayString = "${medkarta.record.extracts.poll:15s}",
            initialDelayString = "${medkarta.record.extracts.poll:15s}")
    public void poll() {
        startSoon();
    }

    /** Produces the due jobs one after another; returns how many this call took. */
    int runDue() {
        int taken = 0;
        while (true) {
            Instant now = clock.instant();
            var due = jobs.due(now, 10);
            if (due.isEmpty()) {
                return taken;
            }
            boolean any = false;
            for (var id : due) {
                var claimed = transaction.execute(status -> jobs.claim(id, now, now.plus(properties.lease())));
                if (claimed == null || claimed.isEmpty()) {
                    continue;
                }
                any = true;
                taken++;
                produce(claimed.get());
            }
            if (!any) {
                return taken;
            }
        }
    }

    private void produce(ExtractJobs.Job job) {
        if (job.attempt() > properties.maxAttempts()) {
            log.error("Extract {} given up: interrupted {} times", job.id(), job.attempt() - 1);
            transaction.executeWithoutResult(status -> finishFailed(job, "record.extract.failure.interrupted"));
            return;
        }
        long started = System.nanoTime();
        try {
            var patient = patients.find(job.patient()).orElseThrow(NotFound::new);
            ZoneId zone = ZoneOffset.UTC;
            String clinicName = null;
            String clinicAddress = null;
            if (job.clinic() != null) {
                try {
                    var card = clinics.card(job.clinic());
                    clinicName = card.name();
                    clinicAddress = card.address();
                    zone = clinics.timezone(job.clinic());
                } catch (NotFound gone) {
                    log.warn("Extract {}: the issuing clinic {} is gone; issued without it", job.id(), job.clinic());
                }
            }
            boolean shown = IDENTIFIERS_SHOWN.contains(job.relation());
            Instant issuedAt = clock.instant();
            var header = new ExtractPdf.Header(
                    clinicName,
                    clinicAddress,
                    fullName(patient),
                    patient.birthDate(),
                    patient.sex(),
                    shown ? sources.snils(job.patient()).orElse(null) : null,
                    shown ? sources.oms(job.patient()).orElse(null) : null,
                    job.from(),
                    job.to(),
                    job.sections(),
                    issuedAt,
                    zone);
            var entries = sources.entries(
                    job.patient(),
                    job.sections(),
                    job.from(),
                    job.to(),
                    RecordRules.PATIENT_SIDE.contains(job.relation()));
            int count = entries.values().stream().mapToInt(java.util.List::size).sum();
            step(job, 10);
            var signing = job.clinic() == null || clinicName == null ? null : prepareSignature(job, header, zone);
            byte[] pdf = ExtractPdf.render(
                    header,
                    entries,
                    signing == null ? null : signing.stamp(),
                    messages,
                    percent -> step(job, 10 + percent * 6 / 10));
            step(job, 80);
            byte[] signature = null;
            if (signing != null) {
                signature = sign(job, pdf);
                if (signature == null) {
                    pdf = ExtractPdf.render(header, entries, null, messages, percent -> {});
                }
            }
            step(job, 95);
            byte[] signed = signature;
            byte[] document = pdf;
            var reserved = signing;
            boolean filed = Boolean.TRUE.equals(transaction.execute(status -> {
                boolean done = file(job, document, signed, reserved, count, header);
                if (!done) {
                    status.setRollbackOnly();
                }
                return done;
            }));
            log.info(
                    "Extract {}: {} entries, {} bytes, {} in {} ms",
                    job.id(),
                    count,
                    document.length,
                    signed == null ? "unsigned" : "signed",
                    (System.nanoTime() - started) / 1_000_000);
            if (!filed) {
                log.warn("Extract {}: taken over by another worker; this attempt's result dropped", job.id());
            }
        } catch (Lost lost) {
            log.warn("Extract {}: taken over by another worker", job.id());
        } catch (RuntimeException failure) {
            log.error("Extract {} failed", job.id(), failure);
            transaction.executeWithoutResult(status -> finishFailed(job, "record.extract.failure.error"));
        }
    }

    /** The stamp's certificate and a reserved signed document, when the clinic has a key on the server. */
    private record Signing(SignatureStamp stamp, org.medkarta.signature.SignedDocumentRef reserved) {}

    private Signing prepareSignature(ExtractJobs.Job job, ExtractPdf.Header header, ZoneId zone) {
        try {
            return reserveSignature(job, header, zone);
        } catch (RuntimeException failure) {
            log.warn("Extract {}: the clinic's certificate could not be read; issued unsigned", job.id(), failure);
            return null;
        }
    }

    private Signing reserveSignature(ExtractJobs.Job job, ExtractPdf.Header header, ZoneId zone) {
        var key = clinicKey(job.clinic());
        var certificate = signatures.certificate(key);
        if (certificate.isEmpty()) {
            log.info("Extract {}: clinic {} has no signing key on the server; issued unsigned", job.id(), job.clinic());
            return null;
        }
        var view = signatures.describe(certificate.get());
        String day = DATE.format(header.issuedAt().atZone(zone));
        var reserved = documents.reserve("EXTRACT", job.clinic(), "Выписка из медицинской карты от " + day);
        return new Signing(
                new SignatureStamp(view.name(), view.serial(), view.notBefore(), view.notAfter(), reserved.verifyUrl()),
                reserved);
    }

    /** The clinic's signature over the exact bytes, verified; null (logged) when it cannot be had. */
    private byte[] sign(ExtractJobs.Job job, byte[] pdf) {
        try {
            byte[] cms = signatures.sign(clinicKey(job.clinic()), pdf, null);
            var verdict = signatures.verify(pdf, cms, new Trust(job.clinic(), null, null));
            if (!verdict.valid()) {
                log.warn(
                        "Extract {}: the clinic's signature does not verify ({}: {}); issued unsigned",
                        job.id(),
                        verdict.reason(),
                        verdict.detail());
                return null;
            }
            return cms;
        } catch (DomainException refused) {
            log.warn("Extract {}: the clinic's key did not sign ({}); issued unsigned", job.id(), refused.problem());
            return null;
        } catch (RuntimeException failure) {
            log.warn("Extract {}: signing failed; issued unsigned", job.id(), failure);
            return null;
        }
    }

    /** Files the PDF (and signature) and marks the job done, telling the orderer; false when lost. */
    private boolean file(
            ExtractJobs.Job job, byte[] pdf, byte[] cms, Signing signing, int count, ExtractPdf.Header header) {
        String name = "extract-" + header.issuedAt().atZone(header.zone()).toLocalDate() + ".pdf";
        var pdfFile = files.storeIssued(FilePurpose.SIGNED_DOCUMENT, job.orderedBy(), name, pdf);
        ExtractJobs.Result result;
        if (cms != null) {
            var sigFile = files.storeIssued(FilePurpose.SIGNATURE, job.orderedBy(), name + ".sig", cms);
            var verdict = signatures.verify(pdf, cms, new Trust(job.clinic(), null, null));
            documents.file(signing.reserved().id(), pdfFile.id(), sigFile.id(), verdict);
            result = new ExtractJobs.Result(
                    pdfFile.id().value(),
                    sigFile.id().value(),
                    signing.reserved().id(),
                    signing.reserved().verifyUrl(),
                    verdict.signer() == null
                            ? signing.stamp().owner()
                            : verdict.signer().name(),
                    verdict.signer() == null
                            ? signing.stamp().serial()
                            : verdict.signer().serial(),
                    count);
        } else {
            result = new ExtractJobs.Result(pdfFile.id().value(), null, null, null, null, null, count);
        }
        if (!jobs.done(job.id(), job.attempt(), result, clock.instant())) {
            return false;
        }
        notifications.notify(
                job.orderedBy(),
                text("record.extract.notice.title"),
                text("record.extract.notice.text", header.fullName(), ExtractPdf.period(job.from(), job.to())),
                "/record/" + job.patient().value() + "/extracts/" + job.id());
        return true;
    }

    private void finishFailed(ExtractJobs.Job job, String reason) {
        if (jobs.failed(job.id(), job.attempt(), reason, clock.instant())) {
            notifications.notify(
                    job.orderedBy(),
                    text("record.extract.notice.failed.title"),
                    text(reason),
                    "/record/" + job.patient().value() + "/extracts/" + job.id());
        }
    }

    /** Reports progress; a worker that lost its job stops here. */
    private void step(ExtractJobs.Job job, int percent) {
        if (!jobs.progress(job.id(), job.attempt(), percent, clock.instant().plus(properties.lease()))) {
            throw new Lost();
        }
    }

    private static SigningKey clinicKey(ClinicId clinic) {
        return new SigningKey(SigningKey.Owner.CLINIC, clinic.value());
    }

    private static String fullName(Patients.Row patient) {
        return patient.lastName() + " " + patient.firstName()
                + (patient.patronymic() == null ? "" : " " + patient.patronymic());
    }

    private String text(String code, Object... arguments) {
        return messages.getMessage(code, arguments, code, RUSSIAN);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** This worker's lease ran out and another took the job over. */
    private static final class Lost extends RuntimeException {
        Lost() {
            super(null, null, false, false);
        }
    }
}
