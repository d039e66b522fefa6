package dev.tidesk.storage;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A small S3-compatible server for tests: one bucket, path-style addressing, and the object calls
 * Tidesk makes (PUT, GET, HEAD, DELETE), spoken over real HTTP to the AWS SDK. A PUT body may come
 * as {@code aws-chunked} (the SDK's streaming upload, chunk signatures not checked). It keeps what
 * it was sent and how, for a test to look at.
 */
final class LocalS3Server implements AutoCloseable {

    /** An object as the server keeps it, with the headers of the PUT that made it. */
    record StoredObject(byte[] content, String contentType, Map<String, String> putHeaders) {}

    private final String bucket;
    private final HttpServer server;
    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();

    LocalS3Server(String bucket) throws IOException {
        this.bucket = bucket;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The object under a name in the bucket, or null. */
    StoredObject object(String name) {
        return objects.get(name);
    }

    int size() {
        return objects.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String prefix = "/" + bucket + "/";
            if (!path.startsWith(prefix) || path.length() == prefix.length()) {
                error(exchange, 404, "NoSuchBucket");
                return;
            }
            String name = java.net.URLDecoder.decode(path.substring(prefix.length()), StandardCharsets.UTF_8);
            switch (exchange.getRequestMethod()) {
                case "PUT" -> put(exchange, name);
                case "GET" -> get(exchange, name, true);
                case "HEAD" -> get(exchange, name, false);
                case "DELETE" -> {
                    objects.remove(name);
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> error(exchange, 405, "MethodNotAllowed");
            }
        }
    }

    private void put(HttpExchange exchange, String name) throws IOException {
        Headers headers = exchange.getRequestHeaders();
        String sha = headers.getFirst("x-amz-content-sha256");
        String encoding = headers.getFirst("Content-Encoding");
        boolean chunked =
                (sha != null && sha.startsWith("STREAMING-")) || (encoding != null && encoding.contains("aws-chunked"));
        byte[] content;
        try (InputStream in = exchange.getRequestBody()) {
            content = chunked ? awsChunked(in) : in.readAllBytes();
        }
        Map<String, String> seen = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> seen.put(k, String.join(",", v)));
        objects.put(name, new StoredObject(content, headers.getFirst("Content-Type"), seen));
        exchange.getResponseHeaders()
                .add("ETag", "\"" + Integer.toHexString(java.util.Arrays.hashCode(content)) + "\"");
        exchange.sendResponseHeaders(200, -1);
    }

    private void get(HttpExchange exchange, String name, boolean body) throws IOException {
        StoredObject object = objects.get(name);
        if (object == null) {
            if (body) {
                error(exchange, 404, "NoSuchKey");
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            return;
        }
        Headers out = exchange.getResponseHeaders();
        out.add("Content-Type", object.contentType() == null ? "application/octet-stream" : object.contentType());
        out.add("ETag", "\"" + Integer.toHexString(java.util.Arrays.hashCode(object.content())) + "\"");
        out.add(
                "Last-Modified",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
        if (!body) {
            out.add("Content-Length", Integer.toString(object.content().length));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, object.content().length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(object.content());
        }
    }

    private static void error(HttpExchange exchange, int status, String code) throws IOException {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + code
                        + "</Message></Error>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, xml.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(xml);
        }
    }

    /** The payload of an aws-chunked body: hex size[;extensions] CRLF data CRLF, ..., 0 and trailers. */
    static byte[] awsChunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String header = line(in);
            int semicolon = header.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? header : header.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                in.readAllBytes(); // trailers (checksums) and the final CRLF
                return out.toByteArray();
            }
            out.write(in.readNBytes(size));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
