package org.medkarta.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** SMS through SMPP to an in-process message centre (jsmpp's server side) that keeps each submit_sm. */
@SpringBootTest(
        properties = {
            // Delivered on the test's own thread, so each assertion sees the gateway's answer at once.
            "medkarta.notification.dispatch.after-commit=inline",
            "medkarta.notification.dispatch.polling=false",
            "medkarta.notification.sms.gateway=smpp",
            "medkarta.notification.sms.smpp.host=127.0.0.1",
            "medkarta.notification.sms.smpp.system-id=medkarta",
            "medkarta.notification.sms.smpp.password=secret",
            "medkarta.notification.sms.smpp.source-address=Medkarta"
        })
class SmppGatewayIT {

    static final List<SubmitSm> SUBMITTED = new CopyOnWriteArrayList<>();
    static final ExecutorService CENTRE = Executors.newCachedThreadPool();
    static SMPPServerSessionListener listener;

    @Autowired
    Notifications notifications;

    @DynamicPropertySource
    static void messageCentre(DynamicPropertyRegistry registry) throws IOException {
        int port;
        try (var probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        listener = new SMPPServerSessionListener(port);
        CENTRE.submit(SmppGatewayIT::acceptSessions);
        registry.add("medkarta.notification.sms.smpp.port", () -> port);
    }

    @AfterAll
    static void stopCentre() throws IOException {
        listener.close();
        CENTRE.shutdownNow();
    }

    @BeforeEach
    void clear() {
        SUBMITTED.clear();
    }

    @Test
    void aRussianSmsIsSubmittedToTheMessageCentreAsUcs2() {
        String key = "otp:" + UUID.randomUUID();

        notifications.sendSms("+79990000301", "Код входа в Медкарту: 123456", key);

        assertThat(SUBMITTED).hasSize(1);
        SubmitSm sms = SUBMITTED.get(0);
        assertThat(sms.getDestAddress()).isEqualTo("79990000301");
        assertThat(sms.getSourceAddr()).isEqualTo("Medkarta");
        assertThat(sms.getDataCoding()).isEqualTo((byte) 0x08);
        assertThat(new String(sms.getShortMessage(), StandardCharsets.UTF_16BE))
                .isEqualTo("Код входа в Медкарту: 123456");
        assertThat(notifications.delivery(key).orElseThrow().status()).isEqualTo(Delivery.Status.SENT);
    }

    @Test
    void aLongSmsTravelsInTheMessagePayload() {
        String text = "Напоминание: завтра в 10:00 приём у терапевта в клинике «Здоровье», кабинет 12. "
                + "Если не сможете прийти, отмените запись в Медкарте.";

        notifications.sendSms("+79990000302", text);

        SubmitSm sms = SUBMITTED.get(0);
        assertThat(sms.getShortMessage()).isEmpty();
        var payload = (OptionalParameter.OctetString) sms.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
        assertThat(new String(payload.getValue(), StandardCharsets.UTF_16BE)).isEqualTo(text);
    }

    @Test
    void theSessionIsReusedForTheNextMessage() {
        notifications.sendSms("+79990000303", "первое");
        notifications.sendSms("+79990000303", "второе");

        assertThat(SUBMITTED)
                .extracting(sms -> new String(sms.getShortMessage(), StandardCharsets.UTF_16BE))
                .containsExactly("первое", "второе");
    }

    private static void acceptSessions() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                SMPPServerSession session = listener.accept();
                session.setMessageReceiverListener(new Centre());
                CENTRE.submit(() -> {
                    var bind = session.waitForBind(5_000);
                    if ("medkarta".equals(bind.getSystemId()) && "secret".equals(bind.getPassword())) {
                        bind.accept("test-centre");
                    } else {
                        bind.reject(0x0E);
                    }
                    return null;
                });
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Keeps each submit_sm and accepts it; every other operation is unused here. */
    static class Centre implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) {
            SUBMITTED.add(submitSm);
            try {
                return new SubmitSmResult(
                        new MessageId(Integer.toHexString(SUBMITTED.size())), new OptionalParameter[0]);
            } catch (org.jsmpp.PDUStringException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public org.jsmpp.session.SubmitMultiResult onAcceptSubmitMulti(
                org.jsmpp.bean.SubmitMulti submitMulti, SMPPServerSession source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.jsmpp.session.QuerySmResult onAcceptQuerySm(
                org.jsmpp.bean.QuerySm querySm, SMPPServerSession source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void onAcceptReplaceSm(org.jsmpp.bean.ReplaceSm replaceSm, SMPPServerSession source) {}

        @Override
        public void onAcceptCancelSm(org.jsmpp.bean.CancelSm cancelSm, SMPPServerSession source) {}

        @Override
        public org.jsmpp.session.BroadcastSmResult onAcceptBroadcastSm(
                org.jsmpp.bean.BroadcastSm broadcastSm, SMPPServerSession source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void onAcceptCancelBroadcastSm(
                org.jsmpp.bean.CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) {}

        @Override
        public org.jsmpp.session.QueryBroadcastSmResult onAcceptQueryBroadcastSm(
                org.jsmpp.bean.QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.jsmpp.session.DataSmResult onAcceptDataSm(
                org.jsmpp.bean.DataSm dataSm, org.jsmpp.session.Session source) {
            throw new UnsupportedOperationException();
        }
    }
}
