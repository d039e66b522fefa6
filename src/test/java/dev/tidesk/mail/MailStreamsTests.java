package dev.tidesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.MailTest;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Once Tidesk has started, Jakarta Mail finds its stream provider without searching the class path:
 * decoding a header (what every inbound mail and every mail sent does, many times) asks no class
 * loader for the provider's service file. Before, every decoded or encoded word did.
 */
class MailStreamsTests extends MailTest {

    @Test
    void decodingAHeaderSearchesNoServiceFiles() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        Counting counting = new Counting(original);
        thread.setContextClassLoader(counting);
        try {
            for (int i = 0; i < 20; i++) {
                assertThat(MimeUtility.decodeText("=?UTF-8?B?0KHQsNC50YIg0L3QtdC00L7RgdGC0YPQv9C10L0=?="))
                        .isEqualTo("Сайт недоступен");
                assertThat(MimeUtility.encodeText("Сайт недоступен", "UTF-8", "B"))
                        .startsWith("=?UTF-8?B?");
            }
        } finally {
            thread.setContextClassLoader(original);
        }
        assertThat(counting.searches.get()).isZero();
    }

    /** Counts the searches for Jakarta Mail's service files made through it. */
    private static final class Counting extends ClassLoader {
        final AtomicInteger searches = new AtomicInteger();

        Counting(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (name.startsWith("META-INF/services/jakarta.mail")) {
                searches.incrementAndGet();
            }
            return super.getResources(name);
        }
    }
}
