/**
 * Where file contents live: attachments of requests and the raw copies of inbound mail. {@link
 * dev.tidesk.storage.Blobs} puts a content into the configured store (the database by default, or
 * an S3-compatible object store with {@code tidesk.storage.type=s3}) and hands back its key, which
 * the owner's row keeps; contents stream in and out, never held whole on the way.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Storage",
        allowedDependencies = {})
package dev.tidesk.storage;
