package dev.tidesk.mail;

import org.eclipse.angus.mail.util.MailStreamProvider;
import org.springframework.stereotype.Component;

/**
 * Names Angus Mail's stream provider to Jakarta Mail, once, as Tidesk starts.
 * <p>
 * Jakarta Mail 2.1 asks {@code StreamProvider.provider()} for every encoded header it decodes or
 * writes and every body part it builds, and without a name (the system property below) each call
 * is a new {@code ServiceLoader} search of the class path (jakartaee/mail-api#861). In the packaged
 * jar that search walks the service files of every nested jar: 73 % of the outbox sender's CPU, and
 * a share of every inbound mail's parsing. With the name, the lookup is a class already loaded.
 */
@Component
class MailStreams {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";

    MailStreams() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, MailStreamProvider.class.getName());
        }
    }
}
