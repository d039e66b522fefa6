package dev.tidesk.workspace;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.CRC32;
import org.springframework.data.domain.Slice;
import org.springframework.ui.Model;

/**
 * What an open queue shows, in a few characters: its rows (with status, assignee and urgency), the
 * unread marks and the views' counts. The page asks again every few seconds with the fingerprint it
 * has, and is answered "nothing changed" unless this differs. The same on every node: it is built
 * from values, never from identity hash codes.
 */
final class QueueFingerprint {

    private QueueFingerprint() {}

    static String of(Model model) {
        StringBuilder shown = new StringBuilder();
        Object entries = model.getAttribute("entries");
        Object slice = model.getAttribute("slice");
        shown.append(entries != null ? entries : slice instanceof Slice<?> s ? s.getContent() : "");
        shown.append('|').append(slice instanceof Slice<?> s ? s.hasNext() : "");
        if (model.getAttribute("unseen") instanceof Collection<?> unseen) {
            shown.append('|')
                    .append(new TreeSet<Object>(
                            unseen.stream().map(String::valueOf).toList()));
        }
        if (model.getAttribute("tagsByTicket") instanceof Map<?, ?> tags) {
            shown.append('|').append(byKey(tags));
        }
        if (model.getAttribute("counts") instanceof Map<?, ?> counts) {
            shown.append('|').append(byKey(counts));
        }
        CRC32 crc = new CRC32();
        crc.update(shown.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    /** A map in the order of its keys' text: the same on every node, whatever map it was. */
    private static Map<String, Object> byKey(Map<?, ?> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        return sorted;
    }
}
