package dev.tidesk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkLog;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

/** The monthly statement as a real PDF, with Cyrillic text that can be extracted again; other organizations get 404. */
class StatementPdfWebTests extends WebTest {

    @Autowired
    WorkLog workLog;

    @Test
    void thePdfHoldsTheOrganizationTheRequestsAndTheHoursInCyrillic() throws Exception {
        ContractFixtures fixtures = new ContractFixtures(context);
        TestData.Client client = data.client();
        StaffView agent = data.agent();
        TicketView t = fixtures.request(
                data,
                client,
                "Перенести блог на новый шаблон, сохранить все ссылки и картинки,"
                        + " проверить отображение на телефонах",
                2);
        TicketView second = fixtures.request(data, client, "Ёлочные игрушки: щётка «Съешь ещё этих мягких булок»", 2);
        fixtures.sign(client, PlanCode.STANDARD, 2);
        fixtures.log(t, agent, 1, 7);
        fixtures.log(second, agent, 1, 2);
        YearMonth last = YearMonth.from(workLog.today()).minusMonths(1);
        MockHttpSession portal = portalLogin(client.login());

        mvc.perform(get("/portal/contract/statements/" + last).session(portal))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/portal/contract/statements/" + last + "/pdf")));

        byte[] pdf = mvc.perform(
                        get("/portal/contract/statements/" + last + "/pdf").session(portal))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", Matchers.containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            javax.imageio.ImageIO.write(
                    new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 80),
                    "png",
                    dir.resolve("statement-pdf.png").toFile());
        }
        assertThat(text)
                .contains(client.organization().name())
                .contains(t.tid())
                .contains(second.tid())
                .contains("Ёлочные игрушки")
                .contains("Отчёт о выполненных работах")
                .contains("Итого")
                .contains("9"); // 7 + 2 hours in all

        // another organization: no contract, no statement; with a contract, only its own
        mvc.perform(get("/portal/contract/statements/" + last + "/pdf")
                        .session(portalLogin(data.client().login())))
                .andExpect(status().isNotFound());
        TestData.Client other = data.client();
        fixtures.sign(other, PlanCode.ECONOMY, 2);
        byte[] theirs = mvc.perform(
                        get("/portal/contract/statements/" + last + "/pdf").session(portalLogin(other.login())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(theirs)) {
            assertThat(new PDFTextStripper().getText(doc))
                    .contains(other.organization().name())
                    .doesNotContain(client.organization().name())
                    .doesNotContain(t.tid());
        }
        mvc.perform(get("/portal/contract/statements/garbage/pdf").session(portal))
                .andExpect(status().isNotFound());
    }
}
