package dev.tidesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HTML-only mail read as text: lines where the mail program draws them, quotes as "&gt; " lines,
 * so that the history of an HTML-only reply is cut like that of a text one.
 */
class HtmlTextTests {

    @Test
    void blocksAndBreaksBecomeLinesAndInlineTextStaysOnItsLine() {
        String text = HtmlText.of("""
                <html><head><title>t</title><style>p { color: red }</style></head><body>
                <div>Добрый день!</div><div><br></div>
                <div>Форма <b>не&nbsp;работает</b>, см. <a href="https://shop.example/form">страницу</a>.</div>
                <ul><li>Chrome</li><li>Safari</li></ul>
                <pre>line 1
                  line 2</pre>
                <script>alert(1)</script>
                </body></html>""");
        assertThat(text)
                .isEqualTo("Добрый день!\n\nФорма не работает, см. страницу.\nChrome\nSafari\nline 1\n  line 2");
    }

    @Test
    void nestedQuotesGetOneMarkPerLevel() {
        assertThat(HtmlText.of("<p>new</p><blockquote><p>old</p><blockquote>older</blockquote></blockquote>"))
                .isEqualTo("new\n> old\n> > older");
    }

    /** Fresh text kept, history cut, for the HTML each mail program writes when it sends no text part. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        gmail       | <div dir="ltr">Спасибо, заработало!</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">пн, 3 мар. 2025 г. в 12:40, Tidesk &lt;support@tidesk.local&gt;:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">Мы исправили форму.</blockquote></div>
        thunderbird | <p>Спасибо, заработало!</p><p>-- <br>Ольга</p><div class="moz-cite-prefix">03.03.2025 12:40, Tidesk пишет:<br></div><blockquote type="cite">Мы исправили форму.</blockquote>
        outlook     | <div>Спасибо, заработало!</div><hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr"><b>От:</b> Tidesk &lt;support@tidesk.local&gt;<br><b>Отправлено:</b> 3 марта 2025 г. 12:40<br><b>Тема:</b> Re: форма</div><div>Мы исправили форму.</div>
        plain quote | <div>Спасибо, заработало!</div><blockquote>Мы исправили форму.</blockquote>
        """)
    void theHistoryOfAnHtmlOnlyReplyIsCut(String client, String html) {
        byte[] raw = ("From: olga@client.example\r\nSubject: Re: форма\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + html
                        + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        ParsedMail mail = MailParser.parse(raw);
        String fresh = QuotedHistory.strip(mail.text());
        assertThat(mail.text()).contains("Мы исправили форму.");
        assertThat(fresh).startsWith("Спасибо, заработало!").doesNotContain("Мы исправили", "Tidesk");
        if (client.equals("thunderbird")) {
            assertThat(fresh).endsWith("-- \nОльга".strip());
        }
    }
}
