package dev.tidesk.mail.inbound;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Reads a raw message into a {@link ParsedMail}: text and HTML bodies, attachments with decoded
 * names, inline {@code cid:} images, Russian charsets, RFC 2047 and 2231 words, delivery status
 * reports. Never throws for bad input: what cannot be read is noted in the warnings.
 */
public final class MailParser {

    static final int MAX_DEPTH = 20;
    /** How deep forwarded messages inside forwarded messages are read; deeper ones stay files. */
    static final int MAX_FORWARD_LEVEL = 3;
    /** How many forwarded messages of one mail are read. */
    static final int MAX_FORWARDED = 10;

    static final int MAX_PARTS = 2000;
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern VALID_ADDRESS =
            Pattern.compile("[^\\s<>\"(),;:@\\[\\]]+@[^\\s<>\"(),;:@\\[\\]]+\\.[^\\s<>\"(),;:@\\[\\].]+");
    private static final Pattern ANY_ADDRESS =
            Pattern.compile("[^\\s<>\"(),;:@\\[\\]]+@[^\\s<>\"(),;:@\\[\\]]+\\.[^\\s<>\"(),;:@\\[\\].]+");
    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final Session SESSION;

    static {
        // Jakarta Mail 2.1 looks up its StreamProvider through the ServiceLoader on every header block
        // it reads, scanning every jar of the class path each time (jakartaee/mail-api#861); naming
        // the implementation makes that a class lookup, which the class loader caches.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        Properties props = new Properties();
        props.setProperty("mail.mime.allowutf8", "true");
        props.setProperty("mail.mime.address.strict", "false");
        props.setProperty("mail.mime.parameters.strict", "false");
        props.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        props.setProperty("mail.mime.multipart.allowempty", "true");
        props.setProperty("mail.mime.base64.ignoreerrors", "true");
        props.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        // an unknown Content-Transfer-Encoding ("8bits", "plain", garbage) is read as it is, like 8bit
        props.setProperty("mail.mime.ignoreunknownencoding", "true");
        SESSION = Session.getInstance(props);
    }

    private MailParser() {}

    /** The header block of a raw message (its first 256 KB at most); empty when unreadable. */
    public static InternetHeaders headers(byte[] raw) {
        try {
            return new InternetHeaders(new ByteArrayInputStream(raw, 0, Math.min(raw.length, 256 * 1024)), true);
        } catch (MessagingException | RuntimeException e) {
            return new InternetHeaders();
        }
    }

    static MimeMessage mime(byte[] raw) throws MessagingException {
        return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    }

    public static ParsedMail parse(byte[] raw) {
        return parse(raw, 0);
    }

