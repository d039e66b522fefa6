package dev.tidesk.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tidesk.TestData;
import dev.tidesk.TestData.Client;
import dev.tidesk.identity.Role;
import dev.tidesk.mail.MailIntake;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attachments and raw mail in an S3-compatible object store, over real HTTP on both sides: the
 * application's own port (logins, CSRF, multipart forms) and a local S3 server the AWS SDK talks to.
 */
@Tag("integration")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tidesk.storage.type=s3",
            "tidesk.storage.bucket=tidesk-files",
            "tidesk.storage.region=ru-central1",
            "tidesk.storage.access-key=tidesk-test",
            "tidesk.storage.secret-key=tidesk-test-secret",
            "tidesk.storage.path-style=true",
            "tidesk.storage.prefix=files/",
            "tidesk.ticket.max-attachment-bytes=26214400",
            "spring.servlet.multipart.max-file-size=25MB"
        })
class S3StorageTests {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    static final LocalS3Server S3 = start();

    private static LocalS3Server start() {
        try {
            return new LocalS3Server("tidesk-files");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("tidesk.storage.endpoint", S3::endpoint);
    }

    @AfterAll
    static void stop() {
        S3.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MailIntake intake;

    @Autowired
    Blobs blobs;

    @Autowired
    PlatformTransactionManager transactions;

    TestData data;

    @BeforeEach
    void testData() {
        data = new TestData(context);
    }

    @Test
    void aPortalUploadLandsInTheBucketAndDownloadsOnlyForItsOrganization() throws Exception {
        Client owner = data.client();
        Client stranger = data.client();
        byte[] file = randomBytes(300_000, 1);
        Browser portal = login("portal", owner.login());

        HttpResponse<String> created = portal.newRequest("Договор на подпись", "plan.pdf", "application/pdf", file);
        assertThat(created.statusCode()).isEqualTo(302);
        String tid = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        Map<String, Object> row = attachmentOf(tid);

        // the row keeps only the key; the bytes are the bucket's object, typed as uploaded
        assertThat(row.get("content")).isNull();
        String key = (String) row.get("content_key");
        assertThat(key).startsWith("s3:files/");
        LocalS3Server.StoredObject object = S3.object(key.substring("s3:".length()));
        assertThat(object.content()).isEqualTo(file);
        assertThat(object.contentType()).isEqualTo("application/pdf");
        assertThat(row.get("size_bytes")).isEqualTo((long) file.length);
        assertThat(row.get("sha256")).isEqualTo(sha256(file));
        assertThat(jdbc.queryForObject("select count(*) from storage_blob where key = ?", Integer.class, key))
                .isZero();

        long id = (Long) row.get("id");
        HttpResponse<byte[]> download = portal.get("/portal/attachments/" + id);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(file);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Length")).hasValue(Integer.toString(file.length));
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        Browser other = login("portal", stranger.login());
        assertThat(other.get("/portal/attachments/" + id).statusCode()).isEqualTo(404);

        Browser desk = login("desk", data.agent().email());
        HttpResponse<byte[]> staff = desk.get("/desk/attachments/" + id);
        assertThat(staff.statusCode()).isEqualTo(200);
        assertThat(staff.body()).isEqualTo(file);
    }

    @Test
    void anInboundMailsRawCopyAndItsAttachmentLandInTheBucket() throws Exception {
        Client client = data.client();
        byte[] picture = randomBytes(120_000, 2);
        byte[] raw = mail(client.login(), "Скриншот ошибки", "schema.png", "image/png", picture);

        long inboundId = intake.receive("smtp", raw).id();

        Map<String, Object> stored =
                jdbc.queryForMap("select raw, raw_key, ticket_id from mail_inbound where id = ?", inboundId);
        assertThat(stored.get("raw")).isNull();
        String rawKey = (String) stored.get("raw_key");
        assertThat(rawKey).startsWith("s3:files/");
        assertThat(S3.object(rawKey.substring(3)).content()).isEqualTo(raw);
        assertThat(S3.object(rawKey.substring(3)).contentType()).isEqualTo("message/rfc822");
        assertThat(stored.get("ticket_id")).as("the mail became a request").isNotNull();

        Map<String, Object> file = jdbc.queryForMap(
                "select id, content, content_key, content_type from ticket_attachment where ticket_id = ?",
                stored.get("ticket_id"));
        assertThat(file.get("content")).isNull();
        String key = (String) file.get("content_key");
        assertThat(S3.object(key.substring(3)).content()).isEqualTo(picture);

        Browser desk = login("desk", data.agent().email());
        HttpResponse<byte[]> download = desk.get("/desk/attachments/" + file.get("id"));
        assertThat(download.body()).isEqualTo(picture);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        Browser portal = login("portal", client.login());
        assertThat(portal.get("/portal/attachments/" + file.get("id")).body()).isEqualTo(picture);

        Browser admin = login("desk", data.member(Role.ADMIN).email());
        HttpResponse<byte[]> eml = admin.get("/desk/admin/mail/inbound/" + inboundId + "/raw");
        assertThat(eml.statusCode()).isEqualTo(200);
        assertThat(eml.body()).isEqualTo(raw);
        assertThat(admin.get("/desk/admin/mail/inbound/" + inboundId).statusCode())
                .as("the message page parses the copy read from the bucket")
                .isEqualTo(200);
    }

    @Test
    void aTwentyMegabyteFileIsStreamedToTheBucketAndBack() throws Exception {
        Client client = data.client();
        int size = 20 * 1024 * 1024;
        byte[] file = randomBytes(size, 3);
        Browser portal = login("portal", client.login());

        HttpResponse<String> created =
                portal.newRequest("Резервная копия сайта", "backup.zip", "application/zip", file);
        assertThat(created.statusCode()).isEqualTo(302);
        Map<String, Object> row = attachmentOf(
                created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
        String name = ((String) row.get("content_key")).substring(3);
        LocalS3Server.StoredObject object = S3.object(name);
        assertThat(object.content()).isEqualTo(file);
        // The SDK sent the upload as it read it, in signed chunks of a declared total length; it did
        // not read the whole body first to sign it (which an unchunked signed upload must do).
        assertThat(object.putHeaders().get("x-amz-content-sha256")).startsWith("STREAMING-");
        assertThat(object.putHeaders().get("x-amz-decoded-content-length")).isEqualTo(Integer.toString(size));

        // the download is read as a stream and hashed on the way
        HttpResponse<InputStream> download = portal.stream("/portal/attachments/" + row.get("id"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Length")).hasValue(Integer.toString(size));
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long read = 0;
        try (InputStream in = download.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                read += n;
            }
        }
        assertThat(read).isEqualTo(size);
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(sha256(file));
    }

    @Test
    void anObjectPutInATransactionThatRollsBackIsRemoved() {
        int before = S3.size();
        String[] key = new String[1];
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                    key[0] = blobs.put(new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "text/plain");
                    assertThat(S3.object(key[0].substring(3))).isNotNull();
                    throw new IllegalStateException("the owner's row could not be written");
                }))
                .hasMessageContaining("owner's row");
        assertThat(S3.object(key[0].substring(3))).isNull();
        assertThat(S3.size()).isEqualTo(before);
    }

    private Map<String, Object> attachmentOf(String tid) {
        return jdbc.queryForMap("""
                select a.id, a.content, a.content_key, a.size_bytes, a.sha256 from ticket_attachment a
                  join ticket t on t.id = a.ticket_id where t.tid = ?""", tid);
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static byte[] mail(String from, String subject, String filename, String type, byte[] content) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipients(MimeMessage.RecipientType.TO, "support@tidesk.local");
        message.setSubject(subject, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Во вложении скриншот", "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setContent(content, type);
        file.setFileName(filename);
        file.setHeader("Content-Transfer-Encoding", "base64");
        message.setContent(new MimeMultipart(text, file));
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private Browser login(String area, String login) throws Exception {
        return login(port, area, login);
    }

    /** Signs in through the login form of an area on the application's port. */
    static Browser login(int port, String area, String login) throws Exception {
        Browser browser = new Browser(port);
        String form = browser.text("/" + area + "/login").body();
        Matcher token = CSRF_INPUT.matcher(form);
        assertThat(token.find()).as("CSRF token on the login page").isTrue();
        HttpResponse<String> done = browser.postForm(
                "/" + area + "/login",
                Map.of("username", login, "password", TestData.PASSWORD, "_csrf", token.group(1)));
        assertThat(done.headers().firstValue("Location").orElse("")).doesNotContain("error");
        Matcher meta = CSRF_META.matcher(browser.text("/" + area).body());
        assertThat(meta.find()).as("CSRF token after login").isTrue();
        browser.csrf = meta.group(1);
        return browser;
    }

    /** One user's cookies over the application's real HTTP port. */
    static final class Browser {

        final int port;
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String csrf;

        Browser(int port) {
            this.port = port;
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        HttpResponse<String> text(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<InputStream> stream(String path) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        }

        HttpResponse<String> postForm(String path, Map<String, String> fields) throws Exception {
            String body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** The portal's new-request form with one file, sent as multipart/form-data from a file on disk. */
        HttpResponse<String> newRequest(String subject, String filename, String type, byte[] content) throws Exception {
            Path upload = Files.createTempFile("tidesk-upload", ".bin");
            try {
                Files.write(upload, content);
                String boundary = "----tidesk" + System.nanoTime();
                StringBuilder fields = new StringBuilder();
                for (Map.Entry<String, String> field : Map.of(
                                "subject", subject, "body", "Файл во вложении", "urgency", "NORMAL", "_csrf", csrf)
                        .entrySet()) {
                    fields.append("--")
                            .append(boundary)
                            .append("\r\nContent-Disposition: form-data; name=\"")
                            .append(field.getKey())
                            .append("\"\r\n\r\n")
                            .append(field.getValue())
                            .append("\r\n");
                }
                fields.append("--")
                        .append(boundary)
                        .append("\r\nContent-Disposition: form-data; name=\"files\"; filename=\"")
                        .append(filename)
                        .append("\"\r\nContent-Type: ")
                        .append(type)
                        .append("\r\n\r\n");
                List<BodyPublisher> parts = List.of(
                        BodyPublishers.ofString(fields.toString(), StandardCharsets.UTF_8),
                        BodyPublishers.ofFile(upload),
                        BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
                return http.send(
                        HttpRequest.newBuilder(uri("/portal/requests"))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(BodyPublishers.concat(parts.toArray(BodyPublisher[]::new)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } finally {
                Files.deleteIfExists(upload);
            }
        }
    }
}
