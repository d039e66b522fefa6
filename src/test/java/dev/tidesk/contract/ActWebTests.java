package dev.tidesk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.contract.ledger.Act;
import dev.tidesk.contract.ledger.Acts;
import dev.tidesk.contract.ledger.Agency;
import dev.tidesk.contract.ledger.MonthlyClose;
import dev.tidesk.customer.Customers;
import dev.tidesk.identity.Role;
import dev.tidesk.shared.Requisites;
import dev.tidesk.team.Specialty;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkLog;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

/**
 * The monthly акт: a PDF of a closed month with both parties' requisites, its number, the work and
 * the norm-hours, in the shipped font with its bold face; the same number on every download; only
 * the contact's own organization; a clear refusal for an open month; the requisites forms.
 */
class ActWebTests extends WebTest {

    static final String AGENCY_INN = "7701234567";
    static final String CLIENT_INN = "500100732259";

    @Autowired
    WorkLog workLog;

    @Autowired
    MonthlyClose monthlyClose;

    @Autowired
    Agency agency;

    @Autowired
    Acts acts;

    @Autowired
    Customers customers;

    @Autowired
    StaffDirectory staffDirectory;

    YearMonth last() {
        return YearMonth.from(workLog.today()).minusMonths(1);
    }

    /** A Standard client with 7 + 2 h logged last month, and last month closed. */
    TestData.Client closedClient(ContractFixtures fixtures, String subject) {
        TestData.Client client = data.client();
        StaffView agent = data.agent();
        TicketView t = fixtures.request(data, client, subject, 2);
        TicketView second = fixtures.request(data, client, "Ёлочные игрушки: обновить каталог", 2);
        fixtures.sign(client, PlanCode.STANDARD, 2);
        fixtures.log(t, agent, 1, 7);
        fixtures.log(second, agent, 1, 2);
        monthlyClose.close(last());
        return client;
    }

    @Test
    void theActOfAClosedMonthIsAPdfWithBothPartiesTheNumberTheHoursAndABoldFace() throws Exception {
        ContractFixtures fixtures = new ContractFixtures(context);
        TestData.Client client = closedClient(fixtures, "Перенести блог на новый шаблон");
        MockHttpSession admin = deskLogin(data.member(Role.ADMIN).email());
        mvc.perform(post("/desk/admin/requisites")
                        .session(admin)
                        .with(csrf())
                        .param("legalName", "ООО «Веб-Студия Прибой»")
                        .param("inn", "77 0123 4567")
                        .param("kpp", "770101001")
                        .param("ogrn", "1027700132195")
                        .param("address", "125009, г. Москва, ул. Тверская, д. 1")
                        .param("bankAccount", "40702 81040 00000 12345")
                        .param("bankName", "ПАО Сбербанк")
                        .param("bik", "044525225")
                        .param("correspondentAccount", "30101810400000000225")
                        .param("signatoryName", "Орлова Е. В.")
                        .param("signatoryPosition", "Генеральный директор"))
                .andExpect(status().is3xxRedirection());
        assertThat(agency.requisites().inn()).isEqualTo(AGENCY_INN);
        assertThat(agency.requisites().bankAccount()).isEqualTo("40702810400000012345");
        assertThat(context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                        .queryForObject(
                                "select detail from audit_log where action = 'REQUISITES_CHANGED' order by id desc limit 1",
                                String.class))
                .contains(AGENCY_INN);
        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());
        mvc.perform(post("/desk/admin/organizations/" + client.organization().id() + "/requisites")
                        .session(head)
                        .with(csrf())
                        .param("legalName", "ИП Смирнов Алексей Петрович")
                        .param("inn", CLIENT_INN)
                        .param("signatoryName", "Смирнов А. П."))
                .andExpect(status().is3xxRedirection());

        MockHttpSession portal = portalLogin(client.login());
        String statement = mvc.perform(
                        get("/portal/contract/statements/" + last()).session(portal))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(statement)
                .contains("/portal/contract/statements/" + last() + "/act")
                .contains("/portal/contract/statements/" + last() + "/act/pdf");

