package org.medkarta.notification;

import java.nio.charset.StandardCharsets;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;

/**
 * Sends SMS to an SMPP 3.4 message centre (jsmpp), keeping one transmitter session bound between
 * messages and binding again after any failure.
 *
 * <p>Text goes as UCS-2, the only SMPP alphabet that carries Cyrillic on every operator; a text
 * longer than one short message (70 characters) travels in the {@code message_payload} parameter,
 * which the centre splits for the handset.
 */
class SmppSmsGateway implements SmsGateway, AutoCloseable {

    private static final int SHORT_MESSAGE_OCTETS = 140;

    private final NotificationProperties.Smpp settings;
    private SMPPSession session;

    SmppSmsGateway(NotificationProperties.Smpp settings) {
        this.settings = settings;
    }

    @Override
    public synchronized void send(Envelope sms) throws Exception {
        if (settings.host() == null || settings.host().isBlank() || settings.systemId() == null) {
            throw new ChannelUnavailable(
                    Channel.SMS, "medkarta.notification.sms.smpp.host and .system-id must be set for the SMPP gateway");
        }
        byte[] text = sms.body().getBytes(StandardCharsets.UTF_16BE);
        boolean fits = text.length <= SHORT_MESSAGE_OCTETS;
        try {
            bound().submitShortMessage(
                            "",
                            sourceTon(),
                            NumberingPlanIndicator.UNKNOWN,
                            settings.sourceAddress(),
                            TypeOfNumber.INTERNATIONAL,
                            NumberingPlanIndicator.ISDN,
                            sms.to().startsWith("+") ? sms.to().substring(1) : sms.to(),
                            new ESMClass(),
                            (byte) 0,
                            (byte) 1,
                            null,
                            null,
                            new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT),
                            (byte) 0,
                            new GeneralDataCoding(Alphabet.ALPHA_UCS2),
                            (byte) 0,
                            fits ? text : new byte[0],
                            fits
                                    ? new OptionalParameter[0]
                                    : new OptionalParameter[] {
                                        new OptionalParameter.OctetString(
                                                OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), text)
                                    });
        } catch (Exception failure) {
            close();
            throw failure;
        }
    }

    private SMPPSession bound() throws java.io.IOException {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        close();
        var fresh = new SMPPSession();
        fresh.setTransactionTimer(settings.timeout().toMillis());
        fresh.connectAndBind(
                settings.host(),
                settings.port(),
                new BindParameter(
                        BindType.BIND_TX,
                        settings.systemId(),
                        settings.password() == null ? "" : settings.password(),
                        settings.systemType(),
                        TypeOfNumber.UNKNOWN,
                        NumberingPlanIndicator.UNKNOWN,
                        null),
                settings.timeout().toMillis());
        session = fresh;
        return session;
    }

    /** An alphanumeric sender name ("Medkarta") needs its own type of number, digits do not. */
    private TypeOfNumber sourceTon() {
        return settings.sourceAddress().chars().allMatch(Character::isDigit)
                ? TypeOfNumber.INTERNATIONAL
                : TypeOfNumber.ALPHANUMERIC;
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.unbindAndClose();
            session = null;
        }
    }
}