    /** {@code level} counts the forwarded messages this one is nested in. */
    private static ParsedMail parse(byte[] raw, int level) {
        Walk walk = new Walk(level, raw);
        Map<String, String> headers = new LinkedHashMap<>();
        String messageId = null;
        String inReplyTo = null;
        List<String> references = List.of();
        String fromAddress = null;
        String fromName = null;
        String subject = null;
        Instant sentAt = null;
        try {
            MimeMessage message = mime(raw);
            for (Enumeration<Header> e = message.getAllHeaders(); e.hasMoreElements(); ) {
                Header h = e.nextElement();
                headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue() == null ? "" : h.getValue());
            }
            messageId = firstId(headers.get("message-id"));
            inReplyTo = firstId(headers.get("in-reply-to"));
            references = ids(headers.get("references"));
            // the sender: the first valid address of From, else of Sender, else of Reply-To
            for (String name : new String[] {"from", "sender", "reply-to"}) {
                String value = headers.get(name);
                if (value == null || fromAddress != null) {
                    continue;
                }
                try {
                    for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                        if (a.getAddress() != null
                                && VALID_ADDRESS.matcher(a.getAddress().strip()).matches()) {
                            fromAddress = a.getAddress().strip();
                            fromName = a.getPersonal() == null ? null : decodeWords(a.getPersonal());
                            break;
                        }
                    }
                } catch (MessagingException | RuntimeException ex) {
                    walk.warn(name + ": " + ex.getMessage());
                }
                if (fromAddress == null) {
                    // "Test test@example.com" and the like: the address that is there, not one made up
                    Matcher m = ANY_ADDRESS.matcher(value);
                    fromAddress = m.find() ? m.group() : null;
                }
            }
            if (fromAddress != null) {
                fromAddress = fromAddress.toLowerCase(Locale.ROOT);
            }
            subject = headers.containsKey("subject")
                    ? decodeWords(fixEightBit(headers.get("subject"), raw, "Subject"))
                    : null;
            try {
                sentAt = message.getSentDate() == null
                        ? null
                        : message.getSentDate().toInstant();
            } catch (MessagingException ex) {
                walk.warn("Date: " + ex.getMessage());
            }
            walk.part(message, 0, false);
        } catch (MessagingException | RuntimeException e) {
            walk.warn("Unreadable message: " + e);
            if (walk.text.isEmpty()) {
                walk.text.append(new String(raw, StandardCharsets.UTF_8));
            }
        }
        String text = walk.text.toString().strip();
        String html = walk.html.isEmpty() ? null : walk.html.toString();
        if (text.isEmpty() && html != null) {
            text = HtmlText.of(html);
        }
        return new ParsedMail(
                messageId,
                inReplyTo,
                references,
                fromAddress,
                fromName,
                subject == null ? "" : subject.strip(),
                sentAt,
                text,
                html,
                List.copyOf(walk.files),
                Map.copyOf(headers),
                walk.dsn,
                List.copyOf(walk.warnings),
                List.copyOf(walk.forwarded));
    }

    /** Walks the MIME tree, bounded in depth and number of parts. */
    private static final class Walk {
        final StringBuilder text = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<ParsedMail.Part> files = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final List<ParsedMail.Forwarded> forwarded = new ArrayList<>();
        final int level;
        final byte[] raw;
        ParsedMail.Dsn dsn;
        int parts;

        Walk(int level, byte[] raw) {
            this.level = level;
            this.raw = raw;
        }

        void warn(String w) {
            if (warnings.size() < 50) {
                warnings.add(w);
            }
        }

        void part(Part part, int depth, boolean inAlternative) {
            if (++parts > MAX_PARTS) {
                if (parts == MAX_PARTS + 1) {
                    warn("More than " + MAX_PARTS + " parts; the rest are only in the original");
                }
                return;
            }
            if (depth > MAX_DEPTH) {
                warn("Nested deeper than " + MAX_DEPTH + "; the rest is only in the original");
                return;
            }
            try {
                ContentType type = contentType(part);
                String base = type.getBaseType().toLowerCase(Locale.ROOT);
                String filename = filename(part, type);
                if (filename != null && filename.indexOf('\uFFFD') >= 0) {
                    filename = eightBitName(filename, raw);
                }
                boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(safeDisposition(part)) || filename != null;
                if (base.startsWith("multipart/")) {
                    multipart(part, type, base, depth);
                } else if (base.equals("message/delivery-status")) {
                    dsn = deliveryStatus(bytes(part), dsn);
                } else if ((base.equals("message/rfc822") || base.equals("text/rfc822-headers")) && dsn != null) {
                    dsn = withOriginal(dsn, bytes(part));
                    file(part, filename == null ? "original.eml" : filename, base, null);
                } else if (base.equals("message/rfc822")) {
                    byte[] nested = bytes(part);
                    ParsedMail inner = level < MAX_FORWARD_LEVEL ? MailParser.parse(nested, level + 1) : null;
                    String name = filename;
                    if (name == null) {
                        name = safeName((inner == null || inner.subject().isBlank() ? "message" : inner.subject()))
                                + ".eml";
                    }
                    files.add(new ParsedMail.Part(name, "message/rfc822", nested, null, false));
                    if (inner != null && forwarded.size() < MAX_FORWARDED) {
                        forwarded.add(new ParsedMail.Forwarded(
                                inner.fromAddress(), inner.fromName(), inner.subject(), inner.sentAt(), inner.text()));
                    }
                } else if (base.equals("text/plain") && !attachment) {
                    if (!inAlternative || text.isEmpty()) {
                        String t = decode(bytes(part), type.getParameter("charset"));
                        if ("flowed".equalsIgnoreCase(type.getParameter("format"))) {
                            t = unflow(t, "yes".equalsIgnoreCase(type.getParameter("delsp")));
                        }
                        appendText(t);
                    }
                } else if (base.equals("text/html") && !attachment) {
                    String h = decode(bytes(part), type.getParameter("charset"));
                    if (html.length() + h.length() < 5_000_000) {
                        html.append(h);
                    }
                } else {
                    String cid = firstId(header(part, "Content-ID"));
                    boolean inline = cid != null && !Part.ATTACHMENT.equalsIgnoreCase(safeDisposition(part));
                    file(
                            part,
                            filename == null ? defaultName(base, files.size() + 1) : filename,
                            base,
                            inline ? cid : null);
                }
            } catch (MessagingException | IOException | RuntimeException e) {
                warn("Part skipped: " + e);
            }
        }

        private void appendText(String s) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(s);
        }

        private void multipart(Part part, ContentType type, String base, int depth)
                throws MessagingException, IOException {
            Object content = part.getContent();
            if (!(content instanceof Multipart multipart)) {
                appendText(decode(bytes(part), type.getParameter("charset")));
                return;
            }
            int count;
            try {
                count = multipart.getCount();
            } catch (MessagingException e) {
                warn("Broken multipart: " + e.getMessage());
                return;
            }
            boolean alternative = base.equals("multipart/alternative");
            if (alternative) {
                // the richest representation is last; text/plain is read first for the text body
                for (int i = 0; i < count; i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    part(child, depth + 1, true);
                }
            } else {
                for (int i = 0; i < count; i++) {
                    part(multipart.getBodyPart(i), depth + 1, false);
                }
            }
        }

        private void file(Part part, String name, String base, String cid) throws MessagingException, IOException {
            if (files.size() >= 1000) {
                warn("More than 1000 files; the rest are only in the original");
                return;
            }
            files.add(new ParsedMail.Part(name, base, bytes(part), cid, cid != null));
        }
    }

    private static ContentType contentType(Part part) {
        try {
            String value = part.getContentType();
            return new ContentType(value == null ? "text/plain" : value);
        } catch (MessagingException | RuntimeException e) {
            try {
                return new ContentType("application/octet-stream");
            } catch (MessagingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    private static String safeDisposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String header(Part part, String name) throws MessagingException {
        String[] values = part.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    /** The file name from Content-Disposition or the Content-Type name, RFC 2231 and 2047 decoded. */
    static String filename(Part part, ContentType type) {
        String name = null;
        try {
            name = part.getFileName();
        } catch (MessagingException | RuntimeException e) {
            // fall back to the type's name parameter
        }
        if (name == null) {
            name = type.getParameter("name");
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        if (isRawEightBit(name)
                && (isRawEightBit(safeHeader(part, "Content-Disposition"))
                        || isRawEightBit(safeHeader(part, "Content-Type")))) {
            // sent as raw 8-bit bytes, which the parser hands over one char per byte: UTF-8 when valid,
            // else the detected charset, never Latin-1
            name = decode(name.getBytes(StandardCharsets.ISO_8859_1), null);
        }
        return decodeWords(name).replaceAll("[\\p{Cntrl}]", "").strip();
    }

    private static final Pattern NAME_PARAMETER =
            Pattern.compile("(?i)\\bname\\s*=\\s*(?:\"([^\"\\r\\n]*)\"|([^;\\s]+))");

    /**
     * A file name sent as raw 8-bit bytes that are not UTF-8 (read as replacement characters): the
     * same parameter's bytes read again from the raw message, as UTF-8 when valid, else in the
     * detected charset (never Latin-1).
     */
    static String eightBitName(String lossy, byte[] raw) {
        String skeleton = lossy.replaceAll("[^\\x20-\\x7e]", "");
        Matcher m = NAME_PARAMETER.matcher(
                new String(raw, 0, Math.min(raw.length, 4 * 1024 * 1024), StandardCharsets.ISO_8859_1));
        while (m.find()) {
            String value = m.group(1) != null ? m.group(1) : m.group(2);
            byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
            if (!isAscii(bytes) && value.replaceAll("[^\\x20-\\x7e]", "").equals(skeleton)) {
                return decode(bytes, null).replaceAll("[\\p{Cntrl}]", "").strip();
            }
        }
        return lossy;
    }

    /**
     * A file name that no file system or download cuts or refuses: path separators and the characters
     * Windows forbids become "_", control characters go; nothing is cut off.
     */
    static String safeName(String name) {
        String s = name.replaceAll("[\\p{Cntrl}]", "")
                .replaceAll("[\\\\/:*?\"<>|]", "_")
                .strip();
        while (s.startsWith(".")) {
            s = s.substring(1);
        }
        return s.length() > 200 ? s.substring(0, 200) : s.isEmpty() ? "message" : s;
    }

    /** Chars 0x80-0xFF and none above: bytes of a raw 8-bit value, one char each. */
    private static boolean isRawEightBit(String s) {
        if (s == null) {
            return false;
        }
        boolean high = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                return false;
            }
            high |= c >= 0x80;
        }
        return high;
    }

    private static String safeHeader(Part part, String name) {
        try {
            return header(part, name);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String defaultName(String base, int n) {
        String ext = switch (base) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "application/pdf" -> ".pdf";
            case "text/calendar" -> ".ics";
            default -> ".bin";
        };
        return "part-" + n + ext;
    }

    /** The decoded content (transfer encoding undone), or the raw bytes when that fails. */
    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return readBounded(in);
        } catch (IOException | MessagingException | RuntimeException e) {
            // an unknown transfer encoding ("8bits", "plain", garbage): the bytes as they are, as 8bit
            if (part instanceof jakarta.mail.internet.MimeBodyPart body) {
                try (InputStream raw = body.getRawInputStream()) {
                    return readBounded(raw);
                }
            }
            if (part instanceof MimeMessage message) {
                try (InputStream raw = message.getRawInputStream()) {
                    return readBounded(raw);
                }
            }
            throw e;
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > 60 * 1024 * 1024) {
                throw new IOException("Part larger than 60 MB");
            }
        }
        return out.toByteArray();
    }

    /**
     * Decodes text in the declared charset. Where the label cannot be right (none or unknown, 8-bit
     * bytes under US-ASCII, bytes that are not UTF-8 under UTF-8), valid UTF-8 is read as UTF-8 and
     * anything else is read in the charset that Mozilla's detector recognises (KOI8-R, windows-1251,
     * ISO-8859-5, IBM866 ...), windows-1251 when it recognises none: the commonest undeclared
     * charset in Russian mail.
     */
    static String decode(byte[] bytes, String declared) {
        Charset charset = charset(declared);
        if (charset != null && !charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.US_ASCII)) {
            return new String(bytes, charset);
        }
        if (charset != null && charset.equals(StandardCharsets.US_ASCII) && isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        return new String(bytes, detected(bytes));
    }

    /** Whether the bytes are plain ASCII or valid UTF-8. */
    public static boolean isAsciiOrUtf8(byte[] bytes) {
        return isAscii(bytes) || strict(bytes, StandardCharsets.UTF_8) != null;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** The charset the detector recognises in 8-bit text, windows-1251 when none. */
    public static Charset detected(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, Math.min(bytes.length, 64 * 1024));
        detector.dataEnd();
        Charset found = charset(detector.getDetectedCharset());
        return found == null || found.equals(StandardCharsets.UTF_8) || found.equals(StandardCharsets.US_ASCII)
                ? WINDOWS_1251
                : found;
    }

    static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        n = switch (n) {
            case "cp1251", "win-1251", "win1251", "x-cp1251", "windows1251" -> "windows-1251";
            case "koi8r", "koi8", "koi-8-r" -> "KOI8-R";
            case "utf8" -> "UTF-8";
            case "iso8859-5", "iso_8859-5", "cyrillic" -> "ISO-8859-5";
            // mail programs read GB2312 labels as GB18030 (a superset of GBK, which senders really use)
            case "gb2312", "gb_2312-80", "euc-cn", "x-euc-cn", "gbk", "cp936", "x-gbk", "csgb2312" -> "GB18030";
            // and ISO-2022-JP with the NEC and IBM extensions (circled digits, roman numerals ...)
            case "iso-2022-jp", "csiso2022jp", "iso2022jp" -> "x-windows-50221";
            default -> n;
        };
        try {
            return Charset.forName(n);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** RFC 2047 words, tolerating unknown charsets and words glued to text. */
    public static String decodeWords(String value) {
        if (value == null) {
            return null;
        }
        String v = value.replaceAll("\\r?\\n[ \\t]+", " ");
        if (!v.contains("=?")) {
            return v;
        }
        // adjacent encoded words are joined without the space between them (RFC 2047 6.2)
        v = v.replaceAll("(\\?=)\\s+(=\\?)", "$1$2");
        Matcher m = Pattern.compile("=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?=").matcher(v);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(v, last, m.start());
            out.append(decodeWord(m.group(1), m.group(2), m.group(3), m.group()));
            last = m.end();
        }
        out.append(v.substring(last));
        return out.toString();
    }

    private static String decodeWord(String charsetName, String encoding, String text, String whole) {
        String cs = charsetName.contains("*") ? charsetName.substring(0, charsetName.indexOf('*')) : charsetName;
        try {
            byte[] bytes;
            if (encoding.equalsIgnoreCase("B")) {
                bytes = java.util.Base64.getMimeDecoder().decode(text.replaceAll("[^A-Za-z0-9+/=]", ""));
            } else {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '_') {
                        out.write(' ');
                    } else if (c == '=' && i + 2 < text.length() + 0 && i + 2 <= text.length() - 1) {
                        out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                        i += 2;
                    } else {
                        out.write(c);
                    }
                }
                bytes = out.toByteArray();
            }
            return decode(bytes, cs);
        } catch (RuntimeException e) {
            try {
                return MimeUtility.decodeWord(whole);
            } catch (Exception again) {
                return whole;
            }
        }
    }

    /**
     * A header sent as raw 8-bit bytes in a single-byte charset comes out of the UTF-8 parser as
     * replacement characters: read those bytes again from the raw message and guess the charset.
     */
    public static String fixEightBit(String value, byte[] raw, String name) {
        if (value == null || value.indexOf('\uFFFD') < 0) {
            return value;
        }
        try {
            int end = headerEnd(raw);
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw, 0, end), false);
            String latin = headers.getHeader(name, null);
            if (latin == null) {
                return value;
            }
            byte[] bytes = latin.getBytes(StandardCharsets.ISO_8859_1);
            return decode(bytes, null);
        } catch (MessagingException | RuntimeException e) {
            return value;
        }
    }

    private static int headerEnd(byte[] raw) {
        for (int i = 0; i + 3 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n' && raw[i + 2] == '\r' && raw[i + 3] == '\n') {
                return i + 4;
            }
            if (raw[i] == '\n' && raw[i + 1] == '\n') {
                return i + 2;
            }
        }
        return raw.length;
    }

    /**
     * Joins the soft line breaks of a {@code format=flowed} text (RFC 3676, as Thunderbird and
     * Apple Mail send it): a line ending in a space continues on the next line of the same quote
     * depth; the signature separator "-- " and space-stuffing are respected.
     */
    static String unflow(String text, boolean delsp) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        StringBuilder out = new StringBuilder();
        StringBuilder paragraph = null;
        int paragraphDepth = 0;
        for (String line : lines) {
            int depth = 0;
            while (depth < line.length() && line.charAt(depth) == '>') {
                depth++;
            }
            String content = line.substring(depth);
            if (content.startsWith(" ")) {
                content = content.substring(1);
            }
            boolean signature = content.equals("-- ");
            boolean soft = !signature && content.endsWith(" ");
            if (paragraph != null && depth != paragraphDepth) {
                flowedLine(out, paragraphDepth, paragraph);
                paragraph = null;
            }
            if (paragraph == null) {
                paragraph = new StringBuilder();
                paragraphDepth = depth;
            }
            paragraph.append(soft && delsp ? content.substring(0, content.length() - 1) : content);
            if (!soft) {
                flowedLine(out, depth, paragraph);
                paragraph = null;
            }
        }
        if (paragraph != null) {
            flowedLine(out, paragraphDepth, paragraph);
        }
        if (out.length() > 0) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    private static void flowedLine(StringBuilder out, int depth, CharSequence line) {
        if (depth > 0) {
            out.append(">".repeat(depth)).append(line.isEmpty() ? "" : " ");
        }
        out.append(line).append('\n');
    }

    /** The bare address of a From header, lower case, or null. */
    public static String address(String header) {
        if (header == null) {
            return null;
        }
        Matcher angle = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>").matcher(header);
        if (angle.find()) {
            return angle.group(1).toLowerCase(Locale.ROOT);
        }
        Matcher bare = Pattern.compile("[^\\s<>\"]+@[^\\s<>\"]+").matcher(header);
        return bare.find() ? bare.group().toLowerCase(Locale.ROOT) : null;
    }

    /** Every address of an address-list header, bare and in lower case; what cannot be read is left out. */
    public static List<String> addresses(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("[^\\s<>\"',;:()]+@[^\\s<>\"',;:()]+").matcher(header);
        while (m.find() && out.size() < 100) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    public static String firstId(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = MESSAGE_ID.matcher(header);
        if (m.find()) {
            return clip(m.group());
        }
        String t = header.strip();
        return t.isEmpty() || t.contains(" ") ? null : clip("<" + t + ">");
    }

    static List<String> ids(String header) {
        if (header == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher m = MESSAGE_ID.matcher(header);
        while (m.find() && ids.size() < 100) {
            ids.add(clip(m.group()));
        }
        return ids;
    }

    private static String clip(String id) {
        return id.length() > 398 ? id.substring(0, 398) : id;
    }

    private static ParsedMail.Dsn deliveryStatus(byte[] bytes, ParsedMail.Dsn previous) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String recipient = field(text, "Final-Recipient");
        if (recipient == null) {
            recipient = field(text, "Original-Recipient");
        }
        if (recipient != null && recipient.contains(";")) {
            recipient = recipient.substring(recipient.indexOf(';') + 1).strip();
        }
        return new ParsedMail.Dsn(
                previous == null ? null : previous.originalMessageId(),
                recipient == null ? null : recipient.toLowerCase(Locale.ROOT),
                field(text, "Action"),
                field(text, "Status"),
                field(text, "Diagnostic-Code"));
    }

    private static ParsedMail.Dsn withOriginal(ParsedMail.Dsn dsn, byte[] original) {
        String text = new String(original, 0, Math.min(original.length, 64 * 1024), StandardCharsets.ISO_8859_1);
        String id = firstId(field(text, "Message-ID"));
        return new ParsedMail.Dsn(id, dsn.finalRecipient(), dsn.action(), dsn.status(), dsn.diagnostic());
    }

    /** A field of a delivery-status part, with its folded continuation lines unfolded. */
    public static String field(String text, String name) {
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + "[ \\t]*:[ \\t]*(.+(?:\\r?\\n[ \\t]+.*)*)$")
                .matcher(text);
        return m.find() ? m.group(1).replaceAll("\\r?\\n[ \\t]+", " ").strip() : null;
    }
}
