package dev.tidesk.mail.inbound;

import dev.tidesk.mail.InboundView;
import dev.tidesk.mail.trust.LoopRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes a message safe to show: HTML through a jsoup {@link Safelist} (no script, style, forms or
 * event handlers), inline {@code cid:} images pointed at our own download route, remote images
 * blocked until staff ask for them (the server never fetches them), links opened apart.
 */
public final class MailDisplay {

    private MailDisplay() {}

    public static InboundDisplay of(InboundView view, ParsedMail parsed, boolean remoteImages) {
        List<InboundDisplay.File> files = new ArrayList<>();
        Map<String, Integer> cids = new HashMap<>();
        for (int i = 0; i < parsed.attachments().size(); i++) {
            ParsedMail.Part p = parsed.attachments().get(i);
            files.add(new InboundDisplay.File(i, p.filename(), p.contentType(), p.content().length, p.inline()));
            if (p.contentId() != null) {
                cids.put(p.contentId().replaceAll("[<>]", ""), i);
            }
        }
        String html = null;
        int[] blocked = {0};
        if (parsed.html() != null) {
            html = sanitize(
                    parsed.html(), "/desk/admin/mail/inbound/" + view.id() + "/files/", cids, remoteImages, blocked);
        }
        String text = parsed.text() == null ? "" : parsed.text();
        String fresh = QuotedHistory.strip(text);
        String quoted = text.strip().length() > fresh.length() && text.strip().startsWith(fresh)
                ? text.strip().substring(fresh.length()).strip()
                : null;
        LoopRules.Result loop = LoopRules.check(parsed, "", "\u0000");
        return new InboundDisplay(
                view,
                parsed.fromName(),
                html,
                blocked[0],
                fresh,
                quoted,
                files,
                parsed.warnings(),
                loop.verdict().name(),
                loop.reason());
    }

    static String sanitize(
            String html, String fileUrl, Map<String, Integer> cids, boolean remoteImages, int[] blocked) {
        Safelist safelist = Safelist.relaxed()
                .addProtocols("img", "src", "cid")
                .addAttributes("td", "bgcolor", "align", "valign")
                .addAttributes("table", "border", "cellpadding", "cellspacing", "width")
                .addAttributes("font", "color")
                .addTags("font", "center", "hr");
        Document dirty = Jsoup.parse(html);
        Document clean = new Cleaner(safelist).clean(dirty);
        for (Element img : clean.select("img")) {
            String src = img.attr("src");
            if (src.regionMatches(true, 0, "cid:", 0, 4)) {
                Integer index = cids.get(src.substring(4).replaceAll("[<>]", ""));
                if (index == null) {
                    img.removeAttr("src");
                } else {
                    img.attr("src", fileUrl + index);
                }
            } else if (!remoteImages) {
                img.attr("data-blocked-src", src);
                img.removeAttr("src");
                img.addClass("blocked-image");
                blocked[0]++;
            }
        }
        for (Element a : clean.select("a[href]")) {
            a.attr("rel", "noopener noreferrer nofollow");
            a.attr("target", "_blank");
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
