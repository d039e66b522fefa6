package dev.tidesk.mail.inbound;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads an HTML-only message as text, the way a mail program shows it as plain text: blocks and
 * line breaks become lines, and a {@code blockquote} becomes "&gt; " lines, one mark per level.
 * That is what lets {@link QuotedHistory} cut the history of an HTML-only reply (Gmail's
 * {@code gmail_quote}, Thunderbird's {@code cite} blockquote, Outlook's From:/Sent: block) with the
 * same rules as a text one. Scripts, styles and the head are dropped.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of(
            "address",
            "article",
            "blockquote",
            "center",
            "dd",
            "div",
            "dl",
            "dt",
            "footer",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hr",
            "li",
            "ol",
            "p",
            "pre",
            "section",
            "table",
            "tr",
            "ul");
    private static final Set<String> DROPPED = Set.of("head", "script", "style", "template", "title");

    private HtmlText() {}

    static String of(String html) {
        Renderer renderer = new Renderer();
        NodeTraversor.traverse(renderer, Jsoup.parse(html));
        StringBuilder text = new StringBuilder();
        for (String line : renderer.out.toString().split("\n", -1)) {
            // trailing spaces go, except in the signature separator "-- "
            text.append(line.equals("-- ") ? line : line.stripTrailing()).append('\n');
        }
        return text.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    private static final class Renderer implements NodeVisitor {
        final StringBuilder out = new StringBuilder();
        boolean lineStart = true;
        int quoteDepth;
        int dropped;
        int pre;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element e) {
                String name = e.normalName();
                if (DROPPED.contains(name)) {
                    dropped++;
                } else if (dropped == 0) {
                    if (name.equals("br")) {
                        newLine();
                    } else if (BLOCKS.contains(name)) {
                        endLine();
                        quoteDepth += name.equals("blockquote") ? 1 : 0;
                        pre += name.equals("pre") ? 1 : 0;
                    } else if (name.equals("td") || name.equals("th")) {
                        write(" ");
                    }
                }
            } else if (node instanceof TextNode t && dropped == 0) {
                String text = t.getWholeText().replace('\u00a0', ' ');
                if (pre > 0) {
                    String[] lines = text.split("\r?\n", -1);
                    for (int i = 0; i < lines.length; i++) {
                        if (i > 0) {
                            newLine();
                        }
                        write(lines[i]);
                    }
                } else {
                    write(text.replaceAll("\\s+", " "));
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                String name = e.normalName();
                if (DROPPED.contains(name)) {
                    dropped--;
                } else if (dropped == 0 && BLOCKS.contains(name)) {
                    endLine();
                    quoteDepth -= name.equals("blockquote") ? 1 : 0;
                    pre -= name.equals("pre") ? 1 : 0;
                }
            }
        }

        /** Text on the current line; a new line starts with its quote marks and no leading space. */
        private void write(String text) {
            if (lineStart) {
                text = pre > 0 ? text : text.stripLeading();
                if (text.isEmpty()) {
                    return;
                }
                out.append("> ".repeat(quoteDepth));
                lineStart = false;
            }
            out.append(text);
        }

        private void newLine() {
            out.append('\n');
            lineStart = true;
        }

        /** Ends the current line, if anything is on it. */
        private void endLine() {
            if (!lineStart) {
                newLine();
            }
        }
    }
}
