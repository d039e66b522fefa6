package dev.tidesk.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The stores behind one API: new contents go to the configured store ({@code tidesk.storage.type});
 * a key is read and deleted in the store that made it, whatever is configured now, so switching
 * stores leaves older contents readable. Puts into the object store made within a transaction that
 * rolls back are removed again; the database's roll back with it.
 */
@Component
public class Blobs implements BlobStore, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Blobs.class);

    private final DatabaseBlobStore database;
    private final S3BlobStore s3;
    private final BlobStore target;

    Blobs(JdbcTemplate jdbc, Clock clock, StorageSettings settings) {
        this.database = new DatabaseBlobStore(jdbc, clock);
        boolean s3Configured = settings.bucket() != null && !settings.bucket().isBlank();
        if (settings.type() == StorageSettings.Type.S3 && !s3Configured) {
            throw new IllegalStateException("tidesk.storage.type=s3 needs tidesk.storage.bucket");
        }
        this.s3 = s3Configured ? new S3BlobStore(settings) : null;
        this.target = settings.type() == StorageSettings.Type.S3 ? s3 : database;
        log.info(
                "New attachments and raw mail are stored in {}",
                settings.type() == StorageSettings.Type.S3 ? "the S3 bucket " + settings.bucket() : "the database");
    }

    @Override
    public String put(InputStream content, long length, String contentType) {
        String key = target.put(content, length, contentType);
        if (target != database && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        deleteQuietly(key);
                    }
                }
            });
        }
        return key;
    }

    @Override
    public InputStream open(String key) {
        return store(key).open(key);
    }

    @Override
    public long size(String key) {
        return store(key).size(key);
    }

    @Override
    public void delete(String key) {
        store(key).delete(key);
    }

    /** Removes a content no row refers to; a failure is logged, not thrown. */
    public void deleteQuietly(String key) {
        try {
            delete(key);
        } catch (RuntimeException e) {
            log.warn("Stored content {} not removed: {}", key, e.toString());
        }
    }

    /** The whole content, for what must read all of it at once (a mail to parse). */
    public byte[] read(String key) {
        try (InputStream in = open(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #resource(String, long)}, asking the store for the length. */
    public Resource resource(String key) {
        return resource(key, size(key));
    }

    /**
     * The content as a resource of known length that opens its stream only when read, for a
     * download written straight from the store to the response.
     */
    public Resource resource(String key, long length) {
        return new AbstractResource() {
            @Override
            public InputStream getInputStream() {
                return open(key);
            }

            @Override
            public long contentLength() {
                return length;
            }

            @Override
            public boolean exists() {
                return true;
            }

            @Override
            public boolean isReadable() {
                return true;
            }

            @Override
            public String getDescription() {
                return "stored content " + key;
            }
        };
    }

    private BlobStore store(String key) {
        if (key.startsWith(DatabaseBlobStore.PREFIX)) {
            return database;
        }
        if (key.startsWith(S3BlobStore.PREFIX)) {
            if (s3 == null) {
                throw new IllegalStateException(
                        "Content " + key + " is in the S3 store, which is not configured (tidesk.storage.bucket)");
            }
            return s3;
        }
        throw new IllegalArgumentException("Not a storage key: " + key);
    }

    @Override
    public void destroy() {
        if (s3 != null) {
            s3.close();
        }
    }
}