        byte[] pdf = mvc.perform(get("/portal/contract/statements/" + last() + "/act/pdf")
                        .session(portal))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", Matchers.containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Act act = acts.act(client.organization().id(), last());
        String text = textOf(pdf, "act-pdf");
        assertThat(text)
                .contains("Акт № " + act.number() + " от")
                .contains("ИНН " + AGENCY_INN)
                .contains("КПП 770101001")
                .contains("БИК 044525225")
                .contains("ООО «Веб-Студия Прибой»")
                .contains("ИНН " + CLIENT_INN)
                .contains("ИП Смирнов Алексей Петрович")
                .contains("Перенести блог на")
                .contains("руб. в месяц")
                .contains("Итого")
                .contains("Исполнитель")
                .contains("Заказчик")
                .contains("М.П.")
                .contains("Орлова Е. В.");
        assertThat(text.lines().filter(l -> l.startsWith("Итого")).findFirst().orElseThrow())
                .contains("9");
        assertThat(fontsOf(pdf))
                .as("fonts embedded in the PDF")
                .anyMatch(f -> f.endsWith("LiberationSans-Bold"))
                .anyMatch(f -> f.endsWith("LiberationSans"));

        // the same month keeps its number and date; the next client's first акт takes the next number
        assertThat(textOf(
                        mvc.perform(get("/portal/contract/statements/" + last() + "/act/pdf")
                                        .session(portal))
                                .andReturn()
                                .getResponse()
                                .getContentAsByteArray(),
                        null))
                .contains("Акт № " + act.number() + " от");
        TestData.Client next = closedClient(fixtures, "Обновить прайс-лист");
        Act nextAct = acts.act(next.organization().id(), last());
        assertThat(nextAct.number()).isGreaterThan(act.number());
        assertThat(nextAct.year()).isEqualTo(last().getYear());
        assertThat(acts.act(client.organization().id(), last()).number()).isEqualTo(act.number());
        assertThat(act.date()).isEqualTo(last().atEndOfMonth());

        // in English on request
        String english = textOf(
                mvc.perform(get("/portal/contract/statements/" + last() + "/act/pdf")
                                .param("lang", "en")
                                .session(portal))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                "act-pdf-en");
        assertThat(english)
                .contains("Certificate of services rendered No. " + act.number())
                .contains("INN " + AGENCY_INN)
                .contains("Contractor")
                .contains("Customer");

