package dev.tidesk.storage;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Contents in PostgreSQL, table {@code storage_blob}. The bytes go to the server as a stream of the
 * announced length, and come back in slices of {@value #SLICE} bytes ({@code substring} on a column
 * stored uncompressed reads only the slice's pages), so no whole file is held on either way.
 */
class DatabaseBlobStore implements BlobStore {

    static final String PREFIX = "db:";
    static final int SLICE = 1024 * 1024;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DatabaseBlobStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String put(InputStream content, long length, String contentType) {
        String key = PREFIX + UUID.randomUUID();
        jdbc.update(
                "insert into storage_blob (key, content, content_type, size_bytes, created_at) values (?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, key);
                    ps.setBinaryStream(2, content, length);
                    ps.setString(3, contentType == null ? "application/octet-stream" : contentType);
                    ps.setLong(4, length);
                    ps.setTimestamp(5, Timestamp.from(clock.instant()));
                });
        return key;
    }

    @Override
    public InputStream open(String key) {
        return new Slices(key, size(key));
    }

    @Override
    public long size(String key) {
        List<Long> size = jdbc.queryForList("select size_bytes from storage_blob where key = ?", Long.class, key);
        if (size.isEmpty()) {
            throw new IllegalStateException("No stored content " + key);
        }
        return size.get(0);
    }

    @Override
    public void delete(String key) {
        jdbc.update("delete from storage_blob where key = ?", key);
    }

    /** Reads a content slice by slice, each in its own short query. */
    private final class Slices extends InputStream {

        private final String key;
        private final long size;
        private long position;
        private byte[] slice = new byte[0];
        private int inSlice;

        Slices(String key, long size) {
            this.key = key;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return slice[inSlice++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, slice.length - inSlice);
            System.arraycopy(slice, inSlice, b, off, n);
            inSlice += n;
            return n;
        }

        @Override
        public int available() {
            return slice.length - inSlice;
        }

        private boolean fill() throws IOException {
            if (inSlice < slice.length) {
                return true;
            }
            if (position >= size) {
                return false;
            }
            int want = (int) Math.min(SLICE, size - position);
            byte[] next = jdbc.queryForObject(
                    "select substring(content from ?::int for ?::int) from storage_blob where key = ?",
                    byte[].class,
                    Math.toIntExact(position + 1),
                    want,
                    key);
            if (next == null || next.length == 0) {
                throw new IOException("Stored content " + key + " ends at " + position + " of " + size + " bytes");
            }
            slice = next;
            inSlice = 0;
            position += next.length;
            return true;
        }
    }
}
