package dev.tidesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import dev.tidesk.team.StaffView;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

class ReportWebTests extends WebTest {

    @Test
    void dashboardAndReportsAreForHeadsAndAdmins() throws Exception {
        StaffView head = data.member(Role.HEAD);
        StaffView agent = data.agent();
        Client client = data.client();
        MockHttpSession session = deskLogin(head.email());
        mvc.perform(get("/desk/dashboard").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"chart-backlog\"")))
                .andExpect(content().string(containsString("id=\"chart-channels\"")))
                .andExpect(content().string(containsString("/dist/echarts.min")))
                .andExpect(content().string(containsString("id=\"nav-dashboard\"")));
        for (String kind : ReportController.KINDS) {
            mvc.perform(get("/desk/reports/" + kind).session(session))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"chart-" + kind + "\"")))
                    .andExpect(content().string(containsString("id=\"report-as-of\"")))
                    .andExpect(content().string(containsString("Данные на ")));
        }
        mvc.perform(get("/desk/reports/nothing").session(session)).andExpect(status().isNotFound());

        MockHttpSession agentSession = deskLogin(agent.email());
        mvc.perform(get("/desk/dashboard").session(agentSession)).andExpect(status().isForbidden());
        mvc.perform(get("/desk/reports/volume").session(agentSession)).andExpect(status().isForbidden());
        mvc.perform(get("/desk/reports/volume/export?format=csv").session(agentSession))
                .andExpect(status().isForbidden());
        mvc.perform(get("/desk").session(agentSession))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"nav-dashboard\""))));
        mvc.perform(get("/desk/dashboard").session(portalLogin(client.login()))).andExpect(status().isForbidden());
        mvc.perform(get("/desk/dashboard")).andExpect(status().is3xxRedirection());
    }

    @Test
    void exportsTheFilteredReportAsCsvAndXlsx() throws Exception {
        StaffView head = data.member(Role.HEAD);
        Client client = data.client();
        data.request(client, "Первое", "Текст");
        data.request(client, "Второе", "Текст");
        MockHttpSession session = deskLogin(head.email());
        String today = LocalDate.now(java.time.ZoneId.of("Europe/Moscow")).toString();
        String query = "?from=" + today + "&to=" + today + "&grain=MONTH&org="
                + client.organization().id();

        byte[] csv = mvc.perform(get("/desk/reports/volume/export" + query + "&format=csv")
                        .session(session)
                        .header("Accept-Language", "ru"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("volume-" + today)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        String[] lines = text.strip().split("\r\n");
        // a byte order mark for Excel, the header in Russian, one month with two portal requests of normal urgency
        assertThat(text).startsWith("\uFEFF");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("Период;Всего;");
        assertThat(lines[1]).endsWith(";2;0;2;0;0;0;0;2;0");

        byte[] xlsx = mvc.perform(get("/desk/reports/volumeBySite/export" + query + "&format=xlsx")
                        .session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo(client.organization().name());
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo(client.site().liveUrl());
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(2.0);
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(2.0);
        }
        mvc.perform(get("/desk/reports/volume/export" + query + "&format=pdf").session(session))
                .andExpect(status().isNotFound());
    }

    /** The kinds of work are named in words in the dashboard legend, the norm-hours report and its exports, never by key. */
    @Test
    void kindsOfWorkAreNamedInWordsNotKeys() throws Exception {
        StaffView head = data.member(Role.HEAD);
        StaffView agent = data.agent();
        Client client = data.client();
        dev.tidesk.ticket.TicketView t = data.request(client, "Каталог", "Нужен фильтр.");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Moscow"));
        dev.tidesk.worklog.WorkLog log = context.getBean(dev.tidesk.worklog.WorkLog.class);
        for (dev.tidesk.worklog.WorkKind kind : dev.tidesk.worklog.WorkKind.values()) {
            log.log(t.id(), null, agent.id(), today, 60, kind, null);
        }
        MockHttpSession session = deskLogin(head.email());
        String query = "?from=" + today.withDayOfMonth(1) + "&to=" + today + "&grain=MONTH";
        for (String page : new String[] {"/desk/dashboard", "/desk/reports/normHours" + query}) {
            String html = mvc.perform(get(page).session(session).header("Accept-Language", "ru"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(html)
                    .as(page)
                    .doesNotContain("kind.WORK", "kind.CONSULTATION", "kind.TEST_COPY_SYNC", "kind.DEPLOY")
                    .contains("Работа", "Консультация", "Синхронизация тестовой копии", "Перенос на рабочий сайт");
        }
        String csv = new String(
                mvc.perform(get("/desk/reports/normHours/export" + query + "&format=csv")
                                .session(session)
                                .header("Accept-Language", "ru"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow())
                .contains("Работа;Консультация;Синхронизация тестовой копии;Перенос на рабочий сайт")
                .doesNotContain("kind.");
        byte[] xlsx = mvc.perform(get("/desk/reports/normHours/export" + query + "&format=xlsx")
                        .session(session)
                        .header("Accept-Language", "ru"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            StringBuilder headers = new StringBuilder();
            sheetRow(book.getSheetAt(0), 0, headers);
            assertThat(headers.toString()).doesNotContain("kind.").contains("Консультация");
        }
    }

    /**
     * The norm-hours and staff-activity charts: each month once on the axis and one named series per
     * person; a chart with nothing to show says so instead of drawing bare axes.
     */
    @Test
    void personChartsHaveOneSeriesPerPersonAndEachMonthOnce() throws Exception {
        StaffView head = data.member(Role.HEAD);
        StaffView first = data.agent();
        StaffView second = data.agent();
        Client client = data.client();
        dev.tidesk.ticket.TicketView t = data.request(client, "Каталог", "Нужен фильтр.");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Moscow"));
        dev.tidesk.worklog.WorkLog log = context.getBean(dev.tidesk.worklog.WorkLog.class);
        log.log(t.id(), null, first.id(), today, 90, dev.tidesk.worklog.WorkKind.WORK, null);
        log.log(t.id(), null, second.id(), today, 30, dev.tidesk.worklog.WorkKind.CONSULTATION, null);
        MockHttpSession session = deskLogin(head.email());
        String query = "?from=" + today.withDayOfMonth(1) + "&to=" + today + "&grain=MONTH";

        tools.jackson.databind.JsonNode chart = chart(
                mvc.perform(get("/desk/reports/normHours" + query + "&org="
                                        + client.organization().id())
                                .session(session))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                "chart-normHours");
        assertThat(chart.get("categories")).hasSize(1);
        java.util.Map<String, Double> byPerson = new java.util.HashMap<>();
        chart.get("series")
                .forEach(s -> byPerson.put(
                        s.get("name").asString(), s.get("data").get(0).asDouble()));
        assertThat(byPerson)
                .containsEntry(first.fullName(), 1.5)
                .containsEntry(second.fullName(), 0.5)
                .hasSize(2);
        assertThat(chart.get("valueName").asString()).isEqualTo("Нормочасы");

        mvc.perform(get("/desk/reports/staffActivity" + query).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"chart-staffActivity\"")));

        // a period with nothing in it: the chart says so
        String empty = mvc.perform(get("/desk/reports/staffActivity?from=2020-01-01&to=2020-01-31&grain=MONTH")
                        .session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(empty)
                        .getElementById("chart-staffActivity")
                        .text())
                .isEqualTo("Нет данных за этот период");
    }

    private static tools.jackson.databind.JsonNode chart(String html, String id) {
        String json = org.jsoup.Jsoup.parse(html).getElementById(id).attr("data-chart");
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
    }

    private static void sheetRow(Sheet sheet, int row, StringBuilder into) {
        sheet.getRow(row).forEach(cell -> into.append(cell.getStringCellValue()).append('|'));
    }

    /** CSV numbers are written as the reader writes them: a comma in Russian, a point in English. */
    @Test
    void csvNumbersUseTheReadersDecimalSeparator() throws Exception {
        StaffView head = data.member(Role.HEAD);
        StaffView agent = data.agent();
        var t = data.request(data.client(), "Полтора часа", "текст");
        var log = context.getBean(dev.tidesk.worklog.WorkLog.class);
        java.time.LocalDate today = log.today();
        log.log(t.id(), null, agent.id(), today, 90, dev.tidesk.worklog.WorkKind.WORK, null);
        MockHttpSession session = deskLogin(head.email());
        String query = "?from=" + today + "&to=" + today + "&grain=MONTH&person=" + agent.id();
        for (String[] lang : new String[][] {{"ru", ";1,5"}, {"en", ";1.5"}}) {
            String csv = new String(
                    mvc.perform(get("/desk/reports/normHours/export" + query + "&format=csv")
                                    .session(session)
                                    .param("lang", lang[0]))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsByteArray(),
                    StandardCharsets.UTF_8);
            assertThat(csv).as(lang[0]).contains(lang[1]);
        }
    }
}
