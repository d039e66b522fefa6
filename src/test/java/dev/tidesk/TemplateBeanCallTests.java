package dev.tidesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Templates show what their controller put in the model; they call no beans ({@code ${@bean.x()}}),
 * which would hide a module's dependencies from Spring Modulith and the reader.
 */
class TemplateBeanCallTests {

    static final Pattern BEAN_CALL = Pattern.compile("[$*]\\{[^}]*(?<![\\w@])@[a-zA-Z]\\w*");

    @Test
    void noTemplateCallsABean() throws IOException {
        List<String> calls = new ArrayList<>();
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
        assertThat(templates).hasSizeGreaterThan(30);
        for (Resource template : templates) {
            String text = template.getContentAsString(StandardCharsets.UTF_8);
            Matcher m = BEAN_CALL.matcher(text);
            while (m.find()) {
                calls.add(template.getFilename() + ": " + m.group());
            }
        }
        assertThat(calls).isEmpty();
    }

    @Test
    void theScanSeesABeanCallAndNotALinkOrAnAddress() {
        assertThat(BEAN_CALL
                        .matcher("<span th:text=\"${@taskBoard.history(ticket.id())}\">")
                        .find())
                .isTrue();
        assertThat(BEAN_CALL
                        .matcher("<a th:href=\"@{/desk/requests/{tid}(tid=${t.tid()})}\">")
                        .find())
                .isFalse();
        assertThat(BEAN_CALL
                        .matcher("<span th:text=\"${'support@tidesk.local'}\">")
                        .find())
                .isFalse();
    }
}