        // the printable page, and staff reach the same акт from the client's page
        mvc.perform(get("/portal/contract/statements/" + last() + "/act")
                        .param("lang", "ru")
                        .session(portal))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"act-title\"")))
                .andExpect(content().string(Matchers.containsString("@media print")))
                .andExpect(content().string(Matchers.containsString(CLIENT_INN)));
        String desk = "/desk/clients/" + client.organization().id() + "/statements/" + last();
        mvc.perform(get(desk).session(head))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(desk + "/act/pdf")));
        assertThat(textOf(
                        mvc.perform(get(desk + "/act/pdf")
                                        .session(deskLogin(data.agent().email())))
                                .andExpect(status().isOk())
                                .andReturn()
                                .getResponse()
                                .getContentAsByteArray(),
                        null))
                .contains("Акт № " + act.number() + " от")
                .contains(CLIENT_INN);
    }

    @Test
    void onlyTheOrganizationsOwnContactsAndSupportGetTheAct() throws Exception {
        ContractFixtures fixtures = new ContractFixtures(context);
        TestData.Client client = closedClient(fixtures, "Исправить форму обратной связи");
        customers.changeRequisites(
                client.organization().id(),
                new Requisites("ООО «Альфа»", "7707083893", null, null, null, null, null, null, null, null, null));

        // a contact of an organization without a contract gets nothing, with one only their own
        mvc.perform(get("/portal/contract/statements/" + last() + "/act/pdf")
                        .session(portalLogin(data.client().login())))
                .andExpect(status().isNotFound());
        TestData.Client other = closedClient(fixtures, "Другая работа");
        String theirs = textOf(
                mvc.perform(get("/portal/contract/statements/" + last() + "/act/pdf")
                                .session(portalLogin(other.login())))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                null);
        assertThat(theirs)
                .contains(other.organization().name())
                .doesNotContain("7707083893")
                .doesNotContain("Исправить форму обратной связи");

        String desk = "/desk/clients/" + client.organization().id() + "/statements/" + last() + "/act/pdf";
        mvc.perform(get(desk).session(portalLogin(other.login()))).andExpect(status().isForbidden());
        MockHttpSession specialist = deskLogin(staffDirectory
                .hire(
                        "Специалист " + System.nanoTime(),
                        "act-spec" + System.nanoTime() + "@tidesk.example",
                        Role.SPECIALIST,
                        Specialty.DEVELOPER,
                        TestData.PASSWORD)
                .email());
        mvc.perform(get(desk).session(specialist)).andExpect(status().isForbidden());
        mvc.perform(get(desk).session(deskLogin(data.member(Role.MANAGER).email())))
                .andExpect(status().isOk());
        mvc.perform(get("/portal/contract/statements/garbage/act").session(portalLogin(client.login())))
                .andExpect(status().isNotFound());
    }

    @Test
    void anOpenMonthHasNoActYetAndSaysWhy() throws Exception {
        ContractFixtures fixtures = new ContractFixtures(context);
        TestData.Client client = data.client();
        TicketView t = fixtures.request(data, client, "Текущая работа", 1);
        fixtures.sign(client, PlanCode.ECONOMY, 1);
        fixtures.log(t, data.agent(), 0, 3);
        YearMonth now = YearMonth.from(workLog.today());
        MockHttpSession portal = portalLogin(client.login());

        mvc.perform(get("/portal/contract/statements/" + now + "/act/pdf").session(portal))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("месяц не закрыт")));
        mvc.perform(get("/portal/contract/statements/" + now + "/act").session(portal))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/portal/contract/statements/" + now).session(portal))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"statement-act-later\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/act/pdf"))));
    }

    @Test
    void theRequisitesFormsRefuseWrongNumbersAndKeepWhatWasTyped() throws Exception {
        MockHttpSession admin = deskLogin(data.member(Role.ADMIN).email());
        Requisites before = agency.requisites();
        mvc.perform(post("/desk/admin/requisites")
                        .session(admin)
                        .with(csrf())
                        .param("legalName", "ООО «Прибой»")
                        .param("inn", "12345")
                        .param("bik", "04452522")
                        .param("bankAccount", "4070281040000001234X"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("10 цифр у организации, 12 у индивидуального")))
                .andExpect(content().string(Matchers.containsString("БИК: 9 цифр.")))
                .andExpect(content().string(Matchers.containsString("Расчётный счёт: 20 цифр.")))
                .andExpect(content().string(Matchers.containsString("value=\"12345\"")))
                .andExpect(content().string(Matchers.containsString("ООО «Прибой»")));
        mvc.perform(post("/desk/admin/requisites").session(admin).with(csrf()).param("inn", AGENCY_INN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Полное наименование: Заполните это поле.")));
        assertThat(agency.requisites()).isEqualTo(before);

        // the head keeps clients' requisites but not the agency's
        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());
        mvc.perform(get("/desk/admin/requisites").session(head)).andExpect(status().isForbidden());
        mvc.perform(get("/desk/admin/requisites").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"agency-requisites\"")));
        TestData.Client client = data.client();
        mvc.perform(post("/desk/admin/organizations/" + client.organization().id() + "/requisites")
                        .session(head)
                        .with(csrf())
                        .param("legalName", "ООО «Бета»")
                        .param("kpp", "7701"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("КПП: 9 цифр.")))
                .andExpect(content().string(Matchers.containsString("ООО «Бета»")));
        assertThat(customers.requisitesOf(client.organization().id()).isEmpty()).isTrue();
    }

    @Test
    void clientsAskingAtTheSameMomentGetDifferentNumbers() throws Exception {
        ContractFixtures fixtures = new ContractFixtures(context);
        List<TestData.Client> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clients.add(closedClient(fixtures, "Работа " + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> numbers = new ArrayList<>();
            for (TestData.Client c : clients) {
                Callable<Integer> issue =
                        () -> acts.act(c.organization().id(), last()).number();
                numbers.add(pool.submit(issue));
            }
            Set<Integer> distinct = new HashSet<>();
            for (Future<Integer> n : numbers) {
                distinct.add(n.get());
            }
            assertThat(distinct).hasSize(4);
        } finally {
            pool.shutdown();
        }
    }

    static String textOf(byte[] pdf, String screenshot) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (screenshot != null) {
                java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
                java.nio.file.Files.createDirectories(dir);
                javax.imageio.ImageIO.write(
                        new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 90),
                        "png",
                        dir.resolve(screenshot + ".png").toFile());
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true); // openhtmltopdf draws bold and regular runs apart
            return stripper.getText(doc);
        }
    }

    /** The names of the fonts embedded in the PDF's pages, subset prefixes included. */
    static List<String> fontsOf(byte[] pdf) throws Exception {
        List<String> names = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded())
                            .as(font.getName() + " embedded")
                            .isTrue();
                    names.add(font.getName());
                }
            }
        }
        return names;
    }
}
