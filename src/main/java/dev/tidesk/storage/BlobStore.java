package dev.tidesk.storage;

import java.io.InputStream;

/** A place for file contents, each under a key the store chooses. */
public interface BlobStore {

    /**
     * Stores {@code length} bytes read from {@code content} (not closed here) and returns the key to
     * read them back with.
     */
    String put(InputStream content, long length, String contentType);

    /** The content of a key; the caller closes the stream. */
    InputStream open(String key);

    /** The length of a content in bytes. */
    long size(String key);

    /** Removes a content; a key that is gone already is no error. */
    void delete(String key);
}
