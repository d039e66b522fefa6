package dev.tidesk.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tidesk.TestData;
import dev.tidesk.TestData.Client;
import dev.tidesk.mail.MailIntake;
import dev.tidesk.storage.S3StorageTests.Browser;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The S3 store against a real S3-compatible server run in this JVM: S3Proxy (from Maven Central)
 * on jclouds' in-memory blob store, checking AWS signatures (V4, with the SDK's signed chunks).
 */
@Tag("integration")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tidesk.storage.type=s3",
            "tidesk.storage.bucket=tidesk-proxy",
            "tidesk.storage.region=us-east-1",
            "tidesk.storage.access-key=tidesk-access",
            "tidesk.storage.secret-key=tidesk-secret",
            "tidesk.storage.path-style=true"
        })
class S3ProxyStorageTests {

    static final BlobStoreContext BLOBS = ContextBuilder.newBuilder("transient")
            .credentials("identity", "credential")
            .build(BlobStoreContext.class);
    static final S3Proxy PROXY = start();

    private static S3Proxy start() {
        try {
            BLOBS.getBlobStore().createContainerInLocation(null, "tidesk-proxy");
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(BLOBS.getBlobStore())
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V4, "tidesk-access", "tidesk-secret")
                    .build();
            proxy.start();
            // polled on this thread: another one would wait for this class's initialization to end
            await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> "STARTED".equals(proxy.getState()));
            return proxy;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("tidesk.storage.endpoint", () -> "http://127.0.0.1:" + PROXY.getPort());
    }

    @AfterAll
    static void stop() throws Exception {
        PROXY.stop();
        BLOBS.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MailIntake intake;

    @Test
    void uploadsAndMailGoThroughARealS3Server() throws Exception {
        TestData data = new TestData(context);
        Client owner = data.client();
        Client stranger = data.client();
        byte[] file = S3StorageTests.randomBytes(5 * 1024 * 1024 + 17, 5);
        Browser portal = S3StorageTests.login(port, "portal", owner.login());

        HttpResponse<String> created = portal.newRequest("Макет главной", "maket.png", "image/png", file);
        assertThat(created.statusCode()).isEqualTo(302);
        Map<String, Object> row = jdbc.queryForMap(
                """
                select a.id, a.content, a.content_key from ticket_attachment a join ticket t on t.id = a.ticket_id
                 where t.tid = ?""", created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
        assertThat(row.get("content")).isNull();
        String key = (String) row.get("content_key");
        assertThat(stored(key)).isEqualTo(file);
        assertThat(BLOBS.getBlobStore()
                        .blobMetadata("tidesk-proxy", key.substring(3))
                        .getContentMetadata()
                        .getContentType())
                .isEqualTo("image/png");

        HttpResponse<byte[]> download = portal.get("/portal/attachments/" + row.get("id"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(file);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(S3StorageTests.login(port, "portal", stranger.login())
                        .get("/portal/attachments/" + row.get("id"))
                        .statusCode())
                .isEqualTo(404);

        byte[] pdf = S3StorageTests.randomBytes(40_000, 6);
        byte[] raw = S3StorageTests.mail(owner.login(), "Счёт", "schet.pdf", "application/pdf", pdf);
        long inboundId = intake.receive("smtp", raw).id();
        Map<String, Object> mail =
                jdbc.queryForMap("select raw_key, ticket_id from mail_inbound where id = ?", inboundId);
        assertThat(stored((String) mail.get("raw_key"))).isEqualTo(raw);
        String fileKey = jdbc.queryForObject(
                "select content_key from ticket_attachment where ticket_id = ?", String.class, mail.get("ticket_id"));
        assertThat(stored(fileKey)).isEqualTo(pdf);
    }

    private static byte[] stored(String key) throws Exception {
        Blob blob = BLOBS.getBlobStore().getBlob("tidesk-proxy", key.substring("s3:".length()));
        assertThat(blob).as("object %s in the bucket", key).isNotNull();
        try (InputStream in = blob.getPayload().openStream()) {
            return in.readAllBytes();
        }
    }
}
