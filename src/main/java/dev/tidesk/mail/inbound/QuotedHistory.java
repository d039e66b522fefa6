package dev.tidesk.mail.inbound;

import java.util.regex.Pattern;

/**
 * Cuts the quoted history off a reply for display; the raw message keeps all of it. Signatures
 * stay. What counts as the start of history: the "On ... wrote:" lines of Gmail, Thunderbird and
 * Apple Mail in English and Russian, Outlook's "-----Original Message-----" and From:/От: blocks,
 * and a trailing block of "&gt;" lines.
 */
final class QuotedHistory {

    private static final Pattern[] STARTS = {
        Pattern.compile(
                "^-{2,}\\s*(original message|исходное сообщение|forwarded message|пересылаемое сообщение)\\s*-{2,}.*$",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
        Pattern.compile("^(on|le|am)\\s.{4,200}(wrote|a écrit|schrieb)\\s*:\\s*$", Pattern.CASE_INSENSITIVE),
        Pattern.compile(
                "^.{0,200}(пишет|написал|написала|написал\\(а\\))\\s*:\\s*$",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
        Pattern.compile("^(from|от)\\s*:\\s.+$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
        Pattern.compile("^_{20,}\\s*$"),
        // Gmail in Russian: "пн, 3 мар. 2025 г. в 10:00, Tidesk <support@x.ru>:"
        Pattern.compile("^.{0,200}<[^<>\\s]+@[^<>\\s]+>\\s*:\\s*$"),
    };

    /** What a line must show before its pattern is tried: most lines are skipped without a regex. */
    private static final LinePrecheck[] MAY_START = {
        (line, colon) -> line.startsWith("--"),
        (line, colon) -> colon,
        (line, colon) -> colon,
        (line, colon) -> line.indexOf(':') > 0,
        (line, colon) -> line.startsWith("__"),
        (line, colon) -> colon,
    };

    private interface LinePrecheck {
        boolean test(String line, boolean endsWithColon);
    }

    private QuotedHistory() {}

    static String strip(String text) {
        if (text == null) {
            return "";
        }
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        int cut = lines.length;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (isStart(line, lines, i)) {
                cut = i;
                break;
            }
        }
        // a trailing block of quoted lines
        int end = cut;
        while (end > 0 && (lines[end - 1].strip().startsWith(">") || lines[end - 1].isBlank())) {
            end--;
        }
        boolean quotedTail = false;
        for (int i = end; i < cut; i++) {
            if (lines[i].strip().startsWith(">")) {
                quotedTail = true;
            }
        }
        if (quotedTail) {
            cut = end;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cut; i++) {
            out.append(lines[i]).append('\n');
        }
        String result = out.toString().strip();
        return result.isEmpty() ? text.strip() : result;
    }

    private static boolean isStart(String line, String[] lines, int i) {
        if (line.length() < 3) {
            return false;
        }
        boolean endsWithColon = line.endsWith(":");
        for (int p = 0; p < STARTS.length; p++) {
            if (!MAY_START[p].test(line, endsWithColon)) {
                continue;
            }
            if (STARTS[p].matcher(line).matches()) {
                if (p == 3) {
                    // an Outlook header block: From: followed by Sent:/Date:/Отправлено: within three lines
                    for (int j = i + 1; j < Math.min(lines.length, i + 4); j++) {
                        if (lines[j].strip().matches("(?iu)^(sent|date|to|subject|отправлено|дата|кому|тема)\\s*:.*")) {
                            return true;
                        }
                    }
                    return false;
                }
                return true;
            }
        }
        return false;
    }
}
