package dev.tidesk.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where new contents go. The database is the default; {@code s3} needs at least the bucket (and,
 * off AWS, the endpoint). Switching moves nothing: contents stay readable where they were put.
 *
 * @param type     {@code database} or {@code s3}
 * @param endpoint the S3-compatible server, e.g. {@code https://storage.yandexcloud.net}; none: AWS
 * @param region   the signing region ({@code us-east-1} when none is given)
 * @param bucket   the bucket, which must exist
 * @param accessKey the access key id; none: the SDK's default credentials (environment, profile)
 * @param secretKey the secret access key
 * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}, as most
 *                 servers other than AWS want
 * @param prefix   put before every object's name, e.g. {@code tidesk/}
 */
@ConfigurationProperties("tidesk.storage")
public record StorageSettings(
        Type type,
        String endpoint,
        String region,
        String bucket,
        String accessKey,
        String secretKey,
        boolean pathStyle,
        String prefix) {

    public enum Type {
        DATABASE,
        S3
    }

    public StorageSettings {
        type = type == null ? Type.DATABASE : type;
        region = region == null || region.isBlank() ? "us-east-1" : region;
        prefix = prefix == null ? "" : prefix;
    }
}
