package dev.tidesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.MailTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13, point 6, over real HTTP: a Content-Security-Policy that lets no inline script or eval run
 * and no other site frame a page; behind a TLS proxy ({@code X-Forwarded-Proto: https} with
 * {@code server.forward-headers-strategy}) the session cookie is Secure and HSTS is sent. The
 * templates keep no inline script or event handler that such a policy would break.
 */
class HeadersTests extends MailTest {

    @LocalServerPort
    int port;

    @Test
    void thePolicyForbidsInlineScriptEvalAndFraming() throws Exception {
        HttpResponse<String> page = get("/desk/login", false);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        String scripts = csp.replaceAll(".*script-src ([^;]*).*", "$1");
        assertThat(scripts).isEqualTo("'self'");
        assertThat(csp)
                .doesNotContain("unsafe-eval")
                .contains("frame-ancestors 'none'")
                .contains("object-src 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Strict-Transport-Security"))
                .as("plain HTTP")
                .isEmpty();
        assertThat(page.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith("SESSION="))
                .allSatisfy(c -> assertThat(c).doesNotContainIgnoringCase("Secure"));
    }

    @Test
    void behindATlsProxyTheCookieIsSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> page = get("/portal/login", true);
        assertThat(page.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(h -> assertThat(h).contains("max-age=31536000"));
        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertThat(cookies)
                .filteredOn(c -> c.startsWith("SESSION="))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void noTemplateHasAnInlineScriptOrHandler() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern handler = Pattern.compile("<[^>]*\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".html"))
                    .filter(f -> !f.toString().contains("/mail/"))
                    .filter(f -> {
                        try {
                            String html = Files.readString(f);
                            return inlineScript.matcher(html).find()
                                    || handler.matcher(html).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString)
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    private HttpResponse<String> get(String path, boolean viaTlsProxy) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (viaTlsProxy) {
            request.header("X-Forwarded-Proto", "https").header("X-Forwarded-Port", "443");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
