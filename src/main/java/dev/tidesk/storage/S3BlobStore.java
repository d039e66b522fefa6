package dev.tidesk.storage;

import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Contents in an S3-compatible object store (AWS SDK v2 over the JDK's HTTP connection). An upload
 * is the caller's stream sent with its length, a download the response body itself: neither is
 * buffered whole. Checksums are sent and checked only where the API requires them, which servers
 * other than AWS accept.
 */
class S3BlobStore implements BlobStore, AutoCloseable {

    static final String PREFIX = "s3:";

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3BlobStore(StorageSettings settings) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException("tidesk.storage.bucket is required for the S3 store");
        }
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        this.s3 = builder.build();
        this.bucket = settings.bucket();
        this.prefix = settings.prefix();
    }

    private static AwsCredentialsProvider credentials(StorageSettings settings) {
        if (settings.accessKey() == null || settings.accessKey().isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    }

    @Override
    public String put(InputStream content, long length, String contentType) {
        String name = prefix + UUID.randomUUID();
        s3.putObject(
                PutObjectRequest.builder()
                        .bucket(bucket)
                        .key(name)
                        .contentType(contentType == null ? "application/octet-stream" : contentType)
                        .contentLength(length)
                        .build(),
                RequestBody.fromInputStream(content, length));
        return PREFIX + name;
    }

    @Override
    public InputStream open(String key) {
        try {
            return s3.getObject(GetObjectRequest.builder()
                    .bucket(bucket)
                    .key(objectName(key))
                    .build());
        } catch (NoSuchKeyException e) {
            throw new IllegalStateException("No stored content " + key, e);
        }
    }

    @Override
    public long size(String key) {
        try {
            return s3.headObject(HeadObjectRequest.builder()
                            .bucket(bucket)
                            .key(objectName(key))
                            .build())
                    .contentLength();
        } catch (NoSuchKeyException e) {
            throw new IllegalStateException("No stored content " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(DeleteObjectRequest.builder()
                .bucket(bucket)
                .key(objectName(key))
                .build());
    }

    /** The object's name in the bucket. */
    static String objectName(String key) {
        return key.substring(PREFIX.length());
    }

    @Override
    public void close() {
        s3.close();
    }
}
